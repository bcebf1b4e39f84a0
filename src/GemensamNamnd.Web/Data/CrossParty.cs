using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// THE explicit cross-party path. Everything that reads across parties — the e-strateg's aggregates, the job
/// sweep that enqueues one job per party — goes through here, so a reviewer can find every such read by this name.
/// Read-only (SaveChanges refuses), no party filter, and on PostgreSQL it connects as the owner role, which row-level
/// security does not restrict. Callers must return aggregates or ids, never personal data.
/// </summary>
public sealed class CrossParty(CrossPartyContextFactory factory, CurrentActor actor)
{
    /// <summary>The active parties' ids: what a sweep enqueues one party job for (ids only; parties are global data).</summary>
    public Task<List<Guid>> ActivePartyIdsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.Set<Party>().Where(p => p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken), cancellationToken);

    public async Task<T> ReadAsync<T>(Func<Sets, Task<T>> query, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        db.LeaseCrossParty(actor);
        return await query(new Sets(db));
    }

    /// <summary>The sets a cross-party read may use, with the party filter lifted by name.</summary>
    public sealed class Sets(AppDbContext db)
    {
        public IQueryable<T> Set<T>()
            where T : class => db.Set<T>().IgnoreQueryFilters([AppDbContext.PartyFilter]).AsNoTracking();
    }
}

/// <summary>Builds contexts on the owner connection for <see cref="CrossParty"/>; not pooled, rarely used.</summary>
public sealed class CrossPartyContextFactory(Func<AppDbContext> create)
{
    public AppDbContext Create() => create();
}
