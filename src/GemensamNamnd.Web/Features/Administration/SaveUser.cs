using System.Net.Mail;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Administration;

/// <summary>A user as the administration form sends it; the Entra ids as typed.</summary>
public sealed record UserInput(string? DisplayName, string? Email, string? EntraTenantId, string? EntraObjectId, bool IsGlobalAdministrator, bool IsEStrategist, bool IsDisabled = false);

/// <summary>Creates (<c>id</c> null) or changes a user (global administrators): one user per Entra tid and oid.</summary>
public sealed class SaveUser(AppDbContext db, UserSessions sessions)
{
    public async Task<CommandResult<AppUser>> SaveAsync(Guid? id, UserInput input, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Trim().Length > Limits.Name)
        {
            errors.Add(new Error(nameof(input.DisplayName), "Ange namnet (högst 200 tecken)."));
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && (input.Email.Trim().Length > Limits.Email || !MailAddress.TryCreate(input.Email.Trim(), out _)))
        {
            errors.Add(new Error(nameof(input.Email), "E-postadressen är inte giltig."));
        }

        if (!Guid.TryParse(input.EntraTenantId, out var tid))
        {
            errors.Add(new Error(nameof(input.EntraTenantId), "Ange klientorganisations-id som ett GUID."));
        }

        if (!Guid.TryParse(input.EntraObjectId, out var oid))
        {
            errors.Add(new Error(nameof(input.EntraObjectId), "Ange objekt-id (oid) som ett GUID."));
        }
        else if (await db.Users.AnyAsync(u => u.EntraTenantId == tid && u.EntraObjectId == oid && u.Id != id, ct))
        {
            errors.Add(new Error(nameof(input.EntraObjectId), "Det finns redan en användare med samma klientorganisations-id och objekt-id."));
        }

        if (CommandResult.RefuseIfAny<AppUser>(errors) is { } refused)
        {
            return refused;
        }

        var user = id is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (id is not null && user is null)
        {
            return CommandResult<AppUser>.NotFound();
        }

        // Taking a global role away, or disabling the user, ends the user's sessions at once: a copied cookie keeps no right
        // that was removed.
        var rightsTaken = user is not null && ((user.IsGlobalAdministrator && !input.IsGlobalAdministrator) || (user.IsEStrategist && !input.IsEStrategist)
            || (input.IsDisabled && !user.IsDisabled) || user.EntraTenantId != tid || user.EntraObjectId != oid);
        user ??= db.Users.Add(new AppUser { DisplayName = string.Empty }).Entity;
        user.DisplayName = input.DisplayName!.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        (user.EntraTenantId, user.EntraObjectId) = (tid, oid);
        (user.IsGlobalAdministrator, user.IsEStrategist, user.IsDisabled) = (input.IsGlobalAdministrator, input.IsEStrategist, input.IsDisabled);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return CommandResult<AppUser>.Invalid(nameof(input.EntraObjectId), "Det finns redan en användare med samma klientorganisations-id och objekt-id.");
        }

        if (rightsTaken)
        {
            await sessions.EndAllAsync(user.Id, UserSessionEnd.RightsChanged, ct);
        }

        return CommandResult.Done(user);
    }
}

/// <summary>Gives a user a role at a party; giving one already held changes nothing.</summary>
public sealed class AddMembership(AppDbContext db)
{
    public async Task<CommandResult<Guid>> AddAsync(Guid? userId, Guid partyId, PartyRole role, CancellationToken ct)
    {
        if (userId is not { } id || !await db.Users.AnyAsync(u => u.Id == id, ct) || !await db.Parties.AnyAsync(p => p.Id == partyId, ct) || !Enum.IsDefined(role))
        {
            return CommandResult<Guid>.NotFound();
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == id && m.PartyId == partyId && m.Role == role, ct))
        {
            db.Memberships.Add(new Membership { UserId = id, PartyId = partyId, Role = role });
            await db.SaveChangesAsync(ct);
        }

        return CommandResult.Done(id);
    }
}

/// <summary>Takes one role at one party from a user, and ends the user's sessions at once.</summary>
public sealed class RemoveMembership(AppDbContext db, UserSessions sessions)
{
    public async Task<CommandResult<Guid>> RemoveAsync(Guid? userId, Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == userId, ct);
        if (membership is null)
        {
            return CommandResult<Guid>.NotFound();
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        await sessions.EndAllAsync(membership.UserId, UserSessionEnd.RightsChanged, ct);
        return CommandResult.Done(membership.UserId);
    }
}
