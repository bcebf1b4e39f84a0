using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

[AllowAnonymous]
public sealed class IndexModel(CurrentUser currentUser, IAuthorizationService authorization) : PageModel
{
    public AppUser? Me { get; private set; }

    public List<Party> Parties { get; private set; } = [];

    /// <summary>Administration of parties and users (the policy of /admin).</summary>
    public bool MayAdminister { get; private set; }

    /// <summary>The committee's comparison (the policy of /mognad).</summary>
    public bool MayCompare { get; private set; }

    public IEnumerable<string> RolesIn(Guid partyId) =>
        Me?.Memberships.Where(m => m.PartyId == partyId).Select(m => m.Role.Swedish()) ?? [];

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await currentUser.GetAsync();

        // A member of a party starts the day with what is due across their parties (the list also links each party).
        if (Me?.Memberships.Count > 0)
        {
            return LocalRedirect("/att-gora");
        }

        Parties = Me?.Memberships.Select(m => m.Party!).DistinctBy(p => p.Id).OrderBy(p => p.Name).ToList() ?? [];
        if (Me is not null)
        {
            MayAdminister = (await authorization.AuthorizeAsync(User, Policies.GlobalAdministrator)).Succeeded;
            MayCompare = (await authorization.AuthorizeAsync(User, Policies.EStrategist)).Succeeded;
        }

        return Page();
    }
}
