using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Suppliers;

/// <summary>Adds (<c>/leverantorer/ny</c>) or changes (<c>/leverantorer/{id}</c>) a committee-wide supplier.</summary>
[Authorize(Policy = Policies.SupplierEditor)]
public sealed class EditModel(AppDbContext db, SaveSupplier save) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? OrganisationNumber { get; set; }

    [BindProperty] public string? Country { get; set; } = "SE";

    [BindProperty] public bool IsActive { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var s = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return NotFound();
            }

            (Name, OrganisationNumber, Country, IsActive) = (s.Name, s.OrganisationNumber, s.Country, s.IsActive);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.SaveAsync(Id, Name, OrganisationNumber, Country, IsActive, ct);
        return Refusal(result) ?? LocalRedirect("/leverantorer");
    }
}
