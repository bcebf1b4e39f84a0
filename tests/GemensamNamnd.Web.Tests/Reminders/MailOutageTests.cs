using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>
/// A mail relay down overnight (issue 22): aiosmtpd stopped and started, the FakeTimeProvider moved past the backoffs.
/// Mails wait at least 24 hours, the administrators hear of an outage once after 15 minutes and once when it ends, the
/// log has one line per change of state, and a reminder sent late says so.
/// </summary>
[Collection(ReminderCollection.Name)]
public sealed class MailOutageTests(ReminderFactory app)
{
    private const string OutageLog = "Mail server";

    /// <summary>Any outage left by an earlier test ends: the server is up and one batch goes through.</summary>
    private async Task NoOutageAsync()
    {
        await app.Smtp.StartAsync();
        await app.QueueAsync("Uppe", 1);
        await app.DispatchAsync();
        await app.DispatchAsync();
    }

    private async Task DispatchDueAsync(Guid id)
    {
        var m = Assert.Single(await app.OutboxAsync(q => q.Where(x => x.Id == id)));
        if (m.NextAttemptAt > app.Clock.GetUtcNow())
        {
            app.Clock.SetUtcNow(m.NextAttemptAt);
        }

        await app.DispatchAsync();
    }

    [PostgresFact]
    public async Task SmtpDownOvernight_TheMailWaitsAtLeast24Hours_WithBackoffCappedAt15Minutes_ThenArrives()
    {
        await NoOutageAsync();
        await app.Smtp.StopAsync();
        var id = Assert.Single(await app.QueueAsync("Natt", 1));
        var start = app.Clock.GetUtcNow();
        try
        {
            while (app.Clock.GetUtcNow() - start < TimeSpan.FromHours(23.75))
            {
                await DispatchDueAsync(id);
                var m = Assert.Single(await app.OutboxAsync(q => q.Where(x => x.Id == id)));
                Assert.Equal(OutboxStatus.Pending, m.Status);
                Assert.True(m.NextAttemptAt - app.Clock.GetUtcNow() <= TimeSpan.FromMinutes(15), $"Nästa försök om {m.NextAttemptAt - app.Clock.GetUtcNow()}");
            }
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        await DispatchDueAsync(id);
        await app.DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await app.OutboxAsync(q => q.Where(x => x.Id == id))).Status);
        Assert.Single(app.Smtp.Received(), r => r.Subject == "Natt nr 1");
    }

    [PostgresFact]
    public async Task AnOutage_LogsOneLinePerChangeOfState_WithoutStackTraces_TellsTheAdministrators_AndReleasesTheWaitingMails()
    {
        await NoOutageAsync();
        var before = app.Logs.Count;
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // after any notice an earlier test caused
        await app.Smtp.StopAsync();
        var id = Assert.Single(await app.QueueAsync("Avbrott", 1));
        var start = app.Clock.GetUtcNow();
        try
        {
            // Polls every few seconds for 20 minutes: many attempts, three of them after the 15 minutes.
            while (app.Clock.GetUtcNow() - start < TimeSpan.FromMinutes(20))
            {
                await app.DispatchAsync();
                app.Clock.Advance(TimeSpan.FromSeconds(5));
                await DispatchDueAsync(id);
            }

            var during = app.Logs.Skip(before).Where(l => l.Message.Contains(OutageLog, StringComparison.Ordinal)).ToList();
            Assert.Equal(2, during.Count);
            Assert.Contains("outage began", during[0].Message, StringComparison.Ordinal);
            Assert.Contains("15 minutes", during[1].Message, StringComparison.Ordinal);
            Assert.DoesNotContain(app.Logs.Skip(before), l => l.Exception is not null);

            using var admin = app.ClientFor(AppFactory.Demo("admin"));
            var page = await admin.GetStringAsync("/admin/utkorg");
            Assert.Contains("E-postservern går inte att nå sedan", page, StringComparison.Ordinal);
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        // The server answers again (a new mail is due at once); the waiting mail goes out without waiting for its backoff.
        await app.QueueAsync("Efter", 1);
        await app.DispatchAsync();
        await app.DispatchAsync();
        Assert.Single(app.Smtp.Received(), r => r.Subject == "Avbrott nr 1");
        var lines = app.Logs.Skip(before).Where(l => l.Message.Contains(OutageLog, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("ended", lines[2].Message, StringComparison.Ordinal);

        var notice = Assert.Single(app.Smtp.Received(), r => r.To.Mailboxes.Any(b => b.Address == "admin@demo.gemensamnamnd.se")
            && (r.Subject ?? "").Contains("E-posten fungerar igen", StringComparison.Ordinal) && r.Date >= start);
        Assert.Contains("gick inte att nå", notice.TextBody, StringComparison.Ordinal);

        using var again = app.ClientFor(AppFactory.Demo("admin"));
        var after = await again.GetStringAsync("/admin/utkorg");
        Assert.DoesNotContain("E-postservern går inte att nå sedan", after, StringComparison.Ordinal);
        Assert.Contains("Senaste avbrott", after, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AShortOutage_IsLoggedButNotMailedToTheAdministrators()
    {
        await NoOutageAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // after any notice an earlier test caused
        var start = app.Clock.GetUtcNow();
        await app.Smtp.StopAsync();
        try
        {
            await app.QueueAsync("Kort", 1);
            await app.DispatchAsync();
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DispatchAsync();
        await app.DispatchAsync();
        Assert.Single(app.Smtp.Received(), r => r.Subject == "Kort nr 1");
        Assert.DoesNotContain(app.Smtp.Received(), r => (r.Subject ?? "").Contains("E-posten fungerar igen", StringComparison.Ordinal) && r.Date >= start);
    }

    [PostgresFact]
    public async Task AReminderDeliveredLate_SaysSo_WithWhenItWasCreatedAndSent()
    {
        await NoOutageAsync();
        await app.Smtp.StopAsync();
        MimeKit.MimeMessage received;
        Guid queuedId;
        try
        {
            var r = await app.RegisterAsync("stromsund", officer: await app.UserIdAsync("fredrik"));
            app.MoveTo(r.EffectiveDueOn.AddDays(-7));
            await app.RunPartyJobAsync("stromsund");
            var queued = (await app.MailsAboutAsync(await app.PartyIdAsync("stromsund"), r.CaseNumber, r.Id)).First();
            queuedId = queued.Id;
            await app.DispatchAsync();
            app.Clock.Advance(TimeSpan.FromHours(3));
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        await DispatchDueAsync(queuedId);
        await app.DispatchAsync();
        received = Assert.Single(app.Smtp.Received(), m => (m.MessageId ?? "").StartsWith($"{queuedId:N}@", StringComparison.Ordinal));
        var sent = Assert.Single(await app.OutboxAsync(q => q.Where(m => m.Id == queuedId)));
        Assert.Contains("Påminnelsen skickades sent på grund av ett driftavbrott", received.TextBody, StringComparison.Ordinal);
        Assert.Contains(GemensamNamnd.Web.Infrastructure.Swedish.DateTime(sent.CreatedAt), received.TextBody, StringComparison.Ordinal);
        Assert.Contains(GemensamNamnd.Web.Infrastructure.Swedish.DateTime(sent.SentAt!.Value), received.TextBody, StringComparison.Ordinal);
        Assert.Contains("skickades sent på grund av ett driftavbrott", System.Net.WebUtility.HtmlDecode(received.HtmlBody), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AReminderSentOnTime_HasNoLateNote()
    {
        await NoOutageAsync();
        var id = Assert.Single(await app.QueueAsync("IRättTid", 1));
        await app.DispatchAsync();
        var received = Assert.Single(app.Smtp.Received(), m => (m.MessageId ?? "").StartsWith($"{id:N}@", StringComparison.Ordinal));
        Assert.DoesNotContain("skickades sent", received.TextBody, StringComparison.Ordinal);
    }
}
