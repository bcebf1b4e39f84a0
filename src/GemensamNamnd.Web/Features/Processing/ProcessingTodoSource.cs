using GemensamNamnd.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// The record of processing's part of the to-do list, for the party's officers: an activity whose screening requires an
/// impact assessment that is not decided (Art. 35(1): it should come before the processing, so it is already due).
/// </summary>
public sealed class ProcessingTodoSource : ITodoSource
{
    public const string MissingAssessment = "dpia.missing";

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOfficer)
        {
            return [];
        }

        var decided = context.Db.ImpactAssessments.Where(x => x.Decision != null);
        var missing = await context.Db.ProcessingActivities.AsNoTracking()
            .Where(a => a.ScreenedOn != null && a.DpiaRequired && !decided.Any(x => x.ActivityId == a.Id))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return [.. missing.Select(a => context.AlreadyDue(MissingAssessment, a.Name, "Gör konsekvensbedömningen som tröskelbedömningen kräver (art. 35.1)",
            $"/{context.Party.Slug}/konsekvensbedomningar/ny?ActivityId={a.Id}"))];
    }
}
