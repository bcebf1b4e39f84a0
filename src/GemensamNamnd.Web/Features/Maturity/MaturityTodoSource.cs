using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// The committee's self-assessment, for the party's DPO and administrator: an open round the party has not answered,
/// due on its last day (shown from <see cref="MaturityReminderSource.DaysBefore"/> days before). Nothing about other parties.
/// </summary>
public sealed class MaturityTodoSource : ITodoSource
{
    public const string Closing = "maturity.closing";

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOversight)
        {
            return [];
        }

        var horizon = context.Today.AddDays(MaturityReminderSource.DaysBefore);
        var rounds = await context.Db.MaturityRounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.ClosesOn >= context.Today && r.ClosesOn <= horizon)
            .Where(r => !context.Db.MaturityAnswers.Any(a => a.RoundId == r.Id))
            .Select(r => new { r.Year, r.ClosesOn })
            .ToListAsync(cancellationToken);
        return [.. rounds.Select(r => context.ByDay(Closing, $"Mognadsenkät {r.Year}", "Besvara nämndens mognadsenkät", r.ClosesOn, $"/{context.Party.Slug}/mognad"))];
    }
}
