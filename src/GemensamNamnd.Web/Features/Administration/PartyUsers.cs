using System.Net;
using System.Net.Mail;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Administration;

/// <summary>One of the party's users as its administrator sees them: their roles in this party only.</summary>
public sealed record PartyUserRow(Guid UserId, string DisplayName, string? Email, bool Invited, bool IsDisabled, IReadOnlyList<PartyRoleRow> Roles);

public sealed record PartyRoleRow(Guid MembershipId, PartyRole Role);

/// <summary>An invitation as the form or the API sends it: a name, the e-mail address or UPN the person signs in with, a role.</summary>
public sealed record PartyInvitation(string? DisplayName, string? Email, PartyRole? Role);

/// <summary>
/// A party's administrator manages the party's own users: invites by e-mail address or UPN (the Entra <c>tid</c> and
/// <c>oid</c> are bound at the first sign-in, <see cref="UserInvitations"/>), gives and takes roles in this party. Every
/// step is bounded by the current party: a membership of another party is "not found", a user who is not a member here
/// cannot be given a role, and nothing here touches a user's name, address, global roles or other parties' memberships.
/// </summary>
public sealed class PartyUsers(AppDbContext db, CurrentParty currentParty, UserSessions sessions, IOptions<MailOptions> mail, TimeProvider clock)
{
    public async Task<IReadOnlyList<PartyUserRow>> ListAsync(CancellationToken ct)
    {
        var partyId = currentParty.Required.Id;
        var users = await db.Users.AsNoTracking().Where(u => u.Memberships.Any(m => m.PartyId == partyId))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.EntraTenantId,
                u.IsDisabled,
                Roles = u.Memberships.Where(m => m.PartyId == partyId).Select(m => new PartyRoleRow(m.Id, m.Role)).ToList(),
            })
            .ToListAsync(ct);
        return [.. users.OrderBy(u => u.DisplayName, StringComparer.Create(Swedish.Culture, true))
            .Select(u => new PartyUserRow(u.Id, u.DisplayName, u.Email, u.EntraTenantId == UserInvitations.NotYetSignedIn, u.IsDisabled, [.. u.Roles.OrderBy(r => r.Role)]))];
    }

    /// <summary>
    /// Invites a person to the party with a role. A user with that address already (invited or signed in) is given the
    /// role here and is otherwise left as they are; else a new user waits for the first sign-in with that address.
    /// </summary>
    public async Task<CommandResult<Guid>> InviteAsync(PartyInvitation input, CancellationToken ct)
    {
        var errors = new List<Error>();
        var name = input.DisplayName?.Trim();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Limits.Name)
        {
            errors.Add(new Error(nameof(input.DisplayName), "Ange namnet (högst 200 tecken)."));
        }

        if (string.IsNullOrEmpty(email) || email.Length > Limits.Email || !MailAddress.TryCreate(email, out _))
        {
            errors.Add(new Error(nameof(input.Email), "Ange e-postadressen eller användarnamnet (UPN) som personen loggar in med, t.ex. anna.andersson@ostersund.se."));
        }

        if (input.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add(new Error("InvitedRole", "Välj en roll."));
            role = default;
        }

        if (CommandResult.RefuseIfAny<Guid>(errors) is { } refused)
        {
            return refused;
        }

        var partyId = currentParty.Required.Id;
        var lower = email!.ToLowerInvariant();
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email != null && u.Email.ToLower() == lower, ct);
#pragma warning restore CA1304, CA1311
        if (user is null)
        {
            user = db.Users.Add(new AppUser
            {
                DisplayName = name!,
                Email = email,
                EntraTenantId = UserInvitations.NotYetSignedIn,
                EntraObjectId = Guid.CreateVersion7(),
            }).Entity;
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.PartyId == partyId && m.Role == role, ct))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, PartyId = partyId, Role = role });
            Tell(user.Email ?? email, name!, role);
        }

        if (!await db.TrySaveUniqueAsync(ct))
        {
            return CommandResult<Guid>.Invalid(nameof(input.Email), "Personen har redan den rollen hos parten.");
        }

        return CommandResult.Done(user.Id);
    }

    /// <summary>The invitation mail, through the outbox in the invitation's save: who invites to what, and where to sign in.</summary>
    private void Tell(string address, string name, PartyRole role)
    {
        var party = currentParty.Required;
        var content = InvitationMail(party.Name, name, role, mail.Value.LinkBase.TrimEnd('/') + "/", address);
        db.OutboxMessages.Add(OutboxMessage.ForParty(party, mail.Value, address, content, clock.GetUtcNow()));
    }

    /// <summary>The invitation: the party, the role, the address to sign in with and the link; subject within 78 characters.</summary>
    public static (string Subject, string Text, string Html) InvitationMail(string partyName, string name, PartyRole role, string link, string signInName)
    {
        var subject = $"{partyName}: du är inbjuden till GemensamNamnd";
        if (subject.Length > 78)
        {
            subject = string.Concat(subject.AsSpan(0, 77), "…");
        }

        var lead = $"Hej {name}! Du har bjudits in till GemensamNamnd hos {partyName} som {role.Swedish().ToLowerInvariant()}.";
        var how = $"Logga in med ditt konto i organisationen ({signInName}). Kontot kopplas till inbjudan första gången du loggar in.";
        var text = $"{lead}\n\n{how}\n\nLogga in: {link}\n";
        var html = $"<p>{WebUtility.HtmlEncode(lead)}</p><p>{WebUtility.HtmlEncode(how)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Logga in i GemensamNamnd</a></p>";
        return (subject, text, html);
    }

    /// <summary>Gives one of the party's users another role in this party; a user who is not a member here is not found.</summary>
    public async Task<CommandResult<Guid>> AddRoleAsync(Guid userId, PartyRole? role, CancellationToken ct)
    {
        var partyId = currentParty.Required.Id;
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.PartyId == partyId, ct))
        {
            return CommandResult<Guid>.NotFound();
        }

        if (role is not { } given || !Enum.IsDefined(given))
        {
            return CommandResult<Guid>.Invalid("Role", "Välj en roll.");
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.PartyId == partyId && m.Role == given, ct))
        {
            db.Memberships.Add(new Membership { UserId = userId, PartyId = partyId, Role = given });
            await db.SaveChangesAsync(ct);
        }

        return CommandResult.Done(userId);
    }

    /// <summary>Takes one role in this party from a user and ends the user's sessions at once; another party's membership is not found.</summary>
    public async Task<CommandResult<Guid>> RemoveRoleAsync(Guid membershipId, CancellationToken ct)
    {
        var partyId = currentParty.Required.Id;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.PartyId == partyId, ct);
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
