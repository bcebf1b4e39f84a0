using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Reminders;

internal static class ReminderTestSupport
{
    public static async Task<PartyReminderResult> RunPartyJobAsync(this ReminderFactory app, string slug)
    {
        var partyId = await app.PartyIdAsync(slug);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PartyReminderJob>().RunAsync(partyId, CancellationToken.None);
    }

    /// <summary>The ledger's keys for one case, as "kind:threshold", read as the case's party.</summary>
    public static Task<List<string>> LedgerAsync(this ReminderFactory app, string slug, Guid caseId) =>
        app.InParty(slug, db => db.SentReminders.AsNoTracking().Where(r => r.SubjectId == caseId)
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Kind).Select(r => r.Kind + ":" + r.Threshold).ToListAsync());

    public static async Task<List<OutboxMessage>> OutboxAsync(this ReminderFactory app, Func<IQueryable<OutboxMessage>, IQueryable<OutboxMessage>> filter)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await filter(db.OutboxMessages.AsNoTracking()).OrderBy(m => m.CreatedAt).ThenBy(m => m.To).ToListAsync();
    }

    /// <summary>
    /// Mails about one case: they name its case number in the subject and link to it. (Each register has its own
    /// series, so a request and a breach of one party may share a number.)
    /// </summary>
    public static Task<List<OutboxMessage>> MailsAboutAsync(this ReminderFactory app, Guid partyId, string caseNumber, Guid caseId)
    {
        var id = caseId.ToString();
        return app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.Subject.Contains(caseNumber) && m.TextBody.Contains(id)));
    }

    /// <summary>Queues plain test mails tagged in the subject, as any feature would in its own transaction.</summary>
    public static async Task<List<Guid>> QueueAsync(this ReminderFactory app, string tag, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow();
        var messages = Enumerable.Range(1, count).Select(i => new OutboxMessage
        {
            To = $"mottagare{i}@gemensamnamnd.test",
            From = "paminnelser@gemensamnamnd.test",
            Subject = $"{tag} nr {i}",
            TextBody = $"Text {tag} {i}",
            HtmlBody = $"<p>Text {tag} {i}</p>",
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    public static Task<int> DispatchAsync(this ReminderFactory app) =>
        app.Services.GetRequiredService<OutboxDispatcher>().DispatchAllAsync();
}
