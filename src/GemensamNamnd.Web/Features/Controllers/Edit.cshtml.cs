using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

/// <summary>Create (<c>…/ny</c>) and edit (<c>…/{id}</c>) one controller; the same validation as the API.</summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class EditModel(AppDbContext db, CurrentParty currentParty, SaveDataController save) : FormPageModel
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

    public string Slug => currentParty.Required.Slug;

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
        var result = await save.SaveAsync(Id, Version, new DataControllerInput(Name, Kind, OrganisationNumber, IsActive), ct);
        return Refusal(result) ?? LocalRedirect($"/{Slug}/personuppgiftsansvariga");
    }
}
