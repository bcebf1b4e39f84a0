using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Identity;

/// <summary>
/// The signed-in user's record and memberships, from <see cref="DirectoryCache"/> (any change to a user or membership
/// clears it on every instance). Disabled users are not known. The record is shared and read-only.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db, DirectoryCache cache)
{
    private AppUser? _user;
    private bool _loaded;

    public async Task<AppUser?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _user;
        }

        var key = UserKey.From(http.HttpContext?.User);
        if (key is { } k)
        {
            _user = await cache.GetOrLoadAsync($"user:{k.PartyId:N}:{k.ObjectId:N}", ct => db.Users.AsNoTracking()
                .Include(u => u.Memberships).ThenInclude(m => m.Party)
                .AsSplitQuery()
                .FirstOrDefaultAsync(u => u.EntraTenantId == k.PartyId && u.EntraObjectId == k.ObjectId && !u.IsDisabled, ct), cancellationToken);
        }

        _loaded = true;
        return _user;
    }

    public async Task<IReadOnlySet<PartyRole>> RolesInAsync(Guid partyId, CancellationToken cancellationToken = default)
    {
        var user = await GetAsync(cancellationToken);
        return user?.Memberships.Where(m => m.PartyId == partyId).Select(m => m.Role).ToHashSet() ?? [];
    }
}
