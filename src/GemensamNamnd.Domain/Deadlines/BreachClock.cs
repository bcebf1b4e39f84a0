using GemensamNamnd.Domain.Calendar;

namespace GemensamNamnd.Domain.Deadlines;

/// <summary>
/// The 72 hours of GDPR Art. 33(1): notify IMY without undue delay and, where feasible, within
/// 72 hours of becoming aware of a personal data breach.
/// <para>
/// The window is counted in hours, as pure arithmetic on instants (UTC). Reg. (EEC, Euratom)
/// 1182/71 Art. 3(4), which moves a last day off Saturdays, Sundays and holidays, applies only to
/// periods "expressed otherwise than in hours", so weekends and holidays do not move this deadline,
/// and a daylight saving change does not either: 72 hours are 72 elapsed hours.
/// </para>
/// <para>
/// Art. 3(1) would not count the hour of awareness itself (the period starting at the next full
/// hour); this clock deliberately counts from the instant of awareness, which is never later.
/// </para>
/// </summary>
public static class BreachClock
{
    /// <summary>GDPR Art. 33(1): 72 hours.</summary>
    public static readonly TimeSpan ReportingWindow = TimeSpan.FromHours(72);

    /// <summary>Art. 33(4) and IMY's practice: the first supplement to a report given in phases is due within four weeks.</summary>
    public const int SupplementWeeks = 4;

    /// <summary>The instant (UTC) by which IMY should have the notification.</summary>
    public static DateTimeOffset DeadlineFor(DateTimeOffset awareAt) => awareAt.ToUniversalTime() + ReportingWindow;

    /// <summary>Time left until the deadline; negative once it has passed.</summary>
    public static TimeSpan Remaining(DateTimeOffset awareAt, DateTimeOffset now) => DeadlineFor(awareAt) - now;

    /// <summary>
    /// Whole hours left, rounded down while time remains ("5 h kvar" means at least 5 full hours), and
    /// whole hours overdue, rounded up, once passed (−1 as soon as one second is late). Zero exactly at the deadline.
    /// </summary>
    public static int HoursLeft(DateTimeOffset awareAt, DateTimeOffset now)
    {
        var left = Remaining(awareAt, now);
        return left >= TimeSpan.Zero
            ? (int)Math.Floor(left.TotalHours)
            : -(int)Math.Ceiling(-left.TotalHours);
    }

    /// <summary>
    /// True when the report came after the 72 hours; then it must give the reasons for the delay
    /// (Art. 33(1)). A report at exactly 72 hours is on time.
    /// </summary>
    public static bool IsLate(DateTimeOffset awareAt, DateTimeOffset reportedAt) => reportedAt > DeadlineFor(awareAt);

    /// <summary>Hours from awareness to the report, for statistics (e.g. the median time to report).</summary>
    public static double HoursToReport(DateTimeOffset awareAt, DateTimeOffset reportedAt) => (reportedAt - awareAt).TotalHours;

    /// <summary>
    /// Where the clock stands: running or overdue while no report is made and the breach is not decided unreportable;
    /// reported on time or late; or not needed (decided not reportable, Art. 33(1) "unlikely to result in a risk").
    /// </summary>
    /// <param name="awareAt">When the party became aware.</param>
    /// <param name="reportable">The decision: null while undecided (the clock runs), false when not reportable.</param>
    /// <param name="reportedAt">When the report reached IMY, if it has.</param>
    /// <param name="now">The current instant.</param>
    public static BreachClockState StateAt(DateTimeOffset awareAt, bool? reportable, DateTimeOffset? reportedAt, DateTimeOffset now)
    {
        if (reportedAt is { } reported)
        {
            return IsLate(awareAt, reported) ? BreachClockState.ReportedLate : BreachClockState.ReportedOnTime;
        }

        if (reportable == false)
        {
            return BreachClockState.NotRequired;
        }

        return now > DeadlineFor(awareAt) ? BreachClockState.Overdue : BreachClockState.Running;
    }

    /// <summary>
    /// The day the first supplement is due: four weeks from the day of the first report (Art. 33(4); IMY asks for the
    /// supplement within four weeks). Counted per Reg. 1182/71 Art. 3, as the period is in weeks, not hours: the day of
    /// the report is not counted (Art. 3(1)); the period ends on the same weekday four weeks later (Art. 3(2)(b)); a last
    /// day on a Saturday, Sunday or public holiday moves to the next working day (Art. 3(4)).
    /// </summary>
    public static PeriodEnd SupplementDue(DateOnly firstReportedOn, PartyCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var nominal = firstReportedOn.AddDays(7 * SupplementWeeks);
        var end = nominal;
        List<string> reasons = [];
        while (!SwedishHolidays.IsWorkingDay(end, calendar))
        {
            var holiday = SwedishHolidays.Find(end, calendar);
            reasons.Add($"{SwedishDates.Long(end)} är {(holiday is null ? "en " + SwedishDates.Weekday(end) : Periods.InSentence(holiday.Name))}");
            end = end.AddDays(1);
        }

        return new PeriodEnd(nominal, end, reasons.AsReadOnly());
    }
}

/// <summary>Where the 72-hour clock of Art. 33(1) stands for one breach.</summary>
public enum BreachClockState
{
    /// <summary>No report and no decision not to report; less than 72 hours since awareness.</summary>
    Running,

    /// <summary>No report, not decided unreportable, and more than 72 hours since awareness.</summary>
    Overdue,

    /// <summary>Reported within 72 hours.</summary>
    ReportedOnTime,

    /// <summary>Reported after 72 hours: the report carries the reasons for the delay (Art. 33(1)).</summary>
    ReportedLate,

    /// <summary>Decided not reportable (unlikely to result in a risk); documented with reasons (Art. 33(5)).</summary>
    NotRequired,
}
