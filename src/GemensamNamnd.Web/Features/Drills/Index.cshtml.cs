using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>The party's drills of the incident routine, newest first, with the warning when none is recent.</summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, CurrentParty currentParty, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public List<Drill> Drills { get; private set; } = [];

    public bool Overdue { get; private set; }

    public int IntervalMonths => currentParty.Required.Settings.DrillIntervalMonths;

    public bool CanRegister { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRegister = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        Drills = await db.Drills.AsNoTracking().OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id).Take(200).ToListAsync(ct);
        Overdue = DrillRules.IsOverdue(Drills.FirstOrDefault()?.HeldOn, Swedish.Today(clock), Math.Max(1, IntervalMonths));
    }
}
