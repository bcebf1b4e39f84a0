using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// An impact assessment's review date has come (Art. 35(11): the controller reviews whether the processing is performed
/// in accordance with the assessment): one reminder per assessment and review date (keyed by the date's day number), so
/// a new review date gives a new reminder and the same one is never sent twice.
/// </summary>
public sealed class AssessmentReminderSource : IReminderSource
{
    public const string Review = "dpia.review";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var due = await context.Db.ImpactAssessments.AsNoTracking()
            .Where(x => x.ReviewOn != null && x.ReviewOn <= today)
            .Join(context.Db.ProcessingActivities.AsNoTracking(), x => x.ActivityId, a => a.Id, (x, a) => new { x.Id, ReviewOn = x.ReviewOn!.Value, a.Name, a.ControllerId })
            .ToListAsync(cancellationToken);
        return [.. due.Select(x => new DueReminder(x.Id, Review, x.ReviewOn.DayNumber, x.Name,
            $"Konsekvensbedömningen av ”{x.Name}” ska ses över (art. 35.11).", SwedishDates.Long(x.ReviewOn),
            $"/{context.Party.Slug}/konsekvensbedomningar/{x.Id}", null, [x.ControllerId], "konsekvensbedömning ska ses över", IsCase: false))];
    }

    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var assessments = context.Sets.Set<ImpactAssessment>();
        return await context.Parties
            .Where(p => assessments.Any(x => x.PartyId == p.Id && x.ReviewOn != null && x.ReviewOn <= today))
            .Select(p => p.Id).ToListAsync(cancellationToken);
    }
}
