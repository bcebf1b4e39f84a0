using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>The party's impact assessments, and the activities whose screening requires one that is not done.</summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class AssessmentIndexModel(AppDbContext db, CurrentParty currentParty, ProcessingQueries queries, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(ImpactAssessment Assessment, string Activity, string Controller);

    public List<Row> Rows { get; private set; } = [];

    public List<ActivityRow> Missing { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        var activities = await queries.ListAsync(null, ct);
        var byId = activities.ToDictionary(a => a.Activity.Id);
        Missing = [.. activities.Where(a => a.Dpia == DpiaStatus.Missing)];
        Rows = [.. (await db.ImpactAssessments.AsNoTracking().OrderByDescending(x => x.Id).Take(500).ToListAsync(ct))
            .Select(x => new Row(x, byId.TryGetValue(x.ActivityId, out var a) ? a.Activity.Name : "–", a?.ControllerName ?? "–"))];
    }
}
