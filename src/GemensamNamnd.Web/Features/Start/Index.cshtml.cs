using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

[AllowAnonymous]
public sealed class IndexModel(CurrentUser currentUser) : PageModel
{
    public AppUser? Me { get; private set; }

    public List<Party> Parties { get; private set; } = [];

    public IEnumerable<string> RolesIn(Guid partyId) =>
        Me?.Memberships.Where(m => m.PartyId == partyId).Select(m => m.Role.Swedish()) ?? [];

    public async Task OnGetAsync()
    {
        Me = await currentUser.GetAsync();
        Parties = Me?.Memberships.Select(m => m.Party!).DistinctBy(p => p.Id).OrderBy(p => p.Name).ToList() ?? [];
    }
}
