using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

/// <summary>Create (<c>…/ny</c>) and edit (<c>…/{id}</c>) one controller; the same validation as the API.</summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class EditModel(AppDbContext db, TenantContext tenant) : FormPageModel
{
    [BindProperty(SupportsGet = false)]
    public string? Name { get; set; }

    [BindProperty]
    public DataControllerKind? Kind { get; set; }

    [BindProperty]
    public string? OrganisationNumber { get; set; }

    [BindProperty]
    public bool IsActive { get; set; } = true;

    [BindProperty]
    public Guid Version { get; set; }

    [FromRoute]
    public Guid? Id { get; set; }

    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }

        var controller = await db.DataControllers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (controller is null)
        {
            return NotFound();
        }

        (Name, Kind, OrganisationNumber, IsActive, Version) = (controller.Name, controller.Kind, controller.OrganisationNumber, controller.IsActive, controller.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new DataControllerInput(Name, Kind, OrganisationNumber, IsActive);
        AddErrors(input.Validate());
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var controller = Id is null ? new DataController { Name = string.Empty } : await db.DataControllers.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (controller is null)
        {
            return NotFound();
        }

        if (await db.DataControllers.AnyAsync(c => c.Id != controller.Id && c.Name == input.Name!.Trim(), ct))
        {
            ModelState.AddModelError(nameof(Name), "Det finns redan en personuppgiftsansvarig med det namnet.");
            return Page();
        }

        input.ApplyTo(controller);
        if (Id is null)
        {
            db.DataControllers.Add(controller);
        }
        else
        {
            db.Entry(controller).Property(c => c.Version).OriginalValue = Version;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Uppgiften har ändrats av någon annan. Ladda om sidan och gör ändringen igen.");
            return Page();
        }

        return LocalRedirect($"/{Slug}/personuppgiftsansvariga");
    }
}
