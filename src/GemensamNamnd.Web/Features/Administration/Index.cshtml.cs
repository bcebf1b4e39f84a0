using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Administration;

/// <summary>The global administrator's area: parties, users and memberships (global data, not party-owned).</summary>
[Authorize(Policy = Policies.GlobalAdministrator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Party> Parties { get; private set; } = [];

    public List<AppUser> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Parties = await db.Parties.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Users = await db.Users.AsNoTracking().Include(u => u.Memberships).OrderBy(u => u.DisplayName).ToListAsync(ct);
    }
}
