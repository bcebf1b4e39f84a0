using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, TenantContext tenant, IAuthorizationService authorization) : PageModel
{
    public List<DataController> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string Slug => tenant.Required.Slug;

    public string PartyName => tenant.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PartyAdministrator)).Succeeded;
    }
}
