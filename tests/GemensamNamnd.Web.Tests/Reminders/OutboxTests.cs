using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>The outbox dispatcher against a real SMTP server (aiosmtpd) on loopback and a real PostgreSQL.</summary>
[Collection(ReminderCollection.Name)]
public sealed partial class OutboxTests(ReminderFactory app)
{
    private List<MimeKit.MimeMessage> ReceivedTagged(string tag) =>
        app.Smtp.Received().Where(m => m.Subject?.StartsWith(tag, StringComparison.Ordinal) == true).ToList();

    [PostgresFact]
    public async Task ReminderMails_ArriveOverSmtp_WithRecipientSubjectLinkAndStableMessageId_AndNoPersonalData()
    {
        await app.Smtp.StartAsync();
        var r = await app.RegisterAsync("stromsund", officer: await app.UserIdAsync("fredrik"));
        app.MoveTo(r.EffectiveDueOn.AddDays(-7));
        await app.RunPartyJobAsync("stromsund");
        // The officer's mail (Strömsund's DPO gets another, at her allocation's address).
        var queued = Assert.Single(await app.MailsAboutAsync(await app.PartyIdAsync("stromsund"), r.CaseNumber, r.Id), m => m.To == "fredrik@demo.gemensamnamnd.se");

        await app.DispatchAsync();
        await app.DispatchAsync();

        // Case numbers repeat across parties (each has its own series): find the mail by its stable Message-Id.
        var received = Assert.Single(app.Smtp.Received(), m => m.MessageId == $"{queued.Id:N}@gemensamnamnd.test");
        Assert.Contains(r.CaseNumber, received.Subject, StringComparison.Ordinal);
        Assert.Equal("fredrik@demo.gemensamnamnd.se", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("paminnelser@gemensamnamnd.test", Assert.Single(received.From.Mailboxes).Address);
        Assert.NotNull(received.TextBody);
        Assert.NotNull(received.HtmlBody);
        Assert.Contains(r.CaseNumber, received.TextBody, StringComparison.Ordinal);
        Assert.Contains(Domain.Deadlines.SwedishDates.Long(r.EffectiveDueOn), received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/stromsund/begaranden/{r.Id}", received.HtmlBody, StringComparison.Ordinal);
        foreach (var secret in new[] { "Robin", "Hemligsson", "121212", "robin@example.org" })
        {
            Assert.DoesNotContain(secret, received.TextBody + received.HtmlBody + received.Subject, StringComparison.Ordinal);
        }

        var sent = Assert.Single(await app.OutboxAsync(q => q.Where(m => m.Id == queued.Id)));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.False(string.IsNullOrWhiteSpace(sent.ServerReply));
    }

    [PostgresFact]
    public async Task TwoDispatchersAtOnce_ShareTheQueue_EveryMailExactlyOnce()
    {
        await app.Smtp.StartAsync();
        await app.QueueAsync("Parallell", 45);

        await Task.WhenAll(Task.Run(app.DispatchAsync), Task.Run(app.DispatchAsync));

        var received = ReceivedTagged("Parallell");
        Assert.Equal(45, received.Count);
        Assert.Equal(45, received.Select(m => m.MessageId).Distinct().Count());
    }

    [PostgresFact]
    public async Task ARowClaimedByAProcessThatDies_IsSkippedWhileLocked_AndSentAfterwards()
    {
        await app.Smtp.StartAsync();
        var ids = await app.QueueAsync("Kraschad", 3);

        // Another instance claims the rows (FOR UPDATE in its transaction) and dies before sending.
        await using (var other = new NpgsqlConnection(app.Database.AppConnection))
        {
            await other.OpenAsync();
            await using var tx = await other.BeginTransactionAsync();
            await using var claim = new NpgsqlCommand("SELECT id FROM outbox_messages WHERE id = ANY(@ids) FOR UPDATE SKIP LOCKED", other, tx);
            claim.Parameters.AddWithValue("ids", ids.ToArray());
            await claim.ExecuteNonQueryAsync();

            await app.DispatchAsync();
            Assert.Empty(ReceivedTagged("Kraschad"));
        } // the connection closes without commit, as when the process is killed

        await app.DispatchAsync();
        Assert.Equal(3, ReceivedTagged("Kraschad").Count);
    }

    [PostgresFact]
    public async Task SmtpDown_ThenUp_EveryMailArrivesOnce_AfterTheBackoff()
    {
        await app.Smtp.StopAsync();
        try
        {
            var ids = await app.QueueAsync("Nere", 4);
            await app.DispatchAsync();
            var waiting = await app.OutboxAsync(q => q.Where(m => ids.Contains(m.Id)));
            Assert.All(waiting, m =>
            {
                Assert.Equal(OutboxStatus.Pending, m.Status);
                Assert.Equal(1, m.Attempts);
                Assert.Equal(app.Clock.GetUtcNow().AddSeconds(ReminderFactory.RetryBaseSeconds), m.NextAttemptAt);
            });
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        await app.DispatchAsync(); // still inside the backoff: nothing is tried
        Assert.Empty(ReceivedTagged("Nere"));
        app.Clock.Advance(TimeSpan.FromSeconds(ReminderFactory.RetryBaseSeconds));
        await app.DispatchAsync();
        await app.DispatchAsync();
        var received = ReceivedTagged("Nere");
        Assert.Equal(4, received.Count);
        Assert.Equal(4, received.Select(m => m.MessageId).Distinct().Count());
    }

    [PostgresFact]
    public async Task AfterTheLastAttempt_TheMailIsFailed_Logged_ListedForAdministrators_AndCanBeSentAgain()
    {
        await app.Smtp.StopAsync();
        Guid id;
        try
        {
            id = Assert.Single(await app.QueueAsync("Misslyckad", 1));
            var start = app.Clock.GetUtcNow();
            OutboxMessage message;
            do
            {
                await app.DispatchAsync();
                message = Assert.Single(await app.OutboxAsync(q => q.Where(m => m.Id == id)));
                if (message.Status == OutboxStatus.Pending)
                {
                    app.Clock.SetUtcNow(message.NextAttemptAt);
                }
            }
            while (message.Status == OutboxStatus.Pending && message.Attempts < 500);

            Assert.Equal(OutboxStatus.Failed, message.Status);
            // Mail:RetryHours (24 by default, never less): a relay down overnight loses nothing.
            Assert.True(app.Clock.GetUtcNow() - start >= TimeSpan.FromHours(24), $"Gav upp efter {app.Clock.GetUtcNow() - start}");
            Assert.True(app.Clock.GetUtcNow() - start < TimeSpan.FromHours(24.25), $"Gav upp efter {app.Clock.GetUtcNow() - start}");
            Assert.Contains(app.Logs, l => l.Level == LogLevel.Error && l.Message == "Outbox message failed");
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        await app.DispatchAsync();
        Assert.Empty(ReceivedTagged("Misslyckad")); // failed stays failed until someone acts

        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var page = await admin.GetStringAsync("/admin/utkorg");
        Assert.Contains("Misslyckad nr 1", page, StringComparison.Ordinal);
        Assert.Contains("Skicka igen", page, StringComparison.Ordinal);
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await admin.PostAsync($"/admin/utkorg?handler=Resend&id={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await app.DispatchAsync();
        Assert.Single(ReceivedTagged("Misslyckad"));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await app.OutboxAsync(q => q.Where(m => m.Id == id))).Status);
    }

    [PostgresFact]
    public async Task TheOutboxPage_IsForGlobalAdministratorsOnly()
    {
        using var officer = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/admin/utkorg")).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/admin/utkorg")).StatusCode);
    }

    [PostgresFact]
    public async Task TheHangfireDashboard_IsForGlobalAdministratorsOnly()
    {
        using var anonymous = app.Anonymous();
        var none = await anonymous.GetAsync("/hangfire");
        Assert.NotEqual(HttpStatusCode.OK, none.StatusCode);
        using var officer = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/hangfire")).StatusCode);
        using var dpo = app.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.GetAsync("/hangfire/recurring")).StatusCode);
        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var ok = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("bakgrundsjobb", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
