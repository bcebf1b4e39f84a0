using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// The breach register's reminders, from the stored clock (thresholds in <see cref="GemensamNamnd.Web.Parties.PartySettings.BreachReminderHours"/>):
/// while a breach awaits its report to IMY (no report and not decided unreportable), at 24, 48 and 66 hours after
/// awareness, then at 72 hours — "försenad" (Art. 33(1)); and the first supplement due within
/// <see cref="GemensamNamnd.Web.Parties.PartySettings.SupplementReminderDays"/> (3) days (Art. 33(4)).
/// The mails name the case number and the deadline only, never what the breach is about.
/// </summary>
public sealed class BreachReminderSource : IReminderSource
{
    public const string Clock = "breach.clock";
    public const string Late = "breach.late";
    public const string Supplement = "breach.supplement";

    /// <summary>The cybersecurity act's reminders, one kind per step (thresholds: hours, or days for the final report).</summary>
    public const string CyberEarlyWarning = "breach.cyber.early-warning";
    public const string CyberNotification = "breach.cyber.notification";
    public const string CyberFinalReport = "breach.cyber.final-report";

    /// <summary>Added to a cybersecurity step's kind for its late reminder: <c>breach.cyber.notification.late</c>.</summary>
    public const string LateSuffix = ".late";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var hours = context.Party.Settings.BreachReminderHours.Where(h => h > 0).Distinct().ToList();
        var awareBefore = context.Now.AddHours(-FirstHours(context.Party.Settings));
        var supplementDays = SupplementDays(context.Party.Settings);
        var supplementBy = context.Today.AddDays(supplementDays);

        var awaiting = await BreachQueries.AwaitingReport(context.Db.Breaches.AsNoTracking())
            .Where(b => b.AwareAt <= awareBefore)
            .Select(b => new { b.Id, b.CaseNumber, b.AwareAt, b.ControllerIds })
            .ToListAsync(cancellationToken);
        var supplements = await BreachQueries.AwaitingSupplement(context.Db.Breaches.AsNoTracking())
            .Where(b => b.SupplementDueOn <= supplementBy)
            .Select(b => new { b.Id, b.CaseNumber, DueOn = b.SupplementDueOn!.Value, b.ControllerIds })
            .ToListAsync(cancellationToken);

        var result = new List<DueReminder>();
        var slug = context.Party.Slug;
        foreach (var b in awaiting)
        {
            if (ClockKey(b.AwareAt, context.Now, hours) is { } key)
            {
                var deadline = BreachClock.DeadlineFor(b.AwareAt);
                var (headline, summary) = ClockWords(key.Kind, b.AwareAt, context.Now);
                result.Add(new DueReminder(b.Id, key.Kind, key.Threshold, b.CaseNumber, headline, Swedish.DateTime(deadline), $"/{slug}/incidenter/{b.Id}", null,
                    b.ControllerIds, summary, Urgent: true));
            }
        }

        result.AddRange(await CybersecurityDueAsync(context, hours, supplementDays, cancellationToken));

        foreach (var b in supplements)
        {
            var left = b.DueOn.DayNumber - context.Today.DayNumber;
            var headline = left switch
            {
                < 0 => $"Kompletteringen till IMY skulle ha lämnats senast {SwedishDates.Long(b.DueOn)} (art. 33.4).",
                0 => "Sista dag att komplettera anmälan till IMY är i dag (art. 33.4).",
                _ => $"Kompletteringen till IMY ska lämnas inom {Swedish.Count(left, "dag", "dagar")} (art. 33.4).",
            };
            result.Add(new DueReminder(b.Id, Supplement, supplementDays, b.CaseNumber, headline, SwedishDates.Long(b.DueOn), $"/{slug}/incidenter/{b.Id}", null,
                b.ControllerIds, $"komplettering till IMY senast {SwedishDates.Long(b.DueOn)}"));
        }

