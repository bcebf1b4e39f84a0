using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SupplierIncidents;

/// <summary>
/// One supplier incident: what the supplier said, each affected party's progress as status only (through
/// <see cref="SupplierIncidentParties.ProgressAsync"/>, no case details), the updates, and "Skicka uppdatering".
/// </summary>
[Authorize(Policy = Policies.SupplierEditor)]
public sealed class IncidentModel(AppDbContext db, SupplierIncidentParties parties, PushSupplierUpdate push, SupplierIncidentDrafts drafts) : FormPageModel
{
    [BindProperty] public string? UpdateText { get; set; }

    public SupplierIncident Incident { get; private set; } = null!;

    public string SupplierName { get; private set; } = string.Empty;

    public List<(string Party, PartyProgress Progress)> Progress { get; private set; } = [];

    public List<SupplierIncidentUpdate> Updates { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await push.RunAsync(id, UpdateText, ct);
        if (result.Ok)
        {
            TempData["SupplierIncidentNotice"] = "Uppdateringen är skickad till varje berörd parts utkast.";
            return LocalRedirect($"/leverantorsincidenter/{id}");
        }

        if (result.Status == CommandStatus.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Refusal(result)!;
    }

    /// <summary>"Skapa saknade utkast": finishes a fan-out that stopped half-way; a party that has its draft is left alone.</summary>
    public async Task<IActionResult> OnPostDraftsAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Set<SupplierIncident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return NotFound();
        }

        var created = await drafts.EnsureAsync(incident, ct);
        TempData["SupplierIncidentNotice"] = created == 0 ? "Alla berörda parter har redan sitt utkast." : $"{Swedish.Count(created, "utkast", "utkast")} skapades.";
        return LocalRedirect($"/leverantorsincidenter/{id}");
    }

    public bool DraftsMissing => Progress.Any(p => p.Progress.Status is null);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Set<SupplierIncident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }

        Incident = incident;
        SupplierName = await db.Suppliers.AsNoTracking().Where(s => s.Id == incident.SupplierId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "okänd";
        var names = await db.Parties.AsNoTracking().Where(p => incident.PartyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Progress = [.. (await parties.ProgressAsync(id, incident.PartyIds, ct)).Select(p => (names.GetValueOrDefault(p.PartyId, "okänd part"), p)).OrderBy(p => p.Item1, StringComparer.Create(Swedish.Culture, false))];
        Updates = await db.Set<SupplierIncidentUpdate>().AsNoTracking().Where(u => u.SupplierIncidentId == id).OrderByDescending(u => u.At).ToListAsync(ct);
        Notice = TempData["SupplierIncidentNotice"] as string;
        return true;
    }
}
