using System.Globalization;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Outbox;

/// <summary>The mail server's state as the dispatcher last saw it: down since an instant, and the last outage that ended.</summary>
public sealed record MailOutageState(DateTimeOffset? Since, bool Told, DateTimeOffset? LastSince, DateTimeOffset? LastUntil);

/// <summary>
/// An SMTP outage, recorded where every instance sees it and a restart keeps it: a hash in Hangfire's storage (the
/// PostgreSQL <c>hangfire</c> schema; in memory on the embedded default), so no table of our own. The dispatcher reports
/// each batch's connection (<see cref="UnreachableAsync"/>, <see cref="ReachableAsync"/>); only a change of state is
/// logged, one line each: the outage began, it passed <see cref="TellAfter"/> (the global administrators see it at
/// <c>/admin/utkorg</c>), it ended — then the waiting mails go out at once and, after a long outage, the global
/// administrators get a mail saying when it was.
/// </summary>
public sealed class MailOutage(JobStorage storage, IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailOutage> logger)
{
    /// <summary>An outage longer than this is told to the global administrators.</summary>
    public static readonly TimeSpan TellAfter = TimeSpan.FromMinutes(15);

    private const string Key = "gemensamnamnd:mail-outage";
    private const string LockKey = "gemensamnamnd:mail-outage:lock";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    // This instance's last view: a batch that connects while no outage is known skips the storage.
    private volatile bool _knownDown = true;

    public MailOutageState Current()
    {
        using var connection = storage.GetConnection();
        return Read(connection);
    }

    /// <summary>A batch could not connect to the mail server.</summary>
    public async Task UnreachableAsync(Exception error, CancellationToken cancellationToken)
    {
        _knownDown = true;
        var now = clock.GetUtcNow();
        var reason = $"{error.GetType().Name}: {error.Message}";
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(LockKey, LockTimeout);
        var state = Read(connection);
        if (state.Since is not { } since)
        {
            Write(connection, new Dictionary<string, string> { ["since"] = Format(now), ["told"] = "false" });
            logger.LogWarning("Mail server unreachable: outage began at {Since}; {Waiting} mails wait for their next attempt ({Error})",
                now, await WaitingAsync(cancellationToken), reason);
            return;
        }

        if (!state.Told && now - since >= TellAfter)
        {
            Write(connection, new Dictionary<string, string> { ["told"] = "true" });
            logger.LogError("Mail server still unreachable after 15 minutes: outage since {Since}; {Waiting} mails wait for their next attempt ({Error})",
                since, await WaitingAsync(cancellationToken), reason);
        }
    }

    /// <summary>A batch connected to the mail server: an outage, if one was recorded, has ended.</summary>
    public async Task ReachableAsync(CancellationToken cancellationToken)
    {
        if (!_knownDown)
        {
            return;
        }

        using var connection = storage.GetConnection();
        if (Read(connection).Since is null)
        {
            _knownDown = false;
            return;
        }

        using var _ = connection.AcquireDistributedLock(LockKey, LockTimeout);
        var state = Read(connection);
        if (state.Since is not { } since)
        {
            _knownDown = false;
            return;
        }

        var now = clock.GetUtcNow();
        var released = await ReleaseAsync(now, state, cancellationToken);
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.RemoveHash(Key);
            transaction.SetRangeInHash(Key, new Dictionary<string, string> { ["lastSince"] = Format(since), ["lastUntil"] = Format(now) });
            transaction.Commit();
        }

        _knownDown = false;
        logger.LogInformation("Mail server reachable again: outage from {Since} to {Until} ended after {Minutes} minutes; {Released} waiting mails go out now",
            since, now, (int)(now - since).TotalMinutes, released);
    }

    /// <summary>Mails that failed at least once and wait for their next attempt.</summary>
    private async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts > 0, cancellationToken);
    }

    /// <summary>
    /// The mails that waited go out at once instead of after their backoff; after an outage longer than
    /// <see cref="TellAfter"/> the global administrators get a mail saying when it was. Returns how many were waiting.
    /// </summary>
    private async Task<int> ReleaseAsync(DateTimeOffset now, MailOutageState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Identity.CurrentActor>().UseSystem("system:utkorg");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var released = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.Attempts > 0 && m.NextAttemptAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (state.Told || now - state.Since!.Value >= TellAfter)
        {
            var o = options.Value;
            var admins = await db.Users.AsNoTracking().Where(u => u.IsGlobalAdministrator && !u.IsDisabled && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
            var (subject, text, html) = EndedMail(state.Since!.Value, now, released, o);
            foreach (var address in admins.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    To = address,
                    From = o.From,
                    FromName = "GemensamNamnd",
                    Subject = subject,
                    TextBody = text,
                    HtmlBody = html,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return released;
    }

    public static (string Subject, string Text, string Html) EndedMail(DateTimeOffset since, DateTimeOffset until, int waiting, MailOptions o)
    {
        var link = $"{o.LinkBase.TrimEnd('/')}/admin/utkorg";
        var subject = "E-posten fungerar igen efter ett avbrott";
        var what = $"E-postservern gick inte att nå från {Swedish.DateTime(since)} till {Swedish.DateTime(until)} ({Minutes(until - since)}).";
        var rest = $"{Swedish.Count(waiting, "meddelande", "meddelanden")} som väntade skickas nu. Ett meddelande ges upp först efter {o.RetryHours} timmar utan kontakt med servern; påminnelser som kommer fram sent säger det.";
        var text = $"""
            {what}
            {rest}

            Utkorgen: {link}

            Det här är ett automatiskt meddelande från GemensamNamnd.
            """;
        var html = $"""
            <p>{System.Net.WebUtility.HtmlEncode(what)}</p>
            <p>{System.Net.WebUtility.HtmlEncode(rest)}</p>
            <p><a href="{System.Net.WebUtility.HtmlEncode(link)}">Utkorgen</a></p>
            <p>Det här är ett automatiskt meddelande från GemensamNamnd.</p>
            """;
        return (subject, text, html);
    }

    /// <summary>"3 timmar och 5 minuter", "12 minuter".</summary>
    public static string Minutes(TimeSpan duration)
    {
        var minutes = Math.Max(0, (int)duration.TotalMinutes);
        var hours = minutes / 60;
        var rest = minutes % 60;
        var m = Swedish.Count(rest, "minut", "minuter");
        return hours == 0 ? m : $"{Swedish.Count(hours, "timme", "timmar")} och {m}";
    }

    private static MailOutageState Read(Hangfire.Storage.IStorageConnection connection)
    {
        var hash = connection.GetAllEntriesFromHash(Key) ?? [];
        return new MailOutageState(Parse(hash, "since"), hash.TryGetValue("told", out var told) && told == "true", Parse(hash, "lastSince"), Parse(hash, "lastUntil"));
    }

    private static void Write(Hangfire.Storage.IStorageConnection connection, Dictionary<string, string> values)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(Key, values);
        transaction.Commit();
    }

    private static DateTimeOffset? Parse(Dictionary<string, string> hash, string field) =>
        hash.TryGetValue(field, out var value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
