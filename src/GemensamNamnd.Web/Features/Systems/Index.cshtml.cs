using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Systems;

/// <summary>The party's systems, the checklist of a registerutdrag: kept by the DPO and the party administrator through <see cref="AddPartySystem"/> and <see cref="TogglePartySystem"/>.</summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(AppDbContext db, CurrentParty currentParty) : FormPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public List<PartySystem> Rows { get; private set; } = [];

    /// <summary>The committee's suppliers to choose from (the active ones, and any a system already names).</summary>
    public List<Features.Suppliers.Supplier> Suppliers { get; private set; } = [];

    public string? Notice { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notice = TempData[nameof(Notice)] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync([FromServices] AddPartySystem add, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await add.RunAsync(Name, Description, ct);
        if (Refusal(result) is { } refusal)
        {
            await LoadAsync(ct);
            return refusal;
        }

        TempData[nameof(Notice)] = $"{result.Value!.Name} är tillagt i listan.";
        return LocalRedirect($"/{Slug}/system");
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id, [FromServices] TogglePartySystem toggle, CancellationToken ct)
    {
        var result = await toggle.RunAsync(id, ct);
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }

        var system = result.Value!;
        TempData[nameof(Notice)] = system.IsActive ? $"{system.Name} är åter i bruk." : $"{system.Name} är markerat som ur bruk.";
        return LocalRedirect($"/{Slug}/system");
    }

    public async Task<IActionResult> OnPostSupplierAsync(Guid id, Guid? supplierId, [FromServices] SetSystemSupplier set, CancellationToken ct)
    {
        var result = await set.RunAsync(id, supplierId, ct);
        if (Refusal(result) is { } refusal)
        {
            await LoadAsync(ct);
            return refusal;
        }

        var system = result.Value!;
        TempData[nameof(Notice)] = system.SupplierId is null ? $"{system.Name} har ingen leverantör angiven." : $"Leverantören för {system.Name} är sparad.";
        return LocalRedirect($"/{Slug}/system");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await db.PartySystems.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
        var named = Rows.Where(r => r.SupplierId is not null).Select(r => r.SupplierId).ToList();
        Suppliers = await db.Suppliers.AsNoTracking().Where(s => s.IsActive || named.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
    }
}
