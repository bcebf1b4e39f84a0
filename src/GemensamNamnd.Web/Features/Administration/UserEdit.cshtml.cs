using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Administration;

[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class UserEditModel(AppDbContext db, SaveUser save, AddMembership addMembership, RemoveMembership removeMembership) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? EntraTenantId { get; set; }
    [BindProperty] public string? EntraObjectId { get; set; }
    [BindProperty] public bool IsGlobalAdministrator { get; set; }
    [BindProperty] public bool IsEStrategist { get; set; }

    [BindProperty] public bool IsDisabled { get; set; }

    public List<Membership> Memberships { get; private set; } = [];

    public List<Party> AllParties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (u is null)
            {
                return NotFound();
            }

            (DisplayName, Email, IsGlobalAdministrator, IsEStrategist, IsDisabled) = (u.DisplayName, u.Email, u.IsGlobalAdministrator, u.IsEStrategist, u.IsDisabled);
            (EntraTenantId, EntraObjectId) = (u.EntraTenantId.ToString(), u.EntraObjectId.ToString());
        }

        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.SaveAsync(Id, new UserInput(DisplayName, Email, EntraTenantId, EntraObjectId, IsGlobalAdministrator, IsEStrategist, IsDisabled), ct);
        if (!result.Ok)
        {
            await LoadListsAsync(ct);
            return Refusal(result)!;
        }

        return LocalRedirect($"/admin/anvandare/{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostAddMembershipAsync(Guid partyId, PartyRole role, CancellationToken ct) =>
        (await addMembership.AddAsync(Id, partyId, role, ct)).Ok ? LocalRedirect($"/admin/anvandare/{Id}") : NotFound();

    /// <summary>The confirmation asked before a membership is removed (<see cref="Confirmation"/>); null when none is asked.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>Removing a membership: asked first, stating the consequence (<see cref="Confirmation"/>); only the confirmed post removes it.</summary>
    public async Task<IActionResult> OnPostRemoveMembershipAsync(Guid membershipId, CancellationToken ct)
    {
        if (Confirmation.IsConfirmed(Request))
        {
            return (await removeMembership.RemoveAsync(Id, membershipId, ct)).Ok ? LocalRedirect($"/admin/anvandare/{Id}") : NotFound();
        }

        var membership = await db.Memberships.AsNoTracking().Include(m => m.Party)
            .FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == Id, ct);
        if (membership is null || await OnGetAsync(ct) is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return NotFound();
        }

        ModelState.Clear();
        Confirm = new Confirmation("RemoveMembership", $"Ta bort {DisplayName} som {membership.Role.Swedish().ToLowerInvariant()} i {membership.Party?.Name}?",
            $"{DisplayName} förlorar genast rollen {membership.Role.Swedish().ToLowerInvariant()} i {membership.Party?.Name}: en pågående inloggning avslutas, och ärenden som är tilldelade personen står kvar utan att personen kan öppna dem.",
            "Ja, ta bort rollen", [new("membershipId", membershipId.ToString())]);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        AllParties = await db.Parties.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Memberships = Id is null ? [] : await db.Memberships.AsNoTracking().Include(m => m.Party).Where(m => m.UserId == Id).ToListAsync(ct);
    }
}
