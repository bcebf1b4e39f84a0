using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;

namespace GemensamNamnd.Domain.Breaches;

/// <summary>One refusal: the input it concerns (its property name) and why, in Swedish.</summary>
public sealed record BreachRuleError(string Field, string Message);

/// <summary>The times of a breach as recorded (instants; null when unknown or not yet).</summary>
public sealed record BreachTimes(
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo,
    DateTimeOffset? DiscoveredAt,
    DateTimeOffset? AwareAt,
    DateTimeOffset? CeasedAt);

/// <summary>The assessment (Art. 33(1), 33(5), 34).</summary>
/// <param name="Risk">No risk, risk or high risk.</param>
/// <param name="RiskReasoning">Why that level (required).</param>
/// <param name="Reportable">The decision whether to report to IMY.</param>
/// <param name="NotReportableReason">Why not reported (required when not, Art. 33(5)).</param>
/// <param name="SubjectNoticeRequired">Art. 34: whether the data subjects are to be told; null when not decided.</param>
/// <param name="SubjectNoticeNotRequiredReason">Why not (Art. 34(3)), required when high risk and not told.</param>
public sealed record BreachAssessment(
    RiskLevel? Risk,
    string? RiskReasoning,
    bool? Reportable,
    string? NotReportableReason,
    bool? SubjectNoticeRequired,
    string? SubjectNoticeNotRequiredReason);

/// <summary>
/// The rules a breach record keeps, as pure checks that return every refusal at once (nothing is stored on any).
/// </summary>
public static partial class BreachRules
{
    /// <summary>Longest free text kept in one field.</summary>
    public const int TextLimit = 4000;

    /// <summary>Clock skew allowed for "now" on input from other systems.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The times must follow each other: it happened (from ≤ to) before it was discovered, the party became aware when or
    /// after it was discovered, and it ceased after it started; nothing lies in the future. Awareness starts the 72-hour
    /// clock (Art. 33(1)), so it is required.
    /// </summary>
    public static List<BreachRuleError> CheckTimes(BreachTimes t, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(t);
        var errors = new List<BreachRuleError>();
        var latest = now + Skew;
        void Future(string field, DateTimeOffset? at, string what)
        {
            if (at > latest)
            {
                errors.Add(new(field, $"{what} kan inte ligga i framtiden."));
            }
        }

        if (t.AwareAt is null)
        {
            errors.Add(new(nameof(t.AwareAt), "Ange när parten fick kännedom om incidenten: då börjar 72-timmarsfristen (art. 33.1)."));
        }

        Future(nameof(t.OccurredFrom), t.OccurredFrom, "Tidpunkten då incidenten inträffade");
        Future(nameof(t.OccurredTo), t.OccurredTo, "Tidpunkten då incidenten upphörde att inträffa");
        Future(nameof(t.DiscoveredAt), t.DiscoveredAt, "Upptäcktstidpunkten");
        Future(nameof(t.AwareAt), t.AwareAt, "Tidpunkten för kännedom");
        Future(nameof(t.CeasedAt), t.CeasedAt, "Tidpunkten då incidenten upphörde");

        if (t.OccurredFrom is { } from && t.OccurredTo is { } to && to < from)
        {
            errors.Add(new(nameof(t.OccurredTo), "Slutet av perioden då incidenten inträffade kan inte ligga före början."));
        }

        if (t.AwareAt is { } aware)
        {
            if (t.OccurredFrom is { } started && aware < started)
            {
                errors.Add(new(nameof(t.AwareAt), "Parten kan inte ha fått kännedom om incidenten innan den inträffade."));
            }
            else if (t.DiscoveredAt is { } discovered && aware < discovered)
            {
                errors.Add(new(nameof(t.AwareAt), "Kännedomen kan inte ligga före upptäckten: parten får kännedom när eller efter att incidenten upptäcks."));
            }
        }

        if (t.DiscoveredAt is { } found && t.OccurredFrom is { } began && found < began)
        {
            errors.Add(new(nameof(t.DiscoveredAt), "Incidenten kan inte ha upptäckts innan den inträffade."));
        }

        if (t.CeasedAt is { } ceased && t.OccurredFrom is { } start && ceased < start)
        {
            errors.Add(new(nameof(t.CeasedAt), "Incidenten kan inte ha upphört innan den inträffade."));
        }

        return errors;
    }

