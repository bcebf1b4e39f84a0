using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Processing;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>An impact assessment's review date (Art. 35(11)) is reminded once, through the sweep's ledger.</summary>
[Collection(ReminderCollection.Name)]
public sealed class AssessmentReminderTests(ReminderFactory app)
{
    [PostgresFact]
    public async Task TheReviewDate_IsRemindedOnce_AndANewDateOnceMore()
    {
        const string slug = "ragunda";
        var today = Swedish.Today(app.Clock);
        var (assessmentId, futureId) = await app.InParty(slug, async db =>
        {
            var controller = new DataController { Name = $"Socialnämnden {Guid.NewGuid():N}"[..30], Kind = DataControllerKind.Namnd };
            db.DataControllers.Add(controller);
            var activity = new ProcessingActivity { ControllerId = controller.Id, Name = "Ekonomiskt bistånd", LegalBasis = LegalBasis.PublicTask, RetentionPeriod = "5 år" };
            db.ProcessingActivities.Add(activity);
            var due = new ImpactAssessment { ActivityId = activity.Id, Description = "Bedömning", Decision = DpiaDecision.Proceed, ReviewOn = today };
            var future = new ImpactAssessment { ActivityId = activity.Id, Description = "Senare bedömning", ReviewOn = today.AddDays(30) };
            db.ImpactAssessments.AddRange(due, future);
            await db.SaveChangesAsync();
            return (due.Id, future.Id);
        });

        await app.RunPartyJobAsync(slug);
        await app.RunPartyJobAsync(slug); // a rerun adds nothing
        Assert.Equal([$"{AssessmentReminderSource.Review}:{today.DayNumber}"], await app.LedgerAsync(slug, assessmentId));
        Assert.Empty(await app.LedgerAsync(slug, futureId));
        var partyId = await app.PartyIdAsync(slug);
        var mails = await app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.TextBody.Contains(assessmentId.ToString())));
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.Contains("ska ses över", m.TextBody, StringComparison.Ordinal));

        // A new review date (the assessment was reviewed): one new reminder on that day, not before.
        var next = today.AddDays(-1);
        await app.InParty(slug, async db =>
        {
            var x = await db.ImpactAssessments.FindAsync(assessmentId);
            x!.ReviewOn = next;
            return await db.SaveChangesAsync();
        });
        await app.RunPartyJobAsync(slug);
        var ledger = await app.LedgerAsync(slug, assessmentId);
        Assert.Equal(2, ledger.Count);
        Assert.Contains($"{AssessmentReminderSource.Review}:{next.DayNumber}", ledger);
    }
}
