using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Parties;

/// <summary>Runs code as a given party outside HTTP: jobs, seeding, tests.</summary>
public sealed class PartyScope(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Guid partyId, Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindByIdAsync(partyId, cancellationToken)
            ?? throw new InvalidOperationException($"Parten {partyId} finns inte.");
        scope.ServiceProvider.GetRequiredService<CurrentParty>().Set(party);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().UseSystem($"system:{party.Slug}");
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// A party job's run: <paramref name="work"/> as the party, unless it was made inactive after the sweep enqueued the
    /// job; then <paramref name="whenInactive"/>.
    /// </summary>
    public Task<T> RunIfActiveAsync<T>(Guid partyId, Func<IServiceProvider, Task<T>> work, T whenInactive, CancellationToken cancellationToken = default) =>
        RunAsync(partyId, sp => sp.GetRequiredService<CurrentParty>().Required.IsActive ? work(sp) : Task.FromResult(whenInactive), cancellationToken);

    public Task RunAsync(Guid partyId, Func<IServiceProvider, Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(partyId, async sp => { await work(sp); return true; }, cancellationToken);
}

/// <summary>Reads parties (a global table) by slug, id or Entra tenant id.</summary>
public sealed class PartyDirectory(AppDbContext db)
{
    public Task<Party?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsActive, cancellationToken);

    public Task<Party?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<bool> IsKnownEntraTenantAsync(Guid tid, CancellationToken cancellationToken)
    {
        // Few parties (≤ 311); the list column is not indexable on SQLite, so compare in memory.
        var lists = await db.Parties.AsNoTracking().Where(p => p.IsActive).Select(p => p.EntraTenantIds).ToListAsync(cancellationToken);
        return lists.Any(l => l.Contains(tid));
    }
}
