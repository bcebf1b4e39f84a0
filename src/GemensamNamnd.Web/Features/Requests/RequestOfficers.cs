using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>The party's officers (Handläggare and Dataskyddsombud): those a case can be assigned to, and the list's officer filter.</summary>
/// Kept per party in <see cref="DirectoryCache"/> (a membership or user change clears it).
public sealed class RequestOfficers(AppDbContext db, CurrentParty currentParty, DirectoryCache cache)
{
    public async Task<List<(Guid Id, string Name)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var partyId = currentParty.Required.Id;
        var officers = await cache.GetOrLoadAsync($"officers:{partyId:N}", async ct =>
        {
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.PartyId == partyId && (m.Role == PartyRole.Handlaggare || m.Role == PartyRole.Dataskyddsombud))
                .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
                .Distinct().OrderBy(u => u.DisplayName).ToListAsync(ct);
            return rows.Select(u => (u.Id, u.DisplayName)).ToArray();
        }, cancellationToken);
        return [.. officers];
    }
}
