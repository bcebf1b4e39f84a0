using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>
/// The incident routine untested for the party's interval (default 12 months; Art. 32(1)(d) asks for regular testing):
/// one reminder per last drill (keyed by its date, 0 when none was ever held), so a new drill starts a new interval.
/// </summary>
public sealed class DrillReminderSource : IReminderSource
{
    public const string Overdue = "drill.overdue";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var months = IntervalMonths(context.Party.Settings);
        var last = await context.Db.Drills.AsNoTracking().OrderByDescending(d => d.HeldOn).Select(d => (DateOnly?)d.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (!DrillRules.IsOverdue(last, context.Today, months))
        {
            return [];
        }

        var headline = last is { } held
            ? $"Incidentrutinen har inte övats sedan {SwedishDates.Long(held)}; partens intervall är {months} månader (art. 32.1 d)."
            : $"Incidentrutinen har aldrig övats; partens intervall är {months} månader (art. 32.1 d).";
        var due = last?.AddMonths(months) ?? context.Today;
        return [new DueReminder(context.Party.Id, Overdue, last?.DayNumber ?? 0, "Övning av incidentrutinen", headline, SwedishDates.Long(due), $"/{context.Party.Slug}/ovningar", null, IsCase: false)];
    }

    /// <summary>Parties whose last drill (if any) is older than their interval: the same rule, per party.</summary>
    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var drills = context.Sets.Set<Drill>();
        var rows = await context.Parties
            .Select(p => new { p.Id, Last = drills.Where(d => d.PartyId == p.Id).Max(d => (DateOnly?)d.HeldOn) })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(x => context.Settings.TryGetValue(x.Id, out var s) && DrillRules.IsOverdue(x.Last, context.Today, IntervalMonths(s))).Select(x => x.Id)];
    }

    /// <summary>The party's drill interval in months (at least one).</summary>
    public static int IntervalMonths(GemensamNamnd.Web.Parties.PartySettings s) => Math.Max(1, s.DrillIntervalMonths);
}
