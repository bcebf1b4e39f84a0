using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Infrastructure;
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

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var hours = context.Party.Settings.BreachReminderHours.Where(h => h > 0).Distinct().ToList();
        var first = hours.DefaultIfEmpty((int)BreachClock.ReportingWindow.TotalHours).Min();
        var awareBefore = context.Now.AddHours(-first);
        var supplementDays = Math.Max(0, context.Party.Settings.SupplementReminderDays);
        var supplementBy = context.Today.AddDays(supplementDays);

        var awaiting = await BreachQueries.AwaitingReport(context.Db.Breaches.AsNoTracking())
            .Where(b => b.AwareAt <= awareBefore)
            .Select(b => new { b.Id, b.CaseNumber, b.AwareAt })
            .ToListAsync(cancellationToken);
        var supplements = await BreachQueries.AwaitingSupplement(context.Db.Breaches.AsNoTracking())
            .Where(b => b.SupplementDueOn <= supplementBy)
            .Select(b => new { b.Id, b.CaseNumber, DueOn = b.SupplementDueOn!.Value })
            .ToListAsync(cancellationToken);

        var result = new List<DueReminder>();
        var slug = context.Party.Slug;
        foreach (var b in awaiting)
        {
            if (ClockKey(b.AwareAt, context.Now, hours) is { } key)
            {
                var deadline = BreachClock.DeadlineFor(b.AwareAt);
                var headline = key.Kind == Late
                    ? "Anmälan till IMY är försenad: 72 timmar har gått sedan ni fick kännedom om incidenten. Anmäl utan dröjsmål och ange skälen till förseningen (art. 33.1)."
                    : $"{key.Threshold} timmar har gått sedan ni fick kännedom om incidenten utan beslut eller anmälan; {BreachClock.HoursLeft(b.AwareAt, context.Now)} timmar kvar till IMY:s 72-timmarsgräns (art. 33.1).";
                result.Add(new DueReminder(b.Id, key.Kind, key.Threshold, b.CaseNumber, headline, Swedish.DateTime(deadline), $"/{slug}/incidenter/{b.Id}", null));
            }
        }

        foreach (var b in supplements)
        {
            var left = b.DueOn.DayNumber - context.Today.DayNumber;
            var headline = left switch
            {
                < 0 => $"Kompletteringen till IMY skulle ha lämnats senast {SwedishDates.Long(b.DueOn)} (art. 33.4).",
                0 => "Sista dag att komplettera anmälan till IMY är i dag (art. 33.4).",
                _ => $"Kompletteringen till IMY ska lämnas inom {left} {(left == 1 ? "dag" : "dagar")} (art. 33.4).",
            };
            result.Add(new DueReminder(b.Id, Supplement, supplementDays, b.CaseNumber, headline, SwedishDates.Long(b.DueOn), $"/{slug}/incidenter/{b.Id}", null));
        }

        return result;
    }

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
