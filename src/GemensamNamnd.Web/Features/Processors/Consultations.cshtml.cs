using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// <c>/{party}/radgivningslogg</c>: the DPO's consultation log (Art. 38(1)), newest first, per controller when chosen;
/// kept by the DPO and the officers (<see cref="Policies.PartyOfficer"/>).
/// </summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class ConsultationsModel(AppDbContext db, CurrentParty currentParty) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "personuppgiftsansvarig")]
    public Guid? ControllerId { get; set; }

    public List<DpoConsultation> Rows { get; private set; } = [];

    public Dictionary<Guid, string> Controllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Controllers = await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var query = db.DpoConsultations.AsNoTracking();
        if (ControllerId is { } id)
        {
            query = query.Where(c => c.ControllerId == id);
        }

        Rows = await query.OrderByDescending(c => c.AskedOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);
    }
}
