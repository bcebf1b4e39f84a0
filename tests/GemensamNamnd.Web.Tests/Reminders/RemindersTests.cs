using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure.Jobs;
using GemensamNamnd.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Reminders derived from stored deadlines, on PostgreSQL with row-level security, time from a FakeTimeProvider.</summary>
[Collection(ReminderCollection.Name)]
public sealed class RemindersTests(ReminderFactory app)
{
    private const string Extra = "registrator@ostersund.test";

    [PostgresFact]
    public async Task ARequest_WalkedThroughEveryThreshold_GetsEachReminderOnce_ToOfficerDpoAndExtraAddress()
    {
        const string slug = "ostersund";
        await SetExtraAddressAsync(slug, Extra);
        var anna = await app.UserIdAsync("anna");
        var r = await app.RegisterAsync(slug, officer: anna);
        var due = r.EffectiveDueOn;
        var expected = new List<string>();

        async Task At(int offset, params string[] added)
        {
            app.MoveTo(due.AddDays(offset));
            await app.RunPartyJobAsync(slug);
            await app.RunPartyJobAsync(slug); // a rerun the same day adds nothing
            expected.AddRange(added);
            Assert.Equal(expected.Order(), (await app.LedgerAsync(slug, r.Id)).Order());
        }

        await At(-8);
        await At(-7, "request.due:7");
        await At(-4);
        await At(-3, "request.extension-notice:3");
        await At(-2, "request.due:2");
        await At(-1);
        await At(0, "request.due:0");
        await At(6);
        await At(7, "request.overdue:1");
        await At(13);
        await At(14, "request.overdue:2");

        var mails = await app.MailsAboutAsync(await app.PartyIdAsync(slug), r.CaseNumber, r.Id);
        // The officer, the DPO (one person: his user's address, not also his allocation's work address), and the party's extra address.
        Assert.Equal(6 * 3, mails.Count);
        foreach (var group in mails.GroupBy(m => m.Subject))
        {
            Assert.Equal(["anna@demo.gemensamnamnd.se", "bo@demo.gemensamnamnd.se", Extra], group.Select(m => m.To).Order());
        }

        Assert.All(mails, m =>
        {
            Assert.DoesNotContain("Robin", m.TextBody + m.HtmlBody + m.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("121212", m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("example.org", m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"/{slug}/begaranden/{r.Id}", m.TextBody, StringComparison.Ordinal);
        });
    }

    [PostgresFact]
    public async Task AnIdentityCheckLeftWaiting_IsRemindedAfterSevenDays_NotBefore()
    {
        const string slug = "region-jh";
        var r = await app.RegisterAsync(slug);
        await app.InParty(slug, async db =>
        {
            var stored = await db.Requests.SingleAsync(x => x.Id == r.Id);
            stored.Status = Domain.Requests.RequestStatus.IdentityCheck;
            stored.IdentityCheckAskedAt = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await app.RunPartyJobAsync(slug);
        Assert.DoesNotContain("request.identity-check:7", await app.LedgerAsync(slug, r.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunPartyJobAsync(slug);
        Assert.Contains("request.identity-check:7", await app.LedgerAsync(slug, r.Id));
        // Eva is region-jh's DPO: the reminder reaches her once.
        var mails = await app.MailsAboutAsync(await app.PartyIdAsync(slug), r.CaseNumber, r.Id);
        Assert.Single(mails, m => m.Subject.Contains("Identitetskontrollen", StringComparison.Ordinal) && m.To == "eva@demo.gemensamnamnd.se");
    }

    [PostgresFact]
    public async Task ThePartyJob_RunConcurrently_SendsEveryReminderExactlyOnce()
    {
        const string slug = "krokom";
        var r = await app.RegisterAsync(slug);
        app.MoveTo(r.EffectiveDueOn.AddDays(-7));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => app.RunPartyJobAsync(slug))));

        Assert.Equal(["request.due:7"], await app.LedgerAsync(slug, r.Id));
        // Bo, Krokom's DPO: a user with the Dataskyddsombud membership, linked to his allocation's person — one mail.
        Assert.Equal(["bo@demo.gemensamnamnd.se"], (await app.MailsAboutAsync(await app.PartyIdAsync(slug), r.CaseNumber, r.Id)).Select(m => m.To).Order());
        Assert.Equal(1, results.Sum(x => x.Reminders));
    }

    [PostgresFact]
    public async Task TwoHangfireServersOnOnePostgreSql_SweepTwice_EveryReminderExactlyOnce()
    {
        const string slug = "are";
        var r = await app.RegisterAsync(slug);
        app.MoveTo(r.EffectiveDueOn.AddDays(-2));

        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(app.Database.AppConnection, new PostgreSqlStorageOptions()),
            JobsExtensions.StorageOptions(new JobsOptions()));
        var activator = new AspNetCoreJobActivator(app.Services.GetRequiredService<IServiceScopeFactory>());
        var client = new BackgroundJobClient(storage);
        client.Enqueue<ReminderSweepJob>(j => j.RunAsync(CancellationToken.None));
        client.Enqueue<ReminderSweepJob>(j => j.RunAsync(CancellationToken.None));

        using (var one = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "one", WorkerCount = 3, Activator = activator }, storage))
        using (var two = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "two", WorkerCount = 3, Activator = activator }, storage))
        {
            // Each sweep enqueues the jobs of the parties its pre-check names (Åre among them) before it succeeds; wait
            // until both sweeps have and nothing is left to run.
            var monitor = storage.GetMonitoringApi();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((monitor.SucceededListCount() < 2 || monitor.EnqueuedCount("default") > 0 || monitor.ProcessingCount() > 0) && DateTime.UtcNow < deadline)
            {
                Assert.Equal(0, monitor.FailedCount());
                await Task.Delay(200);
            }

            Assert.Equal(0, monitor.FailedCount());
            Assert.Equal(0, monitor.EnqueuedCount("default"));
            Assert.True(monitor.SucceededListCount() >= 2 + 2, "both sweeps and at least Åre's job from each");
        }

        // Two days before: the deadline and the last days to notify an extension, each once, to Bo (Åre's DPO; also at
        // his allocation's address while it lasts — the shared clock may have passed its end).
        Assert.Equal(["request.due:2", "request.extension-notice:3"], await app.LedgerAsync(slug, r.Id));
        var mails = await app.MailsAboutAsync(await app.PartyIdAsync(slug), r.CaseNumber, r.Id);
        Assert.Equal(2, mails.Count(m => m.To == "bo@demo.gemensamnamnd.se"));
        Assert.All(mails.GroupBy(m => (m.To, m.Subject)), g => Assert.Single(g));
        Assert.Contains(app.Logs, l => l.Message == "Reminder sweep completed" && l.Level == LogLevel.Information);
    }

    [PostgresFact]
    public async Task APartysJob_ReadsAndRecordsNoOtherPartysCases()
    {
        var mine = await app.RegisterAsync("harjedalen");
        var theirs = await app.RegisterAsync("berg");
        app.MoveTo(mine.EffectiveDueOn.AddDays(-7));

        await app.RunPartyJobAsync("harjedalen");

        Assert.Equal(["request.due:7"], await app.LedgerAsync("harjedalen", mine.Id));
        Assert.Empty(await app.LedgerAsync("berg", theirs.Id));
        Assert.Empty(await app.MailsAboutAsync(await app.PartyIdAsync("berg"), theirs.CaseNumber, theirs.Id));
        // The source itself, run as Härjedalen, yields none of Berg's cases even though Berg's case is due too.
        var seen = await app.InParty("harjedalen", async db =>
        {
            var party = await db.Parties.AsNoTracking().SingleAsync(p => p.Slug == "harjedalen");
            var now = app.Clock.GetUtcNow();
            return await new RequestReminderSource().FindDueAsync(new ReminderContext(db, party, now, GemensamNamnd.Web.Infrastructure.Swedish.Date(now)), default);
        });
        Assert.Contains(seen, d => d.SubjectId == mine.Id);
        Assert.DoesNotContain(seen, d => d.SubjectId == theirs.Id);
    }

    [PostgresFact]
    public async Task AUserWhoWantsADigest_GetsHeldRemindersInOneMailAt0700()
    {
        const string slug = "ragunda"; // Fredrik is Ragunda's DPO
        await SetDigestAsync("fredrik", true);
        try
        {
            var first = await app.RegisterAsync(slug);
            var second = await app.RegisterAsync(slug);
            app.MoveTo(first.EffectiveDueOn.AddDays(-7), hour: 9);
            await app.RunPartyJobAsync(slug);
            var partyId = await app.PartyIdAsync(slug);
            var held = await app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.Status == OutboxStatus.Held));
            // The two cases' reminders (another test may have left the party a held reminder of its own, e.g. a drill's).
            Assert.Equal(2, held.Count(m => m.Subject.Contains(first.CaseNumber, StringComparison.Ordinal) || m.Subject.Contains(second.CaseNumber, StringComparison.Ordinal)));

            app.MoveTo(first.EffectiveDueOn.AddDays(-7), hour: 23);
            await app.RunPartyJobAsync(slug);
            Assert.Empty(await app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.Subject.StartsWith("Ragunda kommun: Dagens påminnelser"))));

            app.MoveTo(first.EffectiveDueOn.AddDays(-6), hour: 7);
            await app.RunPartyJobAsync(slug);
            await app.RunPartyJobAsync(slug);
            var digest = Assert.Single(await app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.Subject.StartsWith("Ragunda kommun: Dagens påminnelser"))));
            Assert.Equal("fredrik@demo.gemensamnamnd.se", digest.To);
            Assert.Equal(OutboxStatus.Pending, digest.Status);
            Assert.Contains(first.CaseNumber, digest.TextBody, StringComparison.Ordinal);
            Assert.Contains(second.CaseNumber, digest.TextBody, StringComparison.Ordinal);
            Assert.All(await app.OutboxAsync(q => q.Where(m => held.Select(h => h.Id).Contains(m.Id))), m =>
            {
                Assert.Equal(OutboxStatus.Digested, m.Status);
                Assert.Equal(digest.Id, m.DigestId);
            });
        }
        finally
        {
            await SetDigestAsync("fredrik", false);
        }
    }

    private async Task SetExtraAddressAsync(string slug, string address)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var party = await db.Parties.SingleAsync(p => p.Slug == slug);
        party.Settings.ReminderExtraAddresses = [address];
        await db.SaveChangesAsync();
    }

    private async Task SetDigestAsync(string key, bool digest)
    {
        var id = await app.UserIdAsync(key);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.WantsDailyDigest = digest;
        await db.SaveChangesAsync();
    }
}
