using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

[Authorize(Policy = Policies.PartyMember)]
public sealed class PartyStartModel(TenantContext tenant, CurrentUser currentUser) : PageModel
{
    public Party Party => tenant.Required;

    public IReadOnlySet<PartyRole> Roles { get; private set; } = new HashSet<PartyRole>();

    public async Task OnGetAsync() => Roles = await currentUser.RolesInAsync(Party.Id);
}
