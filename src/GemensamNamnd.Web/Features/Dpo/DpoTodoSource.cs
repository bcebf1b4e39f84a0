using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// The DPO register's part of the to-do list, for the party's DPO and administrator, from the same rules as its warnings
/// and reminders (<see cref="FollowUp"/>, <see cref="CoverageGaps"/>): a controller without an ordinary DPO (Art. 37(1)(a)),
/// an allocation ending within 30 days, an ordinary DPO whose contact details IMY has not had (Art. 37(7)).
/// </summary>
public sealed class DpoTodoSource : ITodoSource
{
    public const string Gap = "dpo.gap";
    public const string Ending = "dpo.ending";
    public const string ImyNotice = "dpo.imy-notice";

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOversight)
        {
            return [];
        }

        var today = context.Today;
        var allocations = await context.Db.DpoAllocations.AsNoTracking().ToListAsync(cancellationToken);
        var controllers = await context.Db.DataControllers.AsNoTracking().Where(c => c.IsActive)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var path = $"/{context.Party.Slug}/dataskyddsombud";
        var items = new List<TodoItem>();

        foreach (var gap in CoverageGaps.Find(controllers.Select(c => c.Id), allocations.Select(a => a.Facts), today, today))
        {
            // Due the last day an ordinary allocation covered the controller; at once if there never was one.
            var lastCovered = allocations
                .Where(a => a.Role == DpoRole.Ordinarie && a.ControllerIds.Contains(gap.ControllerId) && a.EndsOn < today)
                .Max(a => a.EndsOn);
            var name = controllers.First(c => c.Id == gap.ControllerId).Name;
            const string title = "Utse ett ordinarie dataskyddsombud (art. 37.1 a)";
            items.Add(lastCovered is { } end ? context.ByDay(Gap, name, title, end, path) : context.AlreadyDue(Gap, name, title, path));
        }

        foreach (var a in allocations)
        {
            var reference = $"{a.Role.Swedish()} dataskyddsombud från {SwedishDates.Long(a.StartsOn)}";
            if (FollowUp.EndingSoon(a.Span, today) is not null && a.EndsOn is { } end)
            {
                items.Add(context.ByDay(Ending, reference, "Uppdraget upphör: utse en efterträdare i tid (art. 37.1)", end, path));
            }

            if (FollowUp.ImyNotTold(a.Role, a.Span, a.ImyReportedOn, today) is not null)
            {
                items.Add(context.ByDay(ImyNotice, reference, "Meddela IMY dataskyddsombudets kontaktuppgifter (art. 37.7)", FollowUp.ImyNoticeDue(a.StartsOn), path));
            }
        }

        return items;
    }
}
