using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// One of the party's DPOs: contact details, other roles and independence warnings, the total share over time across all
/// parties (totals only) and this party's allocations. A person who is not this party's does not exist here (404).
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class PartyPersonModel(DpoRegister register, CurrentParty currentParty, IAuthorizationService authorization) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    public PartyPersonView View { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await register.PersonAsync(Id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        CanEdit = !view.Person.ServesOtherParties && (await authorization.AuthorizeAsync(User, Policies.PartyAdministrator)).Succeeded;
        return Page();
    }
}
