using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Maturity;

/// <summary>
/// One request as the maturity view sees it: days and flags only, nothing about the requester.
/// <paramref name="ReceivedOn"/> is the Swedish day of receipt; <paramref name="AnsweredOn"/> is set for an answered or
/// refused request (a refusal with reasons is an answer, Art. 12(4)); a withdrawn request is <paramref name="Withdrawn"/>.
/// </summary>
public sealed record RequestFacts(DateOnly ReceivedOn, DateOnly DueOn, DateOnly EffectiveDueOn, DateOnly? AnsweredOn, bool Open, bool Withdrawn, RequestOutcome? Outcome = null)
{
    /// <summary>Extended by two further months (Art. 12(3)): the deadline in force moved past the first month.</summary>
    public bool Extended => EffectiveDueOn > DueOn;
}

/// <summary>One breach as the maturity view sees it: kinds and times only (no facts about people).</summary>
public sealed record BreachFacts(DateTimeOffset AwareAt, bool? Reportable, DateTimeOffset? ReportedAt, RiskLevel? Risk, DateTimeOffset? SubjectNoticeSentAt);

/// <summary>A party's request figures for a period, plus what is open and overdue now.</summary>
public sealed record RequestIndicators(int Count, int Decided, int AnsweredOnTime, double? ShareOnTime, double? MedianDaysToAnswer, int Answered, int Extended, double? ShareExtended, int OpenNow, int OverdueNow, int Refused = 0, int PartlyRefused = 0)
{
    /// <summary>The share of the answered requests refused in whole or in part (Art. 12(4)); null when none is answered.</summary>
    public double? ShareRefused => Answered == 0 ? null : (double)(Refused + PartlyRefused) / Answered;
}

/// <summary>
/// A party's breach figures for a period. <see cref="Reportable"/> is the base of the 72-hour share: reportable breaches
/// whose clock is settled (reported, or its 72 hours run out), never one whose clock still runs (Art. 33(1)).
/// </summary>
public sealed record BreachIndicators(int Count, int Reportable, int ReportedWithin72Hours, double? ShareWithin72Hours, double? MedianHoursToReport, int Reported, int HighRisk, int HighRiskNoticed, double? ShareHighRiskNoticed);

/// <summary>
/// The measured side of the maturity view (docs/rules.md, Maturity; issue 6), computed from stored facts. Pure: the
/// registers' rows are fetched elsewhere, per party, and passed in.
/// </summary>
public static class Indicators
{
    /// <summary>
    /// Requests received in <paramref name="period"/>. The share on time (Art. 12(3)) is over the requests that are
    /// <i>decided</i>: answered, or still open with the deadline in force passed by <paramref name="today"/> (an overdue
    /// case is late whether or not it is answered yet); withdrawn ones are left out. The median days to answer run from
    /// the day of receipt to the day of the answer. Open and overdue now count every request, whenever received.
    /// </summary>
    public static RequestIndicators Requests(IReadOnlyCollection<RequestFacts> all, Period period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var inPeriod = all.Where(r => period.Contains(r.ReceivedOn)).ToList();
        var answered = inPeriod.Where(r => !r.Withdrawn && r.AnsweredOn is not null).ToList();
        var lateOpen = inPeriod.Count(r => r.Open && r.EffectiveDueOn < today);
        var onTime = answered.Count(r => r.AnsweredOn <= r.EffectiveDueOn);
        var decided = answered.Count + lateOpen;
        var extended = inPeriod.Count(r => !r.Withdrawn && r.Extended);
        var counted = inPeriod.Count(r => !r.Withdrawn);
        return new RequestIndicators(
            inPeriod.Count,
            decided,
            onTime,
            decided == 0 ? null : (double)onTime / decided,
            Medians.Of(answered.Select(r => (double?)(r.AnsweredOn!.Value.DayNumber - r.ReceivedOn.DayNumber))),
            answered.Count,
            extended,
            counted == 0 ? null : (double)extended / counted,
            all.Count(r => r.Open),
            all.Count(r => r.Open && r.EffectiveDueOn < today),
            answered.Count(r => r.Outcome == RequestOutcome.Refused),
            answered.Count(r => r.Outcome == RequestOutcome.PartlyRefused));
    }

