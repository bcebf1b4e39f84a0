using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// A party administrator adds a DPO person, or changes one of the party's who serves no other party
/// (<c>…/personer/ny</c>, <c>…/personer/{id}/andra</c>). A shared person is changed only by a global administrator.
/// </summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class PartyPersonEditModel(AppDbContext db, DpoRegister register, CurrentParty currentParty) : PersonFormModel(db, register)
{
    public override string BackUrl => Id is null ? $"/{currentParty.Required.Slug}/dataskyddsombud" : $"/{currentParty.Required.Slug}/dataskyddsombud/personer/{Id}";

    protected override bool AsGlobalAdministrator => false;

    protected override Guid? OwnPartyId => currentParty.Required.Id;

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        EmployingPartyId ??= Id is null ? currentParty.Required.Id : null;
        return LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(ct);
}
