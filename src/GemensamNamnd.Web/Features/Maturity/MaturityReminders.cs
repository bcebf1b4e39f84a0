using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// The self-assessment's reminder: an open round closes within <see cref="DaysBefore"/> days and the party has not
/// answered — one mail to the party's DPOs (the job adds them), once per round. Nothing about other parties.
/// </summary>
public sealed class MaturityReminderSource : IReminderSource
{
    public const string Closing = "maturity.closing";
    public const int DaysBefore = 7;

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var horizon = context.Today.AddDays(DaysBefore);
        var rounds = await context.Db.MaturityRounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.ClosesOn >= context.Today && r.ClosesOn <= horizon)
            .Select(r => new { r.Id, r.Year, r.ClosesOn })
            .ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return [];
        }

        // The context is scoped to the party: these are its own answers only.
        var ids = rounds.Select(r => r.Id).ToList();
        var answered = await context.Db.MaturityAnswers.AsNoTracking().Where(a => ids.Contains(a.RoundId)).Select(a => a.RoundId).ToListAsync(cancellationToken);
        return [.. rounds.Where(r => !answered.Contains(r.Id)).Select(r => new DueReminder(
            r.Id, Closing, DaysBefore, $"Mognadsenkät {r.Year}",
            $"Parten har inte besvarat nämndens mognadsenkät {r.Year}; sista svarsdag är {SwedishDates.Long(r.ClosesOn)}.",
            SwedishDates.Long(r.ClosesOn), $"/{context.Party.Slug}/mognad", null, Summary: $"ej besvarad, stänger {SwedishDates.Long(r.ClosesOn)}", IsCase: false))];
    }

    /// <summary>Parties that have not answered an open round closing within <see cref="DaysBefore"/> days: the same rule, per party.</summary>
    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var horizon = today.AddDays(DaysBefore);
        var closing = context.Sets.Set<MaturityRound>().Where(r => r.Status == RoundStatus.Open && r.ClosesOn >= today && r.ClosesOn <= horizon);
        var answers = context.Sets.Set<MaturityAnswer>();
        return await context.Parties
            .Where(p => closing.Any(r => !answers.Any(a => a.PartyId == p.Id && a.RoundId == r.Id)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }
}
