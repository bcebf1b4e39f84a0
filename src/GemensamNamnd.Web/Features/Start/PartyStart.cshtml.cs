using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

[Authorize(Policy = Policies.PartyMember)]
public sealed class PartyStartModel(CurrentParty currentParty, CurrentUser currentUser, Drills.LastDrill lastDrill) : PageModel
{
    public Party Party => currentParty.Required;

    public IReadOnlySet<PartyRole> Roles { get; private set; } = new HashSet<PartyRole>();

    /// <summary>The last test of the incident routine, and whether one is overdue.</summary>
    public Drills.LastDrill.Status Drill { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = await currentUser.RolesInAsync(Party.Id, ct);
        Drill = await lastDrill.GetAsync(ct);
    }
}
