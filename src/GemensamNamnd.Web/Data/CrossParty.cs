using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// THE explicit cross-party path. Everything that reads across parties — the e-strateg's aggregates, the job
/// sweeps that enqueue one job per party (the reminder sweep: per party that may have something due) — goes through here, so a reviewer can find every such read by this name.
/// Read-only (SaveChanges refuses), no party filter, and on PostgreSQL it connects as the owner role, which row-level
/// security does not restrict. Callers must return aggregates or ids, never personal data.
/// </summary>
public sealed class CrossParty(CrossPartyContextFactory factory, CurrentActor actor)
{
    /// <summary>The active parties' ids: what a sweep enqueues one party job for (ids only; parties are global data).</summary>
    public Task<List<Guid>> ActivePartyIdsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.Set<Party>().Where(p => p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// The reminder sweep's pre-check, an explicit cross-party aggregate: which active parties MAY have a reminder or a
    /// digest due, each source's <see cref="IReminderSource.FindCandidatesAsync"/> asked over all parties at once, on
    /// one connection. Returns party ids only (no case, no name, no address); the party jobs then derive the reminders
    /// inside each party's own scope. A superset: a party named here may turn out to have nothing due.
    /// </summary>
    public Task<ReminderCandidates> ReminderCandidatesAsync(IEnumerable<IReminderSource> sources, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ReadAsync(async s =>
        {
            var settings = await s.Set<Party>().Where(p => p.IsActive).ToDictionaryAsync(p => p.Id, p => p.Settings, cancellationToken);
            if (settings.Count == 0)
            {
                return new ReminderCandidates(0, []);
            }

            var context = new ReminderCandidateContext(s, settings, now, Infrastructure.Swedish.Date(now));
            var found = new HashSet<Guid>(await PartyReminders.DigestCandidatesAsync(context, cancellationToken));
            foreach (var source in sources)
            {
                found.UnionWith(await source.FindCandidatesAsync(context, cancellationToken));
            }

            found.IntersectWith(settings.Keys);
            return new ReminderCandidates(settings.Count, [.. found]);
        }, cancellationToken, openOnce: true);

    public Task<T> ReadAsync<T>(Func<Sets, Task<T>> query, CancellationToken cancellationToken = default) =>
        ReadAsync(query, cancellationToken, openOnce: false);

    private async Task<T> ReadAsync<T>(Func<Sets, Task<T>> query, CancellationToken cancellationToken, bool openOnce)
    {
        await using var db = factory.Create();
        db.LeaseCrossParty(actor);
        if (openOnce)
        {
            // Several queries in a row: one connection for all, not an open (and a pool reset) per query.
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return await query(new Sets(db));
    }

    /// <summary>The sets a cross-party read may use, with the party filter lifted by name.</summary>
    public sealed class Sets(AppDbContext db)
    {
        public IQueryable<T> Set<T>()
            where T : class => db.Set<T>().IgnoreQueryFilters([AppDbContext.PartyFilter]).AsNoTracking();
    }
}

/// <summary>The sweep's pre-check: how many parties are active, and which of them may have something due (ids only).</summary>
public sealed record ReminderCandidates(int ActiveParties, IReadOnlyList<Guid> PartyIds);

/// <summary>Builds contexts on the owner connection for <see cref="CrossParty"/>; not pooled, rarely used.</summary>
public sealed class CrossPartyContextFactory(Func<AppDbContext> create)
{
    public AppDbContext Create() => create();
}
