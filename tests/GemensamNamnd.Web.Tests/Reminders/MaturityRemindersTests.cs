using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>The self-assessment's reminder on PostgreSQL: a round closing within 7 days, to the parties that have not answered.</summary>
[Collection(ReminderCollection.Name)]
public sealed class MaturityRemindersTests(ReminderFactory app)
{
    [PostgresFact]
    public async Task ARoundClosingWithinSevenDays_RemindsTheDposOfPartiesThatHaveNotAnswered_Once()
    {
        var today = Swedish.Today(app.Clock);
        var closes = today.AddDays(10);
        var round = MaturityRound.Draft(2077, closes);
        round.Status = RoundStatus.Open;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.MaturityRounds.Add(round);
            await db.SaveChangesAsync();
        }

        try
        {
            // Bräcke has answered; Krokom has not.
            await app.InParty("bracke", db =>
            {
                db.MaturityAnswers.Add(new MaturityAnswer
                {
                    RoundId = round.Id,
                    SubmittedAt = app.Clock.GetUtcNow(),
                    Items = [.. DefaultDimensions.All.Select(d => new AnswerItem { Key = d.Key, Level = 3, Justification = "Rutin finns." })],
                });
                return db.SaveChangesAsync();
            });

            // Eight days before: nothing yet.
            app.MoveTo(closes.AddDays(-8));
            await app.RunPartyJobAsync("krokom");
            Assert.Empty(await app.LedgerAsync("krokom", round.Id));

            // Seven days before: Krokom is reminded once, also when the job runs again; Bräcke is not.
            app.MoveTo(closes.AddDays(-7));
            await app.RunPartyJobAsync("krokom");
            await app.RunPartyJobAsync("krokom");
            await app.RunPartyJobAsync("bracke");
            Assert.Equal([$"{MaturityReminderSource.Closing}:7"], await app.LedgerAsync("krokom", round.Id));
            Assert.Empty(await app.LedgerAsync("bracke", round.Id));

            // Bo, Krokom's DPO: a member, linked to his allocation's person — one mail.
            var krokom = await app.PartyIdAsync("krokom");
            var mails = await app.OutboxAsync(q => q.Where(m => m.PartyId == krokom && m.Subject.Contains("Mognadsenkät 2077")));
            Assert.Equal(["bo@demo.gemensamnamnd.se"], mails.Select(m => m.To).Order());
            Assert.All(mails, m => Assert.Contains("/krokom/mognad", m.TextBody, StringComparison.Ordinal));
            var bracke = await app.PartyIdAsync("bracke");
            Assert.Empty(await app.OutboxAsync(q => q.Where(m => m.PartyId == bracke && m.Subject.Contains("Mognadsenkät 2077"))));
        }
        finally
        {
            // The round is global: close it so the other reminder tests in this database see no maturity reminders.
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().MaturityRounds.Where(r => r.Id == round.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Closed));
        }
    }
}
