namespace GemensamNamnd.Domain.Deadlines;

/// <summary>The three reports of a significant incident, in the order the authority asks for them.</summary>
public enum CybersecurityStep
{
    /// <summary>Tidig varning: within 24 hours of becoming aware (NIS2 Art. 23(4)(a)).</summary>
    EarlyWarning,

    /// <summary>Incidentanmälan: within 72 hours of becoming aware (NIS2 Art. 23(4)(b)).</summary>
    Notification,

    /// <summary>Slutrapport: no later than one month after the incident notification (NIS2 Art. 23(4)(d)).</summary>
    FinalReport,
}

/// <summary>
/// The clocks of a significant incident (betydande incident) under the cybersecurity act, cybersäkerhetslagen (2025:1506),
/// from prop. 2025/26:28, in force 15 January 2026, implementing NIS2 (directive (EU) 2022/2555). The act's incident
/// reporting, 2 kap. 5–8 §§, goes to the CSIRT unit named in the cybersäkerhetsförordning (2025:1507) 6 § and 31 §. The
/// deadlines are NIS2 Art. 23(4): an early warning within 24 hours and an incident notification within 72 hours of
/// becoming aware, and a final report no later than one month after the incident notification.
/// <para>
/// The 24 and 72 hours are elapsed hours on instants (UTC), as for GDPR Art. 33(1) in <see cref="BreachClock"/>: Reg.
/// 1182/71 Art. 3(4) does not move periods expressed in hours, and a daylight saving change does not either. The month is
/// a calendar month on the Swedish wall clock: the same local time on the same day of the next month, or the last day
/// of that month when it has no such day (Reg. 1182/71 Art. 3(2)(c)). This clock does not push the month's end to the
/// end of the day or past a weekend (Art. 3(2)(c), 3(4)): it shows the earlier, safe instant.
/// </para>
/// </summary>
public static class CybersecurityClock
{
    /// <summary>NIS2 Art. 23(4)(a): the early warning within 24 hours.</summary>
    public static readonly TimeSpan EarlyWarningWindow = TimeSpan.FromHours(24);

    /// <summary>NIS2 Art. 23(4)(b): the incident notification within 72 hours.</summary>
    public static readonly TimeSpan NotificationWindow = TimeSpan.FromHours(72);

    /// <summary>NIS2 Art. 23(4)(d): the final report within one month of the notification.</summary>
    public const int FinalReportMonths = 1;

    /// <summary>Reminder points for the early warning, hours after awareness; at 24 it is late.</summary>
    public static readonly IReadOnlyList<int> EarlyWarningReminderHours = [12, 20];

    /// <summary>The early warning's due instant (UTC): awareness + 24 hours.</summary>
    public static DateTimeOffset EarlyWarningDue(DateTimeOffset awareAt) => awareAt.ToUniversalTime() + EarlyWarningWindow;

    /// <summary>The incident notification's due instant (UTC): awareness + 72 hours.</summary>
    public static DateTimeOffset NotificationDue(DateTimeOffset awareAt) => awareAt.ToUniversalTime() + NotificationWindow;

    /// <summary>
    /// The final report's due instant (UTC): one calendar month after the notification was sent, on the wall clock of
    /// <paramref name="zone"/> (Europe/Stockholm); null until the notification is sent.
    /// </summary>
    public static DateTimeOffset? FinalReportDue(DateTimeOffset? notificationSentAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (notificationSentAt is not { } sent)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(sent, zone).DateTime;
        var target = DateTime.SpecifyKind(local.AddMonths(FinalReportMonths), DateTimeKind.Unspecified);
        // A wall-clock time skipped by the spring change (02:00–03:00) does not exist: take the first instant after it.
        while (zone.IsInvalidTime(target))
        {
            target = target.AddMinutes(1);
        }

        // A time that occurs twice in the autumn is taken at its first occurrence (summer time), the earlier instant.
        var offset = zone.IsAmbiguousTime(target) ? zone.GetAmbiguousTimeOffsets(target).Max() : zone.GetUtcOffset(target);
        return new DateTimeOffset(target, offset).ToUniversalTime();
    }

    /// <summary>The due instant of one step; null for the final report until the notification is sent.</summary>
    public static DateTimeOffset? Due(CybersecurityStep step, DateTimeOffset awareAt, DateTimeOffset? notificationSentAt, TimeZoneInfo zone) => step switch
    {
        CybersecurityStep.EarlyWarning => EarlyWarningDue(awareAt),
        CybersecurityStep.Notification => NotificationDue(awareAt),
        CybersecurityStep.FinalReport => FinalReportDue(notificationSentAt, zone),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>
    /// The reminder a step not yet sent is at, <paramref name="now"/>: the highest threshold (hours after awareness)
    /// reached, so a skipped one gives one reminder, not a burst; at or after the window "late" (threshold = the window's
    /// hours). The early warning's thresholds are <see cref="EarlyWarningReminderHours"/>, the notification's the party's
    /// IMY clock hours (<paramref name="notificationHours"/>). Null before the first, and for the final report (see
    /// <see cref="FinalReportReminder"/>).
    /// </summary>
    public static (int Threshold, bool Late)? HourReminder(CybersecurityStep step, DateTimeOffset awareAt, DateTimeOffset now, IReadOnlyCollection<int> notificationHours)
    {
        ArgumentNullException.ThrowIfNull(notificationHours);
        var (window, hours) = step switch
        {
            CybersecurityStep.EarlyWarning => ((int)EarlyWarningWindow.TotalHours, (IReadOnlyCollection<int>)EarlyWarningReminderHours),
            CybersecurityStep.Notification => ((int)NotificationWindow.TotalHours, notificationHours),
            _ => (0, []),
        };
        if (window == 0)
        {
            return null;
        }

        var elapsed = (now - awareAt).TotalHours;
        if (elapsed >= window)
        {
            return (window, true);
        }

        var reached = hours.Where(h => h > 0 && h < window && h <= elapsed).ToList();
        return reached.Count == 0 ? null : (reached.Max(), false);
    }

    /// <summary>
    /// The final report's reminder: <paramref name="daysBefore"/> days before it is due (like the IMY supplement), then
    /// late once past due. Threshold 0 marks "late". Null when not yet, or when not due (no notification sent).
    /// </summary>
    public static (int Threshold, bool Late)? FinalReportReminder(DateTimeOffset? finalReportDue, DateTimeOffset now, int daysBefore)
    {
        if (finalReportDue is not { } due)
        {
            return null;
        }

        if (now > due)
        {
            return (0, true);
        }

        return now >= due.AddDays(-Math.Max(0, daysBefore)) ? (Math.Max(0, daysBefore) + 1, false) : null;
    }
}
