using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SupplierIncidents;

/// <summary>
/// Supplier incidents (committee level): the list and the form to record one. A global administrator or a party's DPO
/// (who may choose any parties) records it; the affected parties are suggested from the systems the supplier runs
/// (<see cref="SupplierIncidentParties.SuggestAsync"/>), else chosen by checkbox.
/// </summary>
[Authorize(Policy = Policies.SupplierEditor)]
public sealed class IndexModel(AppDbContext db, SupplierIncidentParties parties, RecordSupplierIncident record, TimeProvider clock) : FormPageModel
{
    /// <summary>The supplier to suggest parties for (GET "Föreslå berörda parter").</summary>
    [BindProperty(SupportsGet = true, Name = "leverantor")]
    public Guid? Suggest { get; set; }

    [BindProperty] public Guid? SupplierId { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? SupplierAwareDate { get; set; }

    [BindProperty] public string? SupplierAwareTime { get; set; }

    [BindProperty] public string? ToldDate { get; set; }

    [BindProperty] public string? ToldTime { get; set; }

    [BindProperty] public List<Guid> PartyIds { get; set; } = [];

    public List<(Guid Id, string Name)> Suppliers { get; private set; } = [];

    public List<(Guid Id, string Name)> Parties { get; private set; } = [];

    public List<(Guid Id, string Title, string Supplier, DateTimeOffset RecordedAt, int Parties)> Incidents { get; private set; } = [];

    public bool Suggested { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Suggest is { } supplierId)
        {
            SupplierId = supplierId;
            PartyIds = await parties.SuggestAsync(supplierId, ct);
            Suggested = true;
        }

        var (date, time) = BreachWords.ToForm(clock.GetUtcNow());
        (ToldDate, ToldTime) = (date, time);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var errors = new List<Error>();
        var aware = BreachWords.FromForm(SupplierAwareDate, SupplierAwareTime, out var okAware);
        var told = BreachWords.FromForm(ToldDate, ToldTime, out var okTold);
        if (!okAware)
        {
            errors.Add(new Error("SupplierAwareAt", "Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM."));
        }

        if (!okTold)
        {
            errors.Add(new Error("PartiesToldAt", "Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM."));
        }

        var result = errors.Count > 0
            ? CommandResult<SupplierIncident>.Invalid(errors)
            : await record.RunAsync(new SupplierIncidentInput(SupplierId, Title, Description, aware, PartyIds, told), ct);
        if (!result.Ok)
        {
            await LoadAsync(ct);
            return Refusal(result.MapFields(FieldId))!;
        }

        TempData["SupplierIncidentNotice"] = $"Leverantörsincidenten är registrerad. {Swedish.Count(result.Value!.PartyIds.Count, "part", "parter")} har fått ett utkast till incident i sitt register.";
        return LocalRedirect($"/leverantorsincidenter/{result.Value.Id}");
    }

    public static string FieldId(string key) => key switch
    {
        "SupplierAwareAt" => nameof(SupplierAwareDate),
        "PartiesToldAt" => nameof(ToldDate),
        _ => key,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Suppliers = suppliers.Select(s => (s.Id, s.Name)).ToList();
        var all = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        Parties = all.Select(p => (p.Id, p.Name)).ToList();
        var rows = await db.Set<SupplierIncident>().AsNoTracking().OrderByDescending(i => i.RecordedAt).Take(200).ToListAsync(ct);
        var names = suppliers.ToDictionary(s => s.Id, s => s.Name);
        Incidents = rows.Select(i => (i.Id, i.Title, names.GetValueOrDefault(i.SupplierId, "okänd"), i.RecordedAt, i.PartyIds.Count)).ToList();
    }
}
