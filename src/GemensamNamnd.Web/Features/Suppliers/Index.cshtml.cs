using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Suppliers;

/// <summary>
/// <c>/leverantorer</c>: the committee-wide suppliers (master data, shared like the DPO persons). Every signed-in user
/// reads it; a global administrator or any party's DPO adds and changes (<see cref="Policies.SupplierEditor"/>). What a
/// party has agreed with a supplier is on the party's own page, <c>/{party}/personuppgiftsbitraden</c>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public List<Supplier> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.SupplierEditor)).Succeeded;
        Rows = await db.Suppliers.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
    }
}
