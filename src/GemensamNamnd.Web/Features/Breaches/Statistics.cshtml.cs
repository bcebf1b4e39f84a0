using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>The party's breach figures: by type and cause, the share reported within 72 hours, the median hours to report.</summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class StatisticsModel(AppDbContext db, CurrentParty currentParty, TimeProvider clock) : PageModel
{
    public BreachSummary Summary { get; private set; } = null!;

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await BreachQueries.SummaryAsync(db, clock.GetUtcNow(), ct);
}
