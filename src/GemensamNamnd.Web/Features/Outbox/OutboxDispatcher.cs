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
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Identity.CurrentActor>().UseSystem("system:utkorg");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await ClaimAsync(db, postgres, cancellationToken);
            if (batch.Count == 0)
            {
                return (0, 0);
            }

            var sent = await SendAsync(batch, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (batch.Count, sent);
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

    private async Task<int> SendAsync(List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Mail server unreachable; {Count} outbox messages wait for their next attempt", batch.Count);
            foreach (var message in batch)
            {
                Failed(message, ex);
            }

            return 0;
        }

        var sent = 0;
        await using (session)
        {
            foreach (var message in batch)
            {
                try
                {
                    message.ServerReply = Truncate(await session.SendAsync(ToMime(message), cancellationToken), 1000);
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = clock.GetUtcNow();
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

        return sent;
    }

    private void Failed(OutboxMessage message, Exception ex)
    {
        var o = options.Value;
        message.Attempts++;
        message.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
        if (message.Attempts >= o.MaxAttempts)
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

        message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts, o.RetryBaseSeconds);
    }

    /// <summary>Base × 2^(attempts−1), at most one hour: 30 s, 1 min, 2 min, 4 min … with the default base.</summary>
    public static TimeSpan Backoff(int attempts, int baseSeconds) =>
        TimeSpan.FromSeconds(Math.Min(3600, baseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    public static MimeMessage ToMime(OutboxMessage m)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(m.FromName ?? string.Empty, m.From));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        message.MessageId = m.MessageId(m.From);
        message.Date = m.CreatedAt;
        message.Body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody }.ToMessageBody();
        return message;
    }

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
