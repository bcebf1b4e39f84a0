namespace GemensamNamnd.Domain.Breaches;

/// <summary>One breach as the statistics see it: no facts about people, only kinds and times.</summary>
public sealed record BreachFigures(BreachTypes Types, BreachCause Cause, bool? Reportable, DateTimeOffset AwareAt, DateTimeOffset? ReportedAt);

/// <summary>A party's breach figures: counts by type and cause, the share reported within 72 hours, the median hours.</summary>
public sealed record BreachSummary(
    int Count,
    IReadOnlyDictionary<BreachTypes, int> ByType,
    IReadOnlyDictionary<BreachCause, int> ByCause,
    int Reportable,
    int ClockRunning,
    int ReportedWithin72Hours,
    double? ShareWithin72Hours,
    double? MedianHoursToReport)
{
    /// <summary>The base of the share: reportable breaches whose clock has stopped (reported) or run out (Art. 33(1)).</summary>
    public int Settled => Reportable - ClockRunning;
}

/// <summary>
/// The measured side of the maturity view (docs/rules.md, Maturity): the share of reportable breaches reported within
/// 72 hours (Art. 33(1)) and the median hours from awareness to the report.
/// </summary>
public static class BreachStatistics
{
    /// <summary>
    /// Summarises <paramref name="breaches"/>. A breach with several types counts once under each. The share counts every
    /// breach decided reportable whose 72 hours (Art. 33(1)) are settled at <paramref name="now"/>: reported, or not
    /// reported with the deadline passed (a miss). One not reported whose clock still runs is neither on time nor late
    /// and counts in neither the numerator nor the denominator (<see cref="BreachSummary.ClockRunning"/>). The share is
    /// null when none is settled. The median is over the reported breaches; null when none is reported.
    /// </summary>
    public static BreachSummary Summarise(IReadOnlyCollection<BreachFigures> breaches, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(breaches);
        var byType = Enum.GetValues<BreachTypes>().Where(t => t != BreachTypes.None)
            .ToDictionary(t => t, t => breaches.Count(b => b.Types.HasFlag(t)));
        var byCause = Enum.GetValues<BreachCause>().ToDictionary(c => c, c => breaches.Count(b => b.Cause == c));
        var reportable = breaches.Where(b => b.Reportable == true || b.ReportedAt is not null).ToList();
        var running = reportable.Count(b => b.ReportedAt is null && now <= Deadlines.BreachClock.DeadlineFor(b.AwareAt));
        var settled = reportable.Count - running;
        var onTime = reportable.Count(b => b.ReportedAt is { } r && !Deadlines.BreachClock.IsLate(b.AwareAt, r));
        var hours = breaches.Where(b => b.ReportedAt is not null)
            .Select(b => Deadlines.BreachClock.HoursToReport(b.AwareAt, b.ReportedAt!.Value)).ToList();
        return new BreachSummary(
            breaches.Count, byType, byCause, reportable.Count, running, onTime,
            settled == 0 ? null : (double)onTime / settled,
            Median(hours));
    }

    /// <summary>The middle value; the mean of the two middle values for an even count; null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
