using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GemensamNamnd.Web.Features.Outbox;

/// <summary>
/// Claims a batch of due outbox rows and sends them over one connection. On PostgreSQL the claim is
/// <c>FOR UPDATE SKIP LOCKED</c> inside a transaction held until the batch is marked, so several instances share the
/// queue without sending a row twice, and a process that dies between claim and send releases its rows (the
/// transaction rolls back) for the next run. On SQLite (one process, one writer) a process-wide gate does the same.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailOptions> options,
    IOptions<DatabaseOptions> database,
    MailOutage outage,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    /// <summary>Sends batches until nothing is due; returns how many rows were attempted.</summary>
    public async Task<int> DispatchAllAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (claimed, sent) = await DispatchBatchAsync(cancellationToken);
            total += claimed;
            // Stop on an empty batch, or when nothing in it went out (the server is down: wait for the backoff).
            if (claimed == 0 || sent == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>One batch: claim, send over one connection, mark. Returns (claimed, sent).</summary>
    public async Task<(int Claimed, int Sent)> DispatchBatchAsync(CancellationToken cancellationToken = default)
    {
        var postgres = database.Value.Provider == DatabaseProvider.Postgres;
        if (!postgres)
        {
            await SqliteGate.WaitAsync(cancellationToken);
        }

        try
        {
            int claimed, sent;
            Exception? unreachable;
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<Identity.CurrentActor>().UseSystem("system:utkorg");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var batch = await ClaimAsync(db, postgres, cancellationToken);
                if (batch.Count == 0)
                {
                    return (0, 0);
                }

                (sent, unreachable) = await SendAsync(batch, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                claimed = batch.Count;
            }

            // After the batch is recorded: the outage's state changes (one log line each, never a trace per poll).
            if (unreachable is not null)
            {
                await outage.UnreachableAsync(unreachable, cancellationToken);
            }
            else
            {
                await outage.ReachableAsync(cancellationToken);
            }

            return (claimed, sent);
        }
        finally
        {
            if (!postgres)
            {
                SqliteGate.Release();
            }
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(AppDbContext db, bool postgres, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var size = options.Value.BatchSize;
        if (postgres)
        {
            return await db.OutboxMessages.FromSql($"""
                SELECT * FROM outbox_messages
                WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {size}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        }

        return await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(size)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sends the batch over one connection; returns how many went out, and the error when the server could not be reached.</summary>
    private async Task<(int Sent, Exception? Unreachable)> SendAsync(List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged by MailOutage when the state changes, not here for every poll.
            foreach (var message in batch)
            {
                Failed(message, ex);
            }

            return (0, ex);
        }

        var sent = 0;
        await using (session)
        {
            foreach (var message in batch)
            {
                try
                {
                    var now = clock.GetUtcNow();
                    var late = now - message.CreatedAt > TimeSpan.FromMinutes(options.Value.LateAfterMinutes) ? now : (DateTimeOffset?)null;
                    message.ServerReply = Truncate(await session.SendAsync(ToMime(message, late), cancellationToken), 1000);
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = now;
                    message.Attempts++;
                    message.LastError = null;
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Failed(message, ex);
                }
            }
        }

        return (sent, null);
    }

    private void Failed(OutboxMessage message, Exception ex)
    {
        var o = options.Value;
        message.Attempts++;
        message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
        if (GivesUp(message.Attempts, o))
        {
            message.Status = OutboxStatus.Failed;
            // Infra's alert queries this exact text (infra/modules/alerts.bicep); the details go in the scope.
            using (logger.BeginScope(new Dictionary<string, object?>
            {
                ["OutboxMessageId"] = message.Id,
                ["PartyId"] = message.PartyId,
                ["Attempts"] = message.Attempts,
                ["Error"] = message.LastError,
            }))
            {
                logger.LogError("Outbox message failed");
            }

            return;
        }

        message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts, o.RetryBaseSeconds, o.RetryMaxSeconds);
    }

    /// <summary>Base × 2^(attempts−1), at most <paramref name="maxSeconds"/>: 30 s, 1 min, 2 min … 15 min with the defaults.</summary>
    public static TimeSpan Backoff(int attempts, int baseSeconds, int maxSeconds) =>
        TimeSpan.FromSeconds(Math.Min(maxSeconds, baseSeconds * Math.Pow(2, Math.Min(30, Math.Max(0, attempts - 1)))));

    /// <summary>
    /// True when the attempt numbered <paramref name="attempts"/> failed at least <see cref="MailOptions.RetryHours"/> after
    /// the first: the backoffs before it add up to that. Counted from the attempts alone, so "Skicka igen" (attempts 0)
    /// gives a mail a fresh day, and a dispatcher that was down only makes the wait longer.
    /// </summary>
    public static bool GivesUp(int attempts, MailOptions o)
    {
        var waited = TimeSpan.Zero;
        var limit = TimeSpan.FromHours(o.RetryHours);
        for (var n = 1; n < attempts; n++)
        {
            waited += Backoff(n, o.RetryBaseSeconds, o.RetryMaxSeconds);
            if (waited >= limit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The mail as sent; <paramref name="lateAt"/> when it goes out late adds a line saying when it was created and sent.</summary>
    public static MimeMessage ToMime(OutboxMessage m, DateTimeOffset? lateAt = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(m.FromName ?? string.Empty, m.From));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        message.MessageId = m.MessageId(m.From);
        message.Date = m.CreatedAt;
        var (text, html) = (m.TextBody, m.HtmlBody);
        if (lateAt is { } sent)
        {
            var note = LateNote(m, sent);
            text = note + "\n\n" + text;
            html = $"<p><strong>{System.Net.WebUtility.HtmlEncode(note)}</strong></p>\n" + html;
        }

        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>"Påminnelsen skickades sent på grund av ett driftavbrott: skapad …, skickad …."</summary>
    public static string LateNote(OutboxMessage m, DateTimeOffset sentAt) =>
        $"{(m.PartyId is null ? "Meddelandet" : "Påminnelsen")} skickades sent på grund av ett driftavbrott: skapad {Infrastructure.Swedish.DateTime(m.CreatedAt)}, skickad {Infrastructure.Swedish.DateTime(sentAt)}.";

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>Runs the dispatcher every few seconds on instances whose background server is on (Hangfire:ServerEnabled).</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                await dispatcher.DispatchAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox dispatch round failed; retrying at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
