using System.ComponentModel.DataAnnotations;

namespace GemensamNamnd.Web.Features.Outbox;

public enum MailSecurity
{
    /// <summary>STARTTLS when the server offers it, required on port 587 (MailKit's Auto picks per port).</summary>
    Auto,
    StartTls,
    SslOnConnect,
    None,
}

/// <summary>
/// Section <c>Mail</c> (infra sets Mail__Host, Port, UserName, Password, From). Without a host, mails are written as
/// <c>.eml</c> files to <see cref="PickupDirectory"/> — the embedded default, so <c>dotnet run</c> needs no SMTP server.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Mail:Port måste vara 1–65535.")]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Default sender; a party may set its own (PartySettings.MailFrom).</summary>
    [EmailAddress(ErrorMessage = "Mail:From måste vara en e-postadress.")]
    public string From { get; set; } = "noreply@gemensamnamnd.local";

    /// <summary>Where mails go when no <see cref="Host"/> is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>The address links in mails point to when <see cref="LinkBaseUrl"/> is not set (the embedded default's).</summary>
    public const string LocalLinkBase = "http://localhost:5080";

    /// <summary>
    /// The app's public address, for links in mails. Unset, links point to <see cref="LocalLinkBase"/>: a warning at
    /// start-up, and in Production the start is refused.
    /// </summary>
    public string? LinkBaseUrl { get; set; }

    public bool HasLinkBaseUrl => !string.IsNullOrWhiteSpace(LinkBaseUrl);

    /// <summary>Where links in mails point: <see cref="LinkBaseUrl"/>, else <see cref="LocalLinkBase"/>.</summary>
    public string LinkBase => HasLinkBaseUrl ? LinkBaseUrl!.Trim() : LocalLinkBase;

    /// <summary>True when <see cref="LinkBaseUrl"/> is unset or an absolute http(s) address.</summary>
    public bool LinkBaseUrlIsValid => !HasLinkBaseUrl
        || (Uri.TryCreate(LinkBaseUrl!.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long a mail is retried before it is marked failed and listed for administrators: at least 24 hours, so a mail
    /// relay down overnight loses nothing (counted from the first attempt, by the backoffs).
    /// </summary>
    [Range(24, 168, ErrorMessage = "Mail:RetryHours måste vara 24–168: ett meddelande ska prövas minst ett dygn innan det ges upp.")]
    public int RetryHours { get; set; } = 24;

    /// <summary>First retry delay; doubled after every failed attempt (exponential backoff), capped at <see cref="RetryMaxSeconds"/>.</summary>
    [Range(1, 3600, ErrorMessage = "Mail:RetryBaseSeconds måste vara 1–3600.")]
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>The longest wait between two attempts (15 minutes): after an outage, mail goes out within this.</summary>
    [Range(60, 3600, ErrorMessage = "Mail:RetryMaxSeconds måste vara 60–3600.")]
    public int RetryMaxSeconds { get; set; } = 900;

    /// <summary>A reminder sent more than this many minutes after it was created says that it is late, and why.</summary>
    [Range(1, 1440, ErrorMessage = "Mail:LateAfterMinutes måste vara 1–1440.")]
    public int LateAfterMinutes { get; set; } = 30;

    /// <summary>How often the dispatcher looks for due mail.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
