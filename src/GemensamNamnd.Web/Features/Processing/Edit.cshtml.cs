using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// Records a processing activity (<c>…/registerforteckning/ny</c>) or changes it and its screening
/// (<c>…/registerforteckning/{id}</c>) through <see cref="SaveProcessingActivity"/>; nothing is stored on bad input.
/// </summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class EditModel(AppDbContext db, CurrentParty currentParty, SaveProcessingActivity save) : FormPageModel
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? ControllerId { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public bool AsProcessor { get; set; }

    [BindProperty] public string? ExternalController { get; set; }

    [BindProperty] public string? Purposes { get; set; }

    [BindProperty] public LegalBasis? LegalBasis { get; set; }

    [BindProperty] public SpecialCategoryCondition? SpecialCategoryCondition { get; set; }

    [BindProperty] public bool CriminalOffenceData { get; set; }

    [BindProperty] public string? SwedishLaw { get; set; }

    [BindProperty] public string? DataSubjectCategories { get; set; }

    [BindProperty] public string? PersonalDataCategories { get; set; }

    [BindProperty] public string? Recipients { get; set; }

    [BindProperty] public string? ThirdCountryTransfers { get; set; }

    [BindProperty] public TransferSafeguard? TransferSafeguard { get; set; }

    [BindProperty] public string? RetentionPeriod { get; set; }

    [BindProperty] public string? RetentionRule { get; set; }

    [BindProperty] public string? RetentionPlanName { get; set; }

    [BindProperty] public string? RetentionPlanDecision { get; set; }

    [BindProperty] public string? SecurityMeasures { get; set; }

    [BindProperty] public List<Guid> SystemIds { get; set; } = [];

    [BindProperty] public List<Guid> SupplierIds { get; set; } = [];

    [BindProperty] public List<Wp248Criterion> ScreeningCriteria { get; set; } = [];

    [BindProperty] public List<MandatoryDpiaKind> ScreeningMandatory { get; set; } = [];

    /// <summary>The screening part of the form was filled in (a checkbox "Tröskelbedömningen är gjord").</summary>
    [BindProperty] public bool Screened { get; set; }

    public List<(Guid Id, string Name)> Controllers { get; private set; } = [];

    public List<(Guid Id, string Name, string? Supplier)> Systems { get; private set; } = [];

    public List<(Guid Id, string Name)> Suppliers { get; private set; } = [];

    public ScreeningResult? Screening { get; private set; }

    public Guid? AssessmentId { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var a = await db.ProcessingActivities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (a is null)
            {
                return NotFound();
            }

            (Version, ControllerId, Name, AsProcessor, ExternalController, Purposes, LegalBasis, SpecialCategoryCondition) =
                (a.Version, a.ControllerId, a.Name, a.AsProcessor, a.ExternalController, a.Purposes, a.LegalBasis, a.SpecialCategoryCondition);
            (CriminalOffenceData, SwedishLaw, DataSubjectCategories, PersonalDataCategories, Recipients, ThirdCountryTransfers, TransferSafeguard) =
                (a.CriminalOffenceData, a.SwedishLaw, a.DataSubjectCategories, a.PersonalDataCategories, a.Recipients, a.ThirdCountryTransfers, a.TransferSafeguard);
            (RetentionPeriod, RetentionRule, RetentionPlanName, RetentionPlanDecision, SecurityMeasures) =
                (a.RetentionPeriod, a.RetentionRule, a.RetentionPlanName, a.RetentionPlanDecision, a.SecurityMeasures);
            (SystemIds, SupplierIds, ScreeningCriteria, ScreeningMandatory, Screened) =
                (a.SystemIds, a.SupplierIds, a.ScreeningCriteria, a.ScreeningMandatory, a.ScreenedOn is not null);
            if (Screened)
            {
                Screening = DpiaScreening.Screen(ScreeningCriteria, ScreeningMandatory);
            }

            AssessmentId = await db.ImpactAssessments.AsNoTracking().Where(x => x.ActivityId == a.Id).OrderByDescending(x => x.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var input = new ProcessingInput(ControllerId, Name, AsProcessor, ExternalController, Purposes, LegalBasis, SpecialCategoryCondition, CriminalOffenceData,
            SwedishLaw, DataSubjectCategories, PersonalDataCategories, Recipients, ThirdCountryTransfers, TransferSafeguard, RetentionPeriod, RetentionRule,
            RetentionPlanName, RetentionPlanDecision, SecurityMeasures, SystemIds, SupplierIds, ScreeningCriteria, ScreeningMandatory, Screened);
        var result = await save.SaveAsync(Id, Version, input, ct);
        if (result.Status != CommandStatus.Done)
        {
            await LoadAsync(ct);
        }

        return Refusal(result) ?? LocalRedirect($"/{Slug}/registerforteckning/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Controllers = [.. (await db.DataControllers.AsNoTracking().Where(c => c.IsActive || c.Id == ControllerId).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))];
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.IsActive || SupplierIds.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Suppliers = [.. suppliers.Select(s => (s.Id, s.Name))];
        var names = suppliers.ToDictionary(s => s.Id, s => s.Name);
        Systems = [.. (await db.PartySystems.AsNoTracking().Where(s => s.IsActive || SystemIds.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.SupplierId }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name, s.SupplierId is { } id ? names.GetValueOrDefault(id) : null))];
    }
}