        return result;
    }

    /// <summary>
    /// The cybersecurity act's reminders on significant incidents (NIS2 Art. 23(4)), to the same recipients as the IMY
    /// clock's: the early warning at 12 and 20 hours after awareness, the notification at the party's IMY clock hours,
    /// each late at its window; the final report <paramref name="supplementDays"/> days before due, then late. None for a
    /// step once it is sent; <see cref="SentReminder"/> keeps each (kind, threshold) to once.
    /// </summary>
    private static async Task<List<DueReminder>> CybersecurityDueAsync(ReminderContext context, IReadOnlyCollection<int> hours, int supplementDays, CancellationToken cancellationToken)
    {
        var firstHours = CybersecurityClock.EarlyWarningReminderHours.Min();
        var awareBefore = context.Now.AddHours(-firstHours);
        var finalBy = context.Now.AddDays(supplementDays);
        var rows = await CybersecurityAwaiting(context.Db.Breaches.AsNoTracking())
            .Where(b => (b.EarlyWarningSentAt == null || b.NotificationSentAt == null) ? b.AwareAt <= awareBefore : b.FinalReportDueAt <= finalBy)
            .Select(b => new { b.Id, b.CaseNumber, b.AwareAt, b.EarlyWarningDueAt, b.NotificationDueAt, b.FinalReportDueAt, b.EarlyWarningSentAt, b.NotificationSentAt, b.FinalReportSentAt, b.ControllerIds })
            .ToListAsync(cancellationToken);
        var result = new List<DueReminder>();
        var slug = context.Party.Slug;
        foreach (var b in rows)
        {
            var path = $"/{slug}/incidenter/{b.Id}";
            if (b.EarlyWarningSentAt is null && CybersecurityClock.HourReminder(CybersecurityStep.EarlyWarning, b.AwareAt, context.Now, hours) is { } early)
            {
                result.Add(Cyber(b.Id, CyberEarlyWarning, early, CybersecurityStep.EarlyWarning, b.CaseNumber, b.EarlyWarningDueAt!.Value, path, b.ControllerIds, context.Now));
            }

            if (b.NotificationSentAt is null && CybersecurityClock.HourReminder(CybersecurityStep.Notification, b.AwareAt, context.Now, hours) is { } notification)
            {
                result.Add(Cyber(b.Id, CyberNotification, notification, CybersecurityStep.Notification, b.CaseNumber, b.NotificationDueAt!.Value, path, b.ControllerIds, context.Now));
            }

            if (b.FinalReportSentAt is null && CybersecurityClock.FinalReportReminder(b.FinalReportDueAt, context.Now, supplementDays) is { } final)
            {
                result.Add(Cyber(b.Id, CyberFinalReport, final, CybersecurityStep.FinalReport, b.CaseNumber, b.FinalReportDueAt!.Value, path, b.ControllerIds, context.Now));
            }
        }

        return result;
    }

    private static DueReminder Cyber(Guid id, string kind, (int Threshold, bool Late) key, CybersecurityStep step, string caseNumber, DateTimeOffset due, string path, IReadOnlyList<Guid> controllerIds, DateTimeOffset now)
    {
        var name = step.Swedish();
        var headline = key.Late
            ? $"{name} enligt cybersäkerhetslagen är försenad: den skulle ha lämnats senast {Swedish.DateTime(due)}. Lämna den utan dröjsmål (NIS 2 art. 23.4)."
            : $"{name} enligt cybersäkerhetslagen ska lämnas senast {Swedish.DateTime(due)}; {Swedish.Count(Math.Max(0, (int)Math.Floor((due - now).TotalHours)), "timme", "timmar")} kvar (NIS 2 art. 23.4).";
        // The late reminder is a kind of its own ("….late"), as the IMY clock's, so it is sent once beside the earlier ones.
        return new DueReminder(id, key.Late ? kind + LateSuffix : kind, key.Threshold, caseNumber, headline, Swedish.DateTime(due), path, null, controllerIds,
            key.Late ? $"{name.ToLower(Swedish.Culture)} försenad" : $"{name.ToLower(Swedish.Culture)} senast {Swedish.DateTime(due)}", Urgent: true);
    }

    /// <summary>Significant incidents with a report under the cybersecurity act still to send (open breaches).</summary>
    public static IQueryable<Breach> CybersecurityAwaiting(IQueryable<Breach> query) =>
        query.Where(b => b.SignificantIncident && b.Status != BreachStatus.Closed
            && (b.EarlyWarningSentAt == null || b.NotificationSentAt == null || (b.FinalReportSentAt == null && b.FinalReportDueAt != null)));

    /// <summary>
    /// Parties with a breach awaiting its report past the party's first threshold, or a supplement due within its days:
    /// the same two conditions as <see cref="FindDueAsync"/>'s queries, per party, bounded by the loosest setting.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var awareBefore = context.Now.AddHours(-context.Loosest(FirstHours, largest: false));
        var supplementBy = context.Today.AddDays(context.Loosest(SupplementDays, largest: true));
        // The shared conditions are composed outside the projection (a method call inside it would not translate).
        var awaiting = BreachQueries.AwaitingReport(context.Sets.Set<Breach>());
        var supplements = BreachQueries.AwaitingSupplement(context.Sets.Set<Breach>());
        var cyber = CybersecurityAwaiting(context.Sets.Set<Breach>());
        var cyberAwareBefore = context.Now.AddHours(-CybersecurityClock.EarlyWarningReminderHours.Min());
        var cyberFinalBy = context.Now.AddDays(context.Loosest(SupplementDays, largest: true));
        var rows = await context.Parties.Select(p => new
        {
            p.Id,
            Aware = awaiting.Where(b => b.PartyId == p.Id && b.AwareAt <= awareBefore).Min(b => (DateTimeOffset?)b.AwareAt),
            Supplement = supplements.Where(b => b.PartyId == p.Id && b.SupplementDueOn <= supplementBy).Min(b => b.SupplementDueOn),
            Cyber = cyber.Any(b => b.PartyId == p.Id && ((b.EarlyWarningSentAt == null || b.NotificationSentAt == null) ? b.AwareAt <= cyberAwareBefore : b.FinalReportDueAt <= cyberFinalBy)),
        }).Where(x => x.Aware != null || x.Supplement != null || x.Cyber).ToListAsync(cancellationToken);
        return [.. rows.Where(x => context.Settings.TryGetValue(x.Id, out var s)
            && (x.Cyber || x.Aware <= context.Now.AddHours(-FirstHours(s)) || x.Supplement <= context.Today.AddDays(SupplementDays(s))))
            .Select(x => x.Id)];
    }

    /// <summary>
    /// The clock mail's words at <paramref name="now"/>, from the clock itself — the whole hours passed since awareness and
    /// the whole hours left (<see cref="BreachClock.HoursLeft"/>), which add up to at most 72 — not from the threshold that
    /// triggered it (a run after a pause may be past it). The mail goes out at once (never held for a digest), so the
    /// hours are those at sending, give or take the dispatcher's poll.
    /// </summary>
    public static (string Headline, string Summary) ClockWords(string kind, DateTimeOffset awareAt, DateTimeOffset now)
    {
        var passed = (int)Math.Floor((now - awareAt).TotalHours);
        if (kind == Late)
        {
            return ($"Anmälan till IMY är försenad: {Swedish.Count(passed, "timme", "timmar")} har gått sedan ni fick kännedom om incidenten, gränsen är 72 timmar. Anmäl utan dröjsmål och ange skälen till förseningen (art. 33.1).",
                $"anmälan till IMY försenad, {Swedish.Count(passed, "timme", "timmar")} har gått");
        }

        var left = BreachClock.HoursLeft(awareAt, now);
        return ($"{Swedish.Count(passed, "timme", "timmar")} har gått sedan ni fick kännedom om incidenten utan beslut eller anmälan; {Swedish.Count(left, "timme", "timmar")} kvar till IMY:s 72-timmarsgräns (art. 33.1).",
            $"{Swedish.Count(left, "timme", "timmar")} kvar till IMY-anmälan");
    }

    /// <summary>Hours after awareness of a party's first clock reminder (72 when it sets none).</summary>
    public static int FirstHours(PartySettings s) =>
        s.BreachReminderHours.Where(h => h > 0).DefaultIfEmpty((int)BreachClock.ReportingWindow.TotalHours).Min();

    /// <summary>Days before a supplement is due that a party's reminder goes out.</summary>
    public static int SupplementDays(PartySettings s) => Math.Max(0, s.SupplementReminderDays);

    /// <summary>
    /// The clock reminder a breach awaiting its report is at: the highest threshold (hours after awareness) reached, so a
    /// skipped threshold yields one reminder, not a burst; from 72 hours on always <see cref="Late"/>, whatever the
    /// settings say. Null before the first.
    /// </summary>
    public static (string Kind, int Threshold)? ClockKey(DateTimeOffset awareAt, DateTimeOffset now, IReadOnlyCollection<int> hours)
    {
        var elapsed = (now - awareAt).TotalHours;
        var window = (int)BreachClock.ReportingWindow.TotalHours;
        if (elapsed >= window)
        {
            return (Late, window);
        }

        var reached = hours.Where(h => h < window && h <= elapsed).ToList();
        return reached.Count == 0 ? null : (Clock, reached.Max());
    }
}
