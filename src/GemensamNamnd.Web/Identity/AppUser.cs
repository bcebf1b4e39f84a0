using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Identity;

/// <summary>Roles a user holds in one party (membership). Values match the Entra app role values.</summary>
public enum PartyRole
{
    Handlaggare,
    Dataskyddsombud,
    Administrator,
}

/// <summary>A signed-in person, identified by Entra tenant id + object id, never by e-mail.</summary>
public sealed class AppUser
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EntraTenantId { get; set; }

    public Guid EntraObjectId { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>Manages parties, users and memberships in the administration area.</summary>
    public bool IsGlobalAdministrator { get; set; }

    /// <summary>The committee's e-strateg: sees cross-party aggregates only.</summary>
    public bool IsEStrategist { get; set; }

    /// <summary>
    /// Spärrad: an administrator has shut the user out. A disabled user has no rights anywhere (<see cref="CurrentUser"/>
    /// does not know them), gets no reminders and cannot be assigned; disabling ends the user's sessions at once.
    /// </summary>
    public bool IsDisabled { get; set; }

    /// <summary>Reminders as they happen, or one digest a day at 07:00 Swedish time.</summary>
    public bool WantsDailyDigest { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}

public sealed class Membership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid PartyId { get; set; }

    public Party? Party { get; set; }

    public PartyRole Role { get; set; }
}

public static class PartyRoleNames
{
    public static string Swedish(this PartyRole role) => role switch
    {
        PartyRole.Handlaggare => "Handläggare",
        PartyRole.Dataskyddsombud => "Dataskyddsombud",
        PartyRole.Administrator => "Administratör",
        _ => role.ToString(),
    };
}
