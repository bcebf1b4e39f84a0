using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// The breach register's part of the to-do list, for the party's officers and DPO: breaches whose 72-hour clock runs or
/// has run out without a report or a decision not to report (Art. 33(1)), with the hours left; breaches whose risk is
/// not yet assessed (Art. 33(5) documents it) once the clock no longer drives them; the first supplement (Art. 33(4)).
/// </summary>
public sealed class BreachTodoSource : ITodoSource
{
    public const string Clock = "breach.clock";
    public const string Assessment = "breach.assessment";
    public const string Supplement = "breach.supplement";

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOfficer)
        {
            return [];
        }

        var rows = await context.Db.Breaches.AsNoTracking()
            .Where(b => b.Status != BreachStatus.Closed && (b.Risk == null || b.ReportedAt == null || b.Status == BreachStatus.ReportedToImy))
            .Select(b => new { b.Id, b.CaseNumber, b.Status, b.Risk, b.Reportable, b.ReportedAt, b.ImyDeadlineAt, b.SupplementDueOn })
            .ToListAsync(cancellationToken);

        var items = new List<TodoItem>();
        foreach (var b in rows)
        {
            var path = $"/{context.Party.Slug}/incidenter/{b.Id}";
            var awaitingReport = b.ReportedAt is null && b.Reportable != false;
            if (awaitingReport)
            {
                var title = b.ImyDeadlineAt <= context.Now ? "Anmälan till IMY är försenad: anmäl utan dröjsmål och ange skälen (art. 33.1)"
                    : b.Reportable is null ? "Bedöm incidenten och anmäl till IMY inom 72 timmar (art. 33.1)"
                    : "Anmäl incidenten till IMY (art. 33.1)";
                items.Add(context.ByInstant(Clock, b.CaseNumber, title, b.ImyDeadlineAt, path));
            }
            else if (b.Risk is null)
            {
                items.Add(context.ByInstant(Assessment, b.CaseNumber, "Dokumentera riskbedömningen (art. 33.5)", b.ImyDeadlineAt, path));
            }

            if (b.Status == BreachStatus.ReportedToImy && b.SupplementDueOn is { } due)
            {
                items.Add(context.ByDay(Supplement, b.CaseNumber, "Komplettera anmälan till IMY (art. 33.4)", due, path));
            }
        }

        return items;
    }
}
