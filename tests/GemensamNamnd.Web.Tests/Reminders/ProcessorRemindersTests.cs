using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Features.Processors;
using GemensamNamnd.Web.Features.Suppliers;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Processor agreements' reminders: 90 and 30 days before the end, and a sub-processor notice undecided 14 days; each once.</summary>
[Collection(ReminderCollection.Name)]
public sealed class ProcessorRemindersTests(ReminderFactory app)
{
    [PostgresFact]
    public async Task AnAgreementEnding_IsRemindedAt90And30Days_AndAPendingNoticeAfter14Days_EachOnce()
    {
        const string slug = "ragunda";
        var today = Swedish.Today(app.Clock);
        Guid supplier;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
            var s = new Supplier { Name = $"Påminnelse AB {Guid.NewGuid():N}"[..36], Country = "SE" };
            db.Suppliers.Add(s);
            await db.SaveChangesAsync();
            supplier = s.Id;
        }

        var notice = new SubProcessorNotice { ReceivedOn = today.AddDays(-1), Description = "Nytt underbiträde" };
        var agreement = await app.InParty(slug, async db =>
        {
            var a = new ProcessorAgreement
            {
                SupplierId = supplier,
                ControllerIds = [await db.DataControllers.Select(c => c.Id).FirstAsync()],
                ValidFrom = today.AddYears(-2),
                ValidTo = today.AddDays(120),
                Standard = AgreementStandard.SkrTemplate,
                Notices = [notice],
            };
            db.ProcessorAgreements.Add(a);
            await db.SaveChangesAsync();
            return a;
        });

        async Task<List<string>> RunTwiceAsync(Guid subject)
        {
            await app.RunPartyJobAsync(slug);
            await app.RunPartyJobAsync(slug); // a rerun adds nothing
            return await app.LedgerAsync(slug, subject);
        }

        Assert.Empty(await RunTwiceAsync(agreement.Id));
        Assert.Empty(await RunTwiceAsync(notice.Id));

        app.MoveTo(today.AddDays(12)); // received 13 days ago
        Assert.Empty(await RunTwiceAsync(notice.Id));
        app.MoveTo(today.AddDays(30));
        Assert.Equal([$"{ProcessorReminderSource.Ending}:90"], await RunTwiceAsync(agreement.Id));
        Assert.Equal([$"{ProcessorReminderSource.Notice}:{AgreementRules.NoticePendingDays}"], await RunTwiceAsync(notice.Id));
        app.MoveTo(today.AddDays(89));
        Assert.Equal([$"{ProcessorReminderSource.Ending}:90"], await RunTwiceAsync(agreement.Id));
        app.MoveTo(today.AddDays(90));
        Assert.Equal([$"{ProcessorReminderSource.Ending}:90", $"{ProcessorReminderSource.Ending}:30"], await RunTwiceAsync(agreement.Id));
        app.MoveTo(today.AddDays(121));
        Assert.Equal(2, (await RunTwiceAsync(agreement.Id)).Count);

        var partyId = await app.PartyIdAsync(slug);
        var mails = await app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.TextBody.Contains(agreement.Id.ToString())));
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.Contains("/personuppgiftsbitraden/avtal/", m.TextBody, StringComparison.Ordinal));
    }
}