    /// <summary>
    /// Breaches the party became aware of in <paramref name="period"/> (Swedish day of awareness, given by
    /// <paramref name="awareDay"/>). Share within 72 hours and the median hours as <see cref="BreachStatistics"/> counts
    /// them (Art. 33(1)); the share of high-risk breaches whose data subjects were told (Art. 34) is over the breaches
    /// assessed high risk. A breach whose 72 hours still run at <paramref name="now"/> counts in neither the share nor its base.
    /// </summary>
    public static BreachIndicators Breaches(IReadOnlyCollection<BreachFacts> all, Period period, Func<DateTimeOffset, DateOnly> awareDay, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(awareDay);
        var inPeriod = all.Where(b => period.Contains(awareDay(b.AwareAt))).ToList();
        var summary = BreachStatistics.Summarise([.. inPeriod.Select(b => new BreachFigures(BreachTypes.None, BreachCause.Other, b.Reportable, b.AwareAt, b.ReportedAt))], now);
        var high = inPeriod.Where(b => b.Risk == RiskLevel.HighRisk).ToList();
        var noticed = high.Count(b => b.SubjectNoticeSentAt is not null);
        return new BreachIndicators(
            inPeriod.Count,
            summary.Settled,
            summary.ReportedWithin72Hours,
            summary.ShareWithin72Hours,
            summary.MedianHoursToReport,
            inPeriod.Count(b => b.ReportedAt is not null),
            high.Count,
            noticed,
            high.Count == 0 ? null : (double)noticed / high.Count);
    }

    /// <summary>
    /// Whole months from the last drill to <paramref name="today"/> (a drill on 15 March is 1 month old on 15 April, still 0
    /// on 14 April; 31 January to 28 February is a whole month, as <see cref="Periods"/> counts months); null when none was held.
    /// </summary>
    public static int? MonthsSince(DateOnly? last, DateOnly today)
    {
        if (last is not { } l)
        {
            return null;
        }

        if (l > today)
        {
            return 0;
        }

        var months = ((today.Year - l.Year) * 12) + today.Month - l.Month;
        // Not yet a whole month when today's day falls before the drill's day — unless today is the month's last day and
        // the drill's day does not exist in this month (31 Jan → 28 Feb).
        if (today.Day < l.Day && today.Day != DateTime.DaysInMonth(today.Year, today.Month))
        {
            months--;
        }

        return Math.Max(0, months);
    }

    // --- Issue 21, processors and the DPO's log (Art. 28, Art. 38(1)): measured from the registers. ---

    /// <summary>
    /// The share of the processors in use (suppliers of the party's active systems) that have an agreement in force on
    /// the day measured (Art. 28(3)); null when none is in use. Its base, for suppression, is the processors in use.
    /// </summary>
    public static double? ShareOfProcessorsWithAgreement(int processorsInUse, int withAgreementInForce) =>
        processorsInUse == 0 ? null : (double)Math.Min(withAgreementInForce, processorsInUse) / processorsInUse;

    /// <summary>The consultations of the DPO asked in <paramref name="period"/> (Art. 38(1): involved in all issues).</summary>
    public static int ConsultationsIn(IEnumerable<DateOnly> askedOn, Period period)
    {
        ArgumentNullException.ThrowIfNull(askedOn);
        ArgumentNullException.ThrowIfNull(period);
        return askedOn.Count(period.Contains);
    }
}

// --- Records of processing and impact assessments (issue 21, Art. 30 and 35) ---

/// <summary>One processing activity as the maturity view sees it: flags only, nothing about its content.</summary>
/// <param name="AsProcessor">Recorded as processor (Art. 30(2)): no legal basis of its own, so left out of that share.</param>
/// <param name="HasLegalBasis">An Art. 6(1) basis is recorded.</param>
/// <param name="DpiaRequired">The screening requires an impact assessment (Art. 35).</param>
/// <param name="DpiaDone">An impact assessment of it has been decided.</param>
public sealed record ActivityFacts(bool AsProcessor, bool HasLegalBasis, bool DpiaRequired, bool DpiaDone);

/// <summary>A party's record-of-processing figures now: the share of its controller activities with a legal basis, and of those whose screening requires an assessment that have one done.</summary>
public sealed record RecordIndicators(int Activities, int WithLegalBasis, double? ShareWithLegalBasis, int DpiaRequired, int DpiaDone, double? ShareDpiaDone);

public static class RecordIndicatorRules
{
    /// <summary>
    /// The shares over the party's activities as controller (a processor's record has no basis of its own, Art. 30(2)):
    /// with a legal basis recorded (Art. 30(1), 6(1)); and, of those whose screening requires an assessment, with one
    /// done (Art. 35(1)). Null when there is nothing to share over.
    /// </summary>
    public static RecordIndicators Records(IReadOnlyCollection<ActivityFacts> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var own = all.Where(a => !a.AsProcessor).ToList();
        var withBasis = own.Count(a => a.HasLegalBasis);
        var required = all.Where(a => a.DpiaRequired).ToList();
        var done = required.Count(a => a.DpiaDone);
        return new RecordIndicators(own.Count, withBasis, own.Count == 0 ? null : (double)withBasis / own.Count,
            required.Count, done, required.Count == 0 ? null : (double)done / required.Count);
    }
}

// --- end of issue 21's records of processing ---
