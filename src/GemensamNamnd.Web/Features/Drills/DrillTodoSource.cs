using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>
/// The incident routine's test, for the party's officers and DPO: due one interval (the party's, default 12 months)
/// after the last drill, or now when there never was one (Art. 32(1)(d) asks for regular testing). Shown once overdue.
/// </summary>
public sealed class DrillTodoSource : ITodoSource
{
    public const string Overdue = "drill.overdue";

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOfficer)
        {
            return [];
        }

        var months = DrillReminderSource.IntervalMonths(context.Party.Settings);
        var last = await context.Db.Drills.AsNoTracking().OrderByDescending(d => d.HeldOn).Select(d => (DateOnly?)d.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (!DrillRules.IsOverdue(last, context.Today, months))
        {
            return [];
        }

        // The rule counts a drill on the same date an interval ago as too old: the last good day is the one before.
        var path = $"/{context.Party.Slug}/ovningar";
        return [last is { } held
            ? context.ByDay(Overdue, "Övning av incidentrutinen", "Öva incidentrutinen (art. 32.1 d)", held.AddMonths(months).AddDays(-1), path)
            : context.AlreadyDue(Overdue, "Övning av incidentrutinen", "Öva incidentrutinen: den har aldrig övats (art. 32.1 d)", path)];
    }
}
