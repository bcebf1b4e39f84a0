using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Administration;

/// <summary>/{party}/anvandare: the party's administrator invites people and gives and takes their roles in this party.</summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class PartyUsersModel(PartyUsers users, CurrentParty currentParty) : FormPageModel
{
    public IReadOnlyList<PartyUserRow> Users { get; private set; } = [];

    public string PartyName => currentParty.Required.Name;

    public string Slug => currentParty.Required.Slug;

    [BindProperty] public string? DisplayName { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public PartyRole? InvitedRole { get; set; }

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var result = await users.InviteAsync(new PartyInvitation(DisplayName, Email, InvitedRole), ct);
        if (!result.Ok)
        {
            Users = await users.ListAsync(ct);
            return Refusal(result)!;
        }

        Notice = $"{DisplayName?.Trim()} har bjudits in och får en inbjudan med e-post. Personen kopplas till sitt konto första gången hen loggar in med {Email?.Trim()}.";
        return LocalRedirect($"/{Slug}/anvandare");
    }

    public async Task<IActionResult> OnPostAddRoleAsync(Guid userId, PartyRole partyRole, CancellationToken ct) =>
        (await users.AddRoleAsync(userId, partyRole, ct)).Ok ? LocalRedirect($"/{Slug}/anvandare") : NotFound();

    /// <summary>The confirmation asked before a role is taken (<see cref="Confirmation"/>); null when none is asked.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>Taking a role: asked first, stating the consequence (<see cref="Confirmation"/>); only the confirmed post takes it.</summary>
    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid membershipId, CancellationToken ct)
    {
        if (Confirmation.IsConfirmed(Request))
        {
            return (await users.RemoveRoleAsync(membershipId, ct)).Ok ? LocalRedirect($"/{Slug}/anvandare") : NotFound();
        }

        Users = await users.ListAsync(ct);
        var (user, role) = Users.SelectMany(u => u.Roles.Select(r => (User: u, Role: r))).FirstOrDefault(x => x.Role.MembershipId == membershipId);
        if (user is null)
        {
            return NotFound();
        }

        var roleName = role.Role.Swedish().ToLowerInvariant();
        Confirm = new Confirmation("RemoveRole", $"Ta bort {user.DisplayName} som {roleName} i {PartyName}?",
            $"{user.DisplayName} förlorar genast rollen {roleName} i {PartyName}: en pågående inloggning avslutas, och ärenden som är tilldelade personen står kvar utan att personen kan öppna dem.",
            "Ja, ta bort rollen", [new("membershipId", membershipId.ToString())]);
        return Page();
    }
}
