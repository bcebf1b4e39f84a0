using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Retention;

namespace GemensamNamnd.Web.Parties;

public enum PartyKind
{
    Kommun,
    Region,
}

/// <summary>A party (part) of the committee, the unit whose data is kept apart from every other's. Global data, not party-owned.</summary>
public sealed class Party
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>URL slug, e.g. <c>ostersund</c>, <c>region-jh</c>. Stable: links and integrations use it.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public PartyKind Kind { get; set; }

    /// <summary>Organisationsnummer (NNNNNN-NNNN); null until an administrator has entered a verified one.</summary>
    public string? OrganisationNumber { get; set; }

    /// <summary>Entra ID tenant ids (<c>tid</c>) whose users belong to this party.</summary>
    public List<Guid> EntraTenantIds { get; set; } = [];

    public PartySettings Settings { get; set; } = new();

    public bool IsActive { get; set; } = true;
}

/// <summary>Per-party settings. Every rule that changes a deadline is visible here, never silent.</summary>
public sealed class PartySettings
{
    /// <summary>Prefix of the case numbers (diarienummer), e.g. <c>KS</c> → <c>KS 2026/0042</c>.</summary>
    public string CaseNumberPrefix { get; set; } = "KS";

    /// <summary>Whether Midsummer Eve, Christmas Eve and New Year's Eve move a deadline (lag 1930:173); off by default.</summary>
    public bool EvesAreHolidays { get; set; }

    /// <summary>Whether the one-month clock counts from receipt (strict default) or from confirmed identity (Art. 12(6)).</summary>
    public DeadlineClockStart RequestClockStart { get; set; } = DeadlineClockStart.Receipt;

    /// <summary>Months a closed request is kept before it is thinned (gallring).</summary>
    public int RequestRetentionMonths { get; set; } = 24;

    /// <summary>Months a closed breach is kept before it is thinned (gallring).</summary>
    public int BreachRetentionMonths { get; set; } = 60;

    /// <summary>Whether a closed request past its period is thinned (personal data removed) or deleted; thinned by default.</summary>
    public RetentionAction RequestRetentionAction { get; set; } = RetentionAction.Thin;

    /// <summary>Whether a closed breach past its period is thinned or deleted; thinned by default.</summary>
    public RetentionAction BreachRetentionAction { get; set; } = RetentionAction.Thin;

    /// <summary>Client ids of the party's e-tjänster that may register requests with an app token (app role Intake.Requests).</summary>
    public List<Guid> IntakeClientIds { get; set; } = [];

    /// <summary>Days before a request's due date that a reminder goes out.</summary>
    public List<int> RequestReminderDays { get; set; } = [7, 2, 0];

    /// <summary>Hours after awareness of a breach at which a reminder goes out while no decision is made.</summary>
    public List<int> BreachReminderHours { get; set; } = [24, 48, 66, 72];

    /// <summary>Days before a breach's first supplement to IMY is due (Art. 33(4)) that a reminder goes out.</summary>
    public int SupplementReminderDays { get; set; } = 3;

    /// <summary>Days between reminders while a request is overdue.</summary>
    public int RequestOverdueReminderEveryDays { get; set; } = 7;

    /// <summary>Days before the last day to tell the data subject of an extension (Art. 12(3)) that a reminder goes out.</summary>
    public int ExtensionNoticeReminderDays { get; set; } = 3;

    /// <summary>Days an identity check may wait for the data subject before a reminder goes out.</summary>
    public int IdentityCheckReminderDays { get; set; } = 7;

    /// <summary>Addresses that receive every reminder besides the officer and the DPOs (e.g. a registry mailbox).</summary>
    public List<string> ReminderExtraAddresses { get; set; } = [];

    /// <summary>The party's own sender address for mails; empty: the app's Mail:From.</summary>
    public string? MailFrom { get; set; }

    /// <summary>The party's target for its DPOs' total share of a full-time post, in percent (Art. 38(2)); null = none set.</summary>
    public int? DpoTargetSharePercent { get; set; }

    /// <summary>A note on the budget for the DPO function (what is funded, by whom).</summary>
    public string? DpoBudgetNote { get; set; }

    /// <summary>Months within which the incident routine should have been tested; the start page warns after that.</summary>
    public int DrillIntervalMonths { get; set; } = GemensamNamnd.Domain.Breaches.DrillRules.DefaultIntervalMonths;
}
