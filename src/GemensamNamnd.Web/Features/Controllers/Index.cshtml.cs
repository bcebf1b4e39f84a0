using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, CurrentParty currentParty, IAuthorizationService authorization) : PageModel
{
    public List<DataController> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartyAdministrator)).Succeeded;
    }
}
