using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace GemensamNamnd.Web.Data;

public sealed class DirectoryCacheOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// Seconds an instance keeps a looked-up party or user before reading it again. Changes invalidate every instance at
    /// once (<see cref="DirectoryChangeInterceptor"/>); this bounds how stale an instance can be should a notification
    /// be lost. 0 turns the cache off.
    /// </summary>
    public int CacheSeconds { get; set; } = 30;
}

/// <summary>
/// The rarely changing lookups every request needs — the parties, a signed-in user's record with memberships, a party's
/// officers — kept per instance so that a page request spends no query on them. Any save that adds, changes or removes a
/// party, a user or a membership clears the cache on this instance at once and, on PostgreSQL, on every other instance
/// (<see cref="DirectoryChangeInterceptor"/> → <c>NOTIFY gn_directory</c> → <see cref="DirectoryListener"/>). Keys name
/// one party or one user: a party's value is only ever served for that party. Values are shared between requests and
/// read-only (untracked): code that changes a party or user loads its own tracked copy.
/// </summary>
public sealed class DirectoryCache(IMemoryCache cache, IOptions<DirectoryCacheOptions> options)
{
    private CancellationTokenSource _generation = new();

    /// <summary>The cached value of <paramref name="key"/>, or what <paramref name="load"/> reads (then kept).</summary>
    public async Task<T> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        // Taken before the read: a change committed while it runs ends this generation, and what it read is not kept.
        var generation = _generation.Token;
        var value = await load(cancellationToken);
        var seconds = options.Value.CacheSeconds;
        if (seconds > 0 && !generation.IsCancellationRequested)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = value;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
            entry.AddExpirationToken(new CancellationChangeToken(generation));
        }

        return value;
    }

    /// <summary>Forgets every cached lookup (a party, user or membership changed here or on another instance).</summary>
    public void Invalidate()
    {
        using var ended = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        ended.Cancel();
    }
}

/// <summary>
/// Sees every save that touches a party, a user or a membership and invalidates <see cref="DirectoryCache"/>: on this
/// instance when the save is done (and again when an enclosing transaction commits), on the others through PostgreSQL's
/// <c>NOTIFY</c>, which is sent inside the save's transaction and so delivered exactly when it commits.
/// </summary>
public sealed class DirectoryChangeInterceptor(DirectoryCache directory) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public const string Channel = "gn_directory";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saved(eventData.Context) is { } db)
        {
            db.Database.ExecuteSqlRaw(Notify);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Saved(eventData.Context) is { } db)
        {
            await db.Database.ExecuteSqlRawAsync(Notify, cancellationToken);
        }

        return result;
    }

    // After the save: committed already, or inside an explicit transaction, where PostgreSQL holds the notification
    // until the commit. Either way no other instance hears it before the change is visible to its next read.
    private const string Notify = "SELECT pg_notify('" + Channel + "', '')";

    private static void Note(DbContext? context)
    {
        if (context is AppDbContext db && db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Party or PartySettings or AppUser or Membership))
        {
            db.DirectoryChange = DirectoryChange.Saving;
        }
    }

    /// <summary>Invalidates this instance; returns the context when the other instances must be told.</summary>
    private AppDbContext? Saved(DbContext? context)
    {
        if (context is not AppDbContext { DirectoryChange: DirectoryChange.Saving } db)
        {
            return null;
        }

        directory.Invalidate();
        db.DirectoryChange = db.Database.CurrentTransaction is null ? DirectoryChange.None : DirectoryChange.AwaitingCommit;
        return db.Database.IsNpgsql() ? db : null;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        // EF's own transaction of a save commits before SavedChanges; only an explicit one the save ran in is awaited here.
        if (context is AppDbContext { DirectoryChange: DirectoryChange.AwaitingCommit } db)
        {
            db.DirectoryChange = DirectoryChange.None;
            directory.Invalidate();
        }
    }
}

/// <summary>Where a lease's change to a party, user or membership stands (<see cref="DirectoryChangeInterceptor"/>).</summary>
internal enum DirectoryChange
{
    None,
    Saving,
    AwaitingCommit,
}

/// <summary>
/// On PostgreSQL, listens on <see cref="DirectoryChangeInterceptor.Channel"/> and clears this instance's
/// <see cref="DirectoryCache"/> when another instance changed a party, user or membership. While the listening connection
/// is down nothing is heard, so the cache is cleared again on every reconnect.
/// </summary>
public sealed class DirectoryListener(DirectoryCache directory, IConfiguration configuration, ILogger<DirectoryListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("App")) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => directory.Invalidate();
                await using (var listen = new NpgsqlCommand("LISTEN " + DirectoryChangeInterceptor.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                directory.Invalidate();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                directory.Invalidate();
                logger.LogWarning(e, "Lyssnaren på ändringar i parter och användare tappade databasen; försöker igen om 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
