using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// The party's record of processing (Art. 30), grouped per controller, filtered by one (<c>?personuppgiftsansvarig=</c>),
/// with what is missing: a legal basis, a required impact assessment.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, CurrentParty currentParty, ProcessingQueries queries, IAuthorizationService authorization) : PageModel
{
    [FromQuery(Name = "personuppgiftsansvarig")] public Guid? ControllerId { get; set; }

    public List<(Guid Id, string Name)> Controllers { get; private set; } = [];

    public List<IGrouping<Guid, ActivityRow>> Groups { get; private set; } = [];

    public int LackingBasis { get; private set; }

    public int LackingAssessment { get; private set; }

    public bool CanEdit { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        Controllers = [.. (await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))];
        var rows = await queries.ListAsync(ControllerId, ct);
        Groups = [.. rows.GroupBy(r => r.Activity.ControllerId)];
        LackingBasis = rows.Count(r => r.Activity.LacksLegalBasis);
        LackingAssessment = rows.Count(r => r.Dpia == DpiaStatus.Missing);
    }
}
