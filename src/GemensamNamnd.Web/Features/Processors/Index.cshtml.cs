using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// <c>/{party}/personuppgiftsbitraden</c>: the party's processors (the suppliers of its active systems, and any it has an
/// agreement with) with the agreement status, those without an agreement in force first, and the agreements.
/// Members read; the DPO and the party administrator record agreements (<see cref="Policies.PartyOversight"/>).
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, ProcessorList list, CurrentParty currentParty, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProcessorRow> Rows { get; private set; } = [];

    public Dictionary<Guid, string> Controllers { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public int Lacking => Rows.Count(r => r.InUse && !AgreementRules.IsInForce(r.Status));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartyOversight)).Succeeded;
        Today = Swedish.Today(clock);
        Rows = await list.BuildAsync(Today, ct);
        Controllers = await db.DataControllers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
