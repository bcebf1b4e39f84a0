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

/// <summary>
/// Reads parties (a global table) by slug, id or Entra tenant id: all of them, read once and kept in
/// <see cref="DirectoryCache"/> (≤ a few hundred rows), so resolving a request's party costs no query.
/// </summary>
public sealed class PartyDirectory(AppDbContext db, DirectoryCache cache)
{
    public async Task<Party?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).BySlug.GetValueOrDefault(slug) is { IsActive: true } party ? party : null;

    public async Task<Party?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async Task<bool> IsKnownEntraTenantAsync(Guid tid, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).ById.Values.Any(p => p.IsActive && p.EntraTenantIds.Contains(tid));

    private Task<Parties> AllAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("parties", async ct =>
        {
            var all = await db.Parties.AsNoTracking().ToListAsync(ct);
            return new Parties(all.ToDictionary(p => p.Slug, StringComparer.Ordinal), all.ToDictionary(p => p.Id));
        }, cancellationToken);

    private sealed record Parties(IReadOnlyDictionary<string, Party> BySlug, IReadOnlyDictionary<Guid, Party> ById);
}
