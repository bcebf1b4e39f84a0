using System.Net.Mail;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Administration;

[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class UserEditModel(AppDbContext db) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? EntraTenantId { get; set; }
    [BindProperty] public string? EntraObjectId { get; set; }
    [BindProperty] public bool IsGlobalAdministrator { get; set; }
    [BindProperty] public bool IsEStrategist { get; set; }

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

            (DisplayName, Email, IsGlobalAdministrator, IsEStrategist) = (u.DisplayName, u.Email, u.IsGlobalAdministrator, u.IsEStrategist);
            (EntraTenantId, EntraObjectId) = (u.EntraTenantId.ToString(), u.EntraObjectId.ToString());
        }

        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > Limits.Name)
        {
            errors[nameof(DisplayName)] = ["Ange namnet (högst 200 tecken)."];
        }

        if (!string.IsNullOrWhiteSpace(Email) && (Email.Trim().Length > Limits.Email || !MailAddress.TryCreate(Email.Trim(), out _)))
        {
            errors[nameof(Email)] = ["E-postadressen är inte giltig."];
        }

        if (!Guid.TryParse(EntraTenantId, out var tid))
        {
            errors[nameof(EntraTenantId)] = ["Ange klient-id (tid) som ett GUID."];
        }

        if (!Guid.TryParse(EntraObjectId, out var oid))
        {
            errors[nameof(EntraObjectId)] = ["Ange objekt-id (oid) som ett GUID."];
        }
        else if (await db.Users.AnyAsync(u => u.EntraTenantId == tid && u.EntraObjectId == oid && u.Id != Id, ct))
        {
            errors[nameof(EntraObjectId)] = ["Det finns redan en användare med samma tid och oid."];
        }

        AddErrors(errors);
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }

        var user = Id is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (Id is not null && user is null)
        {
            return NotFound();
        }

        user ??= db.Users.Add(new AppUser { DisplayName = string.Empty }).Entity;
        user.DisplayName = DisplayName!.Trim();
        user.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        (user.EntraTenantId, user.EntraObjectId) = (tid, oid);
        (user.IsGlobalAdministrator, user.IsEStrategist) = (IsGlobalAdministrator, IsEStrategist);
        await db.SaveChangesAsync(ct);
        return LocalRedirect($"/admin/anvandare/{user.Id}");
    }

    public async Task<IActionResult> OnPostAddMembershipAsync(Guid partyId, PartyRole role, CancellationToken ct)
    {
        if (Id is null || !await db.Users.AnyAsync(u => u.Id == Id, ct) || !await db.Parties.AnyAsync(p => p.Id == partyId, ct) || !Enum.IsDefined(role))
        {
            return NotFound();
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == Id && m.PartyId == partyId && m.Role == role, ct))
        {
            db.Memberships.Add(new Membership { UserId = Id.Value, PartyId = partyId, Role = role });
            await db.SaveChangesAsync(ct);
        }

        return LocalRedirect($"/admin/anvandare/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveMembershipAsync(Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == Id, ct);
        if (membership is null)
        {
            return NotFound();
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return LocalRedirect($"/admin/anvandare/{Id}");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        AllParties = await db.Parties.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Memberships = Id is null ? [] : await db.Memberships.AsNoTracking().Include(m => m.Party).Where(m => m.UserId == Id).ToListAsync(ct);
    }
}