    /// <summary>
    /// The assessment: a risk level with its reasoning (required); the decision to report or not, with reasons when not
    /// (Art. 33(5)); a breach with a risk is reportable (Art. 33(1) exempts only one "unlikely to result in a risk");
    /// a high risk needs the Art. 34 decision, with reasons when the data subjects are not told (Art. 34(3)).
    /// </summary>
    public static List<BreachRuleError> CheckAssessment(BreachAssessment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var errors = new List<BreachRuleError>();
        if (a.Risk is null || !Enum.IsDefined(a.Risk.Value))
        {
            errors.Add(new(nameof(a.Risk), "Välj riskbedömning: ingen risk, risk eller hög risk."));
        }

        if (string.IsNullOrWhiteSpace(a.RiskReasoning))
        {
            errors.Add(new(nameof(a.RiskReasoning), "Motivera riskbedömningen."));
        }

        if (a.Reportable is null)
        {
            errors.Add(new(nameof(a.Reportable), "Ange om incidenten ska anmälas till IMY."));
        }
        else if (a.Reportable == false)
        {
            if (a.Risk is RiskLevel.Risk or RiskLevel.HighRisk)
            {
                errors.Add(new(nameof(a.Reportable), "En incident som medför risk för de registrerade ska anmälas till IMY (art. 33.1)."));
            }
            else if (string.IsNullOrWhiteSpace(a.NotReportableReason))
            {
                errors.Add(new(nameof(a.NotReportableReason), "Motivera varför incidenten inte anmäls till IMY (art. 33.5)."));
            }
        }

        if (a.Risk == RiskLevel.HighRisk)
        {
            if (a.SubjectNoticeRequired is null)
            {
                errors.Add(new(nameof(a.SubjectNoticeRequired), "Vid hög risk ska ni ta ställning till om de registrerade ska informeras (art. 34)."));
            }
            else if (a.SubjectNoticeRequired == false && string.IsNullOrWhiteSpace(a.SubjectNoticeNotRequiredReason))
            {
                errors.Add(new(nameof(a.SubjectNoticeNotRequiredReason), "Ange varför de registrerade inte informeras trots hög risk (art. 34.3)."));
            }
        }

        foreach (var (field, text) in new[]
        {
            (nameof(a.RiskReasoning), a.RiskReasoning), (nameof(a.NotReportableReason), a.NotReportableReason),
            (nameof(a.SubjectNoticeNotRequiredReason), a.SubjectNoticeNotRequiredReason),
        })
        {
            if (text?.Trim().Length > TextLimit)
            {
                errors.Add(new(field, "Texten får vara högst 4 000 tecken."));
            }
        }

        return errors;
    }

    /// <summary>
    /// A correction of the awareness time after the report to IMY (Art. 33(1)). The time the 72 hours were counted from is
    /// locked once reported; it changes only through this explicit, reasoned correction, which keeps the original visible.
    /// A correction that makes the report late needs the reasons for the delay, as a late report does.
    /// </summary>
    public static List<BreachRuleError> CheckAwarenessCorrection(
        DateTimeOffset awareAt, DateTimeOffset? correctedAt, DateTimeOffset? discoveredAt, DateTimeOffset reportedAt,
        string? reason, string? lateReason, DateTimeOffset now)
    {
        var errors = new List<BreachRuleError>();
        if (correctedAt is not { } corrected)
        {
            errors.Add(new("AwareAt", "Ange den rättade tidpunkten för kännedom."));
        }
        else if (corrected == awareAt)
        {
            errors.Add(new("AwareAt", "Den rättade tidpunkten är densamma som den registrerade."));
        }
        else if (corrected > reportedAt)
        {
            errors.Add(new("AwareAt", "Parten kan inte ha fått kännedom om incidenten efter att den anmäldes till IMY."));
        }
        else if (corrected > now + Skew)
        {
            errors.Add(new("AwareAt", "Tidpunkten för kännedom kan inte ligga i framtiden."));
        }
        else if (discoveredAt is { } discovered && corrected < discovered)
        {
            errors.Add(new("AwareAt", "Kännedomen kan inte ligga före upptäckten: parten får kännedom när eller efter att incidenten upptäcks."));
        }
        else if (BreachClock.IsLate(corrected, reportedAt) && string.IsNullOrWhiteSpace(lateReason))
        {
            errors.Add(new("LateReason", "Med den rättade tidpunkten lämnades anmälan mer än 72 timmar efter kännedom: ange skälen till förseningen (art. 33.1)."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("Reason", "Motivera rättelsen: varför var den registrerade tidpunkten för kännedom fel?"));
        }

        foreach (var (field, text) in new[] { ("Reason", reason), ("LateReason", lateReason) })
        {
            if (text?.Trim().Length > TextLimit)
            {
                errors.Add(new(field, "Texten får vara högst 4 000 tecken."));
            }
        }

        return errors;
    }

    /// <summary>
    /// The report to IMY: not before awareness, not in the future; after the 72 hours it carries the reasons for the delay
    /// (Art. 33(1)). IMY's reference number is optional (it may come later).
    /// </summary>
    public static List<BreachRuleError> CheckReport(DateTimeOffset awareAt, DateTimeOffset? reportedAt, string? lateReason, DateTimeOffset now)
    {
        var errors = new List<BreachRuleError>();
        if (reportedAt is not { } reported)
        {
            errors.Add(new("ReportedAt", "Ange när anmälan lämnades till IMY."));
            return errors;
        }

        if (reported < awareAt)
        {
            errors.Add(new("ReportedAt", "Anmälan kan inte ha lämnats innan parten fick kännedom om incidenten."));
        }
        else if (reported > now + Skew)
        {
            errors.Add(new("ReportedAt", "Anmälan kan inte vara lämnad i framtiden."));
        }
        else if (BreachClock.IsLate(awareAt, reported) && string.IsNullOrWhiteSpace(lateReason))
        {
            errors.Add(new("LateReason", "Anmälan lämnades mer än 72 timmar efter kännedom: ange skälen till förseningen (art. 33.1)."));
        }

        if (lateReason?.Trim().Length > TextLimit)
        {
            errors.Add(new("LateReason", "Texten får vara högst 4 000 tecken."));
        }

        return errors;
    }
}
