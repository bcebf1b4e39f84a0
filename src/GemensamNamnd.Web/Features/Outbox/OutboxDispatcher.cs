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
        // One SMTP connection for the whole run, not one per batch: connecting (and EHLO) costs more than a batch's sends.
        await using var connection = new Connection(transport);
        if (database.Value.Provider == DatabaseProvider.Postgres)
        {
            return await DispatchPipelinedAsync(connection, cancellationToken);
        }

        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (claimed, sent) = await DispatchBatchAsync(connection, cancellationToken);
            total += claimed;
            // Stop on an empty batch, or when nothing in it went out (the server is down: wait for the backoff).
            if (claimed == 0 || sent == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// PostgreSQL: the same batches, but the database work overlaps the sending. While batch n is sent, batch n+1 is
    /// claimed in its own transaction (batch n's rows are locked, so SKIP LOCKED passes over them), and batch n is marked
    /// and committed while batch n+1 is sent. Each batch is still marked only after its mails were accepted and only in
    /// its claim's transaction, so a crash re-sends at most the mails of the batches not yet committed; one mark is in
    /// flight at a time, so the outage is told batch by batch in order.
    /// </summary>
    private async Task<int> DispatchPipelinedAsync(Connection connection, CancellationToken cancellationToken)
    {
        var total = 0;
        Task<Claimed>? claiming = ClaimNewAsync(cancellationToken);
        Task? marking = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var claimed = await claiming;
                claiming = null;
                if (claimed.Batch.Count == 0)
                {
                    await claimed.DisposeAsync();
                    break;
                }

                claiming = ClaimNewAsync(cancellationToken);
                (List<Delivered> Sent, Exception? Unreachable) result;
                try
                {
                    result = await SendAsync(connection, claimed.Batch, cancellationToken);
                    if (marking is not null)
                    {
                        var previous = marking;
                        marking = null;
                        await previous;
                    }
                }
                catch
                {
                    await claimed.DisposeAsync();
                    throw;
                }

                marking = MarkAndCommitAsync(claimed, result.Sent, result.Unreachable, cancellationToken);
                total += claimed.Batch.Count;
                // Nothing in it went out (the server is down): wait for the backoff.
                if (result.Sent.Count == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            if (claiming is not null)
            {
                await (await claiming).DisposeAsync();
            }

            if (marking is not null)
            {
                await marking;
            }
        }

        return total;
    }

    private async Task<Claimed> ClaimNewAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<Identity.CurrentActor>().UseSystem("system:utkorg");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Held by the context until the batch is marked (committed) or the scope is disposed (rolled back).
            await db.Database.BeginTransactionAsync(cancellationToken);
            return new Claimed(scope, db, await ClaimAsync(db, postgres: true, cancellationToken));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task MarkAndCommitAsync(Claimed claimed, List<Delivered> delivered, Exception? unreachable, CancellationToken cancellationToken)
    {
        await using (claimed)
        {
            await MarkSentAsync(claimed.Db, postgres: true, delivered, cancellationToken);
            await claimed.Db.SaveChangesAsync(cancellationToken);
            await claimed.Db.Database.CommitTransactionAsync(cancellationToken);
        }

        if (unreachable is not null)
        {
            await outage.UnreachableAsync(unreachable, cancellationToken);
        }
        else
        {
            await outage.ReachableAsync(cancellationToken);
        }
    }

    /// <summary>One claimed batch with its scope; disposing it rolls back the claim's transaction if it was not committed.</summary>
    private sealed class Claimed(AsyncServiceScope scope, AppDbContext db, List<OutboxMessage> batch) : IAsyncDisposable
    {
        public AppDbContext Db => db;

        public List<OutboxMessage> Batch => batch;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    /// <summary>One batch: claim, send over one connection, mark. Returns (claimed, sent).</summary>
    public async Task<(int Claimed, int Sent)> DispatchBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new Connection(transport);
        return await DispatchBatchAsync(connection, cancellationToken);
    }

    private async Task<(int Claimed, int Sent)> DispatchBatchAsync(Connection connection, CancellationToken cancellationToken)
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

                List<Delivered> delivered;
                (delivered, unreachable) = await SendAsync(connection, batch, cancellationToken);
                sent = delivered.Count;
                await MarkSentAsync(db, postgres, delivered, cancellationToken);
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

    /// <summary>
    /// Sends the batch over the run's connection (opened now if it is not); returns what went out, and the error when the
    /// server could not be reached. Nothing is marked here: the rows of the sent mails are written in one go afterwards,
    /// in the claim's transaction, so a crash before its commit leaves them unmarked (sent again, same Message-Id).
    /// </summary>
    private async Task<(List<Delivered> Sent, Exception? Unreachable)> SendAsync(Connection connection, List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await connection.SessionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged by MailOutage when the state changes, not here for every poll.
            foreach (var message in batch)
            {
                Failed(message, ex);
            }

            return ([], ex);
        }

        var sent = new List<Delivered>(batch.Count);
        foreach (var message in batch)
        {
            var now = clock.GetUtcNow();
            var late = now - message.CreatedAt > TimeSpan.FromMinutes(options.Value.LateAfterMinutes) ? now : (DateTimeOffset?)null;
            try
            {
                string reply;
                try
                {
                    reply = await session.SendAsync(ToMime(message, late), cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested && connection.FromEarlierBatch)
                {
                    // A connection kept from an earlier batch may have been closed by the server meanwhile (idle or
                    // per-connection limits): once, open a fresh one and try the mail again, as a new batch would have.
                    session = await connection.ReopenAsync(cancellationToken);
                    reply = await session.SendAsync(ToMime(message, late), cancellationToken);
                }

                sent.Add(new Delivered(message, Truncate(reply, 1000), now));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(message, ex);
                // The connection may be what failed: the next batch opens a new one.
                connection.Broken();
            }
        }

        return (sent, null);
    }

    /// <summary>
    /// Marks the accepted mails sent. On PostgreSQL one statement for the batch (each row's reply and time from arrays)
    /// instead of an UPDATE per row; the rows are then left unchanged for SaveChanges, which writes only the failed ones.
    /// </summary>
    private static async Task MarkSentAsync(AppDbContext db, bool postgres, List<Delivered> delivered, CancellationToken cancellationToken)
    {
        if (!postgres)
        {
            foreach (var d in delivered)
            {
                Sent(d.Message, d.Reply, d.At);
            }

            return;
        }

        if (delivered.Count == 0)
        {
            return;
        }

        var ids = delivered.Select(d => d.Message.Id).ToArray();
        var replies = delivered.Select(d => d.Reply).ToArray();
        var times = delivered.Select(d => d.At).ToArray();
        var sent = nameof(OutboxStatus.Sent);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages AS m
            SET status = {sent}, sent_at = v.sent_at, server_reply = v.reply, attempts = m.attempts + 1, last_error = NULL
            FROM unnest({ids}, {replies}, {times}) AS v(id, reply, sent_at)
            WHERE m.id = v.id
            """, cancellationToken);

        // The tracked rows show what was written (and SaveChanges leaves them alone).
        foreach (var d in delivered)
        {
            Sent(d.Message, d.Reply, d.At);
            db.Entry(d.Message).State = EntityState.Unchanged;
        }
    }

    private static void Sent(OutboxMessage message, string reply, DateTimeOffset at)
    {
        message.ServerReply = reply;
        message.Status = OutboxStatus.Sent;
        message.SentAt = at;
        message.Attempts++;
        message.LastError = null;
    }

    private sealed record Delivered(OutboxMessage Message, string Reply, DateTimeOffset At);

    /// <summary>The SMTP connection of one dispatch run: opened at the first batch that needs it, reopened after a failure.</summary>
    private sealed class Connection(IMailTransport transport) : IAsyncDisposable
    {
        private IMailSession? _session;
        private bool _broken;

        /// <summary>True while the session in use was opened for an earlier batch (and has not failed in this one).</summary>
        public bool FromEarlierBatch { get; private set; }

        public async Task<IMailSession> SessionAsync(CancellationToken cancellationToken)
        {
            if (_broken)
            {
                await CloseAsync();
            }

            _broken = false;
            FromEarlierBatch = _session is not null;
            return _session ??= await transport.OpenAsync(cancellationToken);
        }

        public async Task<IMailSession> ReopenAsync(CancellationToken cancellationToken)
        {
            await CloseAsync();
            FromEarlierBatch = false;
            return _session = await transport.OpenAsync(cancellationToken);
        }

        /// <summary>A send failed: the batch goes on with this session as before, but the next batch opens a fresh one.</summary>
        public void Broken()
        {
            _broken = true;
            FromEarlierBatch = false;
        }

        public ValueTask DisposeAsync() => new(CloseAsync());

        private async Task CloseAsync()
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }
        }
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
