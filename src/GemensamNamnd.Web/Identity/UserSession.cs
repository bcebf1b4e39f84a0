namespace GemensamNamnd.Web.Identity;

/// <summary>
/// One sign-in, kept on the server (global table <c>user_sessions</c>, no party): the auth cookie names it and is honoured
/// only while it is open. Signing out, or an administrator changing the user's rights, ends it at once, so a copied cookie
/// stops working.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The registered user; null for an Entra sign-in of someone not (yet) registered.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a request last confirmed the session (at most once per check interval).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: one of <see cref="UserSessionEnd"/>.</summary>
    public string? EndReason { get; set; }
}

/// <summary>Why a session ended.</summary>
public static class UserSessionEnd
{
    public const string SignedOut = "signed-out";

    /// <summary>An administrator took a membership or a global role away.</summary>
    public const string RightsChanged = "rights-changed";
}
