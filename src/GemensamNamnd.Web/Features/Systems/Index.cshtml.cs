using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Systems;

/// <summary>The party's systems, the checklist of a registerutdrag: kept by the DPO and the party administrator.</summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(AppDbContext db, TenantContext tenant) : FormPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public List<PartySystem> Rows { get; private set; } = [];

    public string? Notice { get; private set; }

    public string Slug => tenant.Required.Slug;

    public string PartyName => tenant.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notice = TempData[nameof(Notice)] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var name = Name?.Trim() ?? string.Empty;
        var description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        if (name.Length is 0 or > Limits.Name)
        {
            ModelState.AddModelError(nameof(Name), "Ange systemets namn (högst 200 tecken).");
        }
        else if (await db.PartySystems.AnyAsync(s => s.Name == name, ct))
        {
            ModelState.AddModelError(nameof(Name), $"Systemet {name} finns redan i listan.");
        }

        if (description?.Length > 500)
        {
            ModelState.AddModelError(nameof(Description), "Beskrivningen får vara högst 500 tecken.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.PartySystems.Add(new PartySystem { Name = name, Description = description });
        await db.SaveChangesAsync(ct);
        TempData[nameof(Notice)] = $"{name} är tillagt i listan.";
        return LocalRedirect($"/{Slug}/system");
    }

    /// <summary>A system out of use leaves the checklist of new searches; the cases that name it keep their record.</summary>
    public async Task<IActionResult> OnPostToggleAsync(Guid id, CancellationToken ct)
    {
        var system = await db.PartySystems.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (system is null)
        {
            return NotFound();
        }

        system.IsActive = !system.IsActive;
        await db.SaveChangesAsync(ct);
        TempData[nameof(Notice)] = system.IsActive ? $"{system.Name} är åter i bruk." : $"{system.Name} är markerat som ur bruk.";
        return LocalRedirect($"/{Slug}/system");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.PartySystems.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
}
