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

    /// <summary>The instant (UTC) by which IMY should have the notification.</summary>
    public static DateTimeOffset DeadlineFor(DateTimeOffset awareAt) => awareAt.ToUniversalTime() + ReportingWindow;

    /// <summary>Time left until the deadline; negative once it has passed.</summary>
    public static TimeSpan Remaining(DateTimeOffset awareAt, DateTimeOffset now) => DeadlineFor(awareAt) - now;

    /// <summary>
    /// True when the report came after the 72 hours; then it must give the reasons for the delay
    /// (Art. 33(1)). A report at exactly 72 hours is on time.
    /// </summary>
    public static bool IsLate(DateTimeOffset awareAt, DateTimeOffset reportedAt) => reportedAt > DeadlineFor(awareAt);
}
