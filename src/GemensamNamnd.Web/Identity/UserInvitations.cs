using System.Security.Claims;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Identity;

/// <summary>
/// A user invited by a party's administrator by e-mail address or UPN has no Entra ids yet: <see cref="AppUser.EntraTenantId"/>
/// is <see cref="NotYetSignedIn"/> (and the object id a placeholder). At the person's first sign-in — a token from a
/// tenant one of the inviting parties has connected, whose <c>preferred_username</c>, <c>upn</c> or <c>email</c> is the
/// invited address — the user is bound to that token's <c>tid</c> and <c>oid</c>, once; from then on only those count.
/// </summary>
public static class UserInvitations
{
    public static readonly Guid NotYetSignedIn = Guid.Empty;

    public static async Task BindAsync(HttpContext http, ClaimsPrincipal principal, Guid tid, Guid oid)
    {
        var ct = http.RequestAborted;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        if (await db.Users.AnyAsync(u => u.EntraTenantId == tid && u.EntraObjectId == oid, ct))
        {
            return;
        }

        var names = new[] { "preferred_username", "upn", ClaimTypes.Upn, "email", ClaimTypes.Email }
            .Select(principal.FindFirstValue).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }

#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
        var invited = await db.Users.Include(u => u.Memberships)
            .Where(u => u.EntraTenantId == NotYetSignedIn && u.Email != null && names.Contains(u.Email.ToLower()) && !u.IsDisabled)
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311
        foreach (var user in invited)
        {
            var partyIds = user.Memberships.Select(m => m.PartyId).Distinct().ToList();
            var tenants = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).Select(p => p.EntraTenantIds).ToListAsync(ct);
            if (tenants.Any(t => t.Contains(tid)))
            {
                (user.EntraTenantId, user.EntraObjectId) = (tid, oid);
                await db.SaveChangesAsync(ct);
                return;
            }
        }
    }
}
