namespace GemensamNamnd.Domain.Processors;

/// <summary>Where a processor stands with its agreement (personuppgiftsbiträdesavtal), Art. 28(3), on a given day.</summary>
public enum AgreementStatus
{
    /// <summary>No agreement recorded, or none that has started: processing without the contract Art. 28(3) requires.</summary>
    Missing,

    /// <summary>The agreement has ended (its last day has passed).</summary>
    Expired,

    /// <summary>In force, and its last day is within <see cref="AgreementRules.EndingSoonDays"/> days.</summary>
    EndingSoon,

    /// <summary>In force.</summary>
    InForce,
}

/// <summary>What a sub-processor change notice (Art. 28(2)) awaits or got.</summary>
public enum NoticeDecision
{
    Pending,
    Accepted,
    Objected,
}

/// <summary>
/// Processor agreements, Art. 28 GDPR. Processing by a processor is governed by a contract that binds it to the
/// controller (Art. 28(3)); a processor engages another processor (underbiträde) only with the controller's authorisation,
/// and under a general authorisation informs the controller of intended changes so that it can object (Art. 28(2)).
/// An agreement runs from <c>validFrom</c> to <c>validTo</c> inclusive (no end: until further notice).
/// </summary>
public static class AgreementRules
{
    /// <summary>An agreement whose last day is this near is shown as "löper ut inom 90 dagar" (and a reminder goes out).</summary>
    public const int EndingSoonDays = 90;

    /// <summary>The reminders before an agreement ends: 90 and 30 days before its last day.</summary>
    public static readonly IReadOnlyList<int> ReminderDaysBefore = [90, 30];

    /// <summary>A sub-processor change notice undecided this many days after it was received gets a reminder.</summary>
    public const int NoticePendingDays = 14;

    /// <summary>An end before the start is no term (the Swedish message of the form and the API).</summary>
    public const string EndBeforeStart = "Avtalet kan inte upphöra innan det börjar gälla: ange ett slutdatum på eller efter startdatumet.";

    /// <summary>True when the term is possible: no end, or an end on or after the start.</summary>
    public static bool IsValidTerm(DateOnly validFrom, DateOnly? validTo) => validTo is not { } end || end >= validFrom;

    /// <summary>The status of one agreement on <paramref name="today"/>.</summary>
    public static AgreementStatus StatusOf(DateOnly validFrom, DateOnly? validTo, DateOnly today)
    {
        if (validFrom > today)
        {
            return AgreementStatus.Missing;
        }

        if (validTo is not { } end)
        {
            return AgreementStatus.InForce;
        }

        if (end < today)
        {
            return AgreementStatus.Expired;
        }

        return end.DayNumber - today.DayNumber <= EndingSoonDays ? AgreementStatus.EndingSoon : AgreementStatus.InForce;
    }

    /// <summary>
    /// A processor's status over all its agreements with the party: the best one (in force beats ending soon beats
    /// expired beats missing), so a renewed agreement hides the one it replaced.
    /// </summary>
    public static AgreementStatus Best(IEnumerable<AgreementStatus> statuses) =>
        statuses.DefaultIfEmpty(AgreementStatus.Missing).Max();

    /// <summary>True when an agreement is in force (ending soon counts: it still binds the processor).</summary>
    public static bool IsInForce(AgreementStatus status) => status is AgreementStatus.InForce or AgreementStatus.EndingSoon;

    /// <summary>The reminder threshold (days before the last day) reached on <paramref name="today"/>, the nearest one; null when none.</summary>
    public static int? EndingThreshold(DateOnly? validTo, DateOnly today)
    {
        if (validTo is not { } end || end < today)
        {
            return null;
        }

        var left = end.DayNumber - today.DayNumber;
        return ReminderDaysBefore.Where(d => left <= d).Cast<int?>().Min();
    }

    /// <summary>True when a notice received on <paramref name="receivedOn"/> has waited <see cref="NoticePendingDays"/> days for a decision.</summary>
    public static bool NoticeOverdue(DateOnly receivedOn, NoticeDecision decision, DateOnly today) =>
        decision == NoticeDecision.Pending && today.DayNumber - receivedOn.DayNumber >= NoticePendingDays;

    public static string Swedish(this AgreementStatus status) => status switch
    {
        AgreementStatus.InForce => "Gällande",
        AgreementStatus.EndingSoon => "Löper ut inom 90 dagar",
        AgreementStatus.Expired => "Utgånget",
        _ => "Saknas",
    };

    public static string Swedish(this NoticeDecision decision) => decision switch
    {
        NoticeDecision.Accepted => "Godtagen",
        NoticeDecision.Objected => "Invändning gjord",
        _ => "Beslut väntar",
    };
}
