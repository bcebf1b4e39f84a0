using System.Globalization;
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
/// Starts an impact assessment of an activity (<c>…/konsekvensbedomningar/ny?ActivityId=</c>) or carries it on to the
/// decision (<c>…/konsekvensbedomningar/{id}</c>) through <see cref="SaveImpactAssessment"/>.
/// </summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class AssessmentEditModel(AppDbContext db, CurrentParty currentParty, SaveImpactAssessment save, TimeProvider clock) : FormPageModel
{
    public const int BlankRisks = 3;

    [FromRoute] public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? ActivityId { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? Necessity { get; set; }

    [BindProperty] public List<string?> RiskTexts { get; set; } = [];

    [BindProperty] public List<int?> RiskLikelihoods { get; set; } = [];

    [BindProperty] public List<int?> RiskSeverities { get; set; } = [];

    [BindProperty] public string? Measures { get; set; }

    [BindProperty] public int? ResidualLikelihood { get; set; }

    [BindProperty] public int? ResidualSeverity { get; set; }

    [BindProperty] public string? DpoAdvice { get; set; }

    [BindProperty] public string? DpoAdviceOn { get; set; }

    [BindProperty] public bool? DpoAdviceFollowed { get; set; }

    [BindProperty] public string? DpoAdviceNotFollowedReason { get; set; }

    [BindProperty] public DpiaDecision? Decision { get; set; }

    [BindProperty] public string? DecidedOn { get; set; }

    [BindProperty] public string? DecidedBy { get; set; }

    [BindProperty] public string? PriorConsultationOn { get; set; }

    [BindProperty] public string? ReviewOn { get; set; }

    public List<(Guid Id, string Name)> Activities { get; private set; } = [];

    public RiskGrade? Residual => ResidualLikelihood is { } l && ResidualSeverity is { } s && RiskMatrix.IsValid(l) && RiskMatrix.IsValid(s) ? RiskMatrix.Level(l, s) : null;

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var x = await db.ImpactAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
            if (x is null)
            {
                return NotFound();
            }

            (Version, ActivityId, Description, Necessity, Measures, ResidualLikelihood, ResidualSeverity) =
                (x.Version, x.ActivityId, x.Description, x.Necessity, x.Measures, x.ResidualLikelihood, x.ResidualSeverity);
            (DpoAdvice, DpoAdviceOn, DpoAdviceFollowed, DpoAdviceNotFollowedReason, Decision, DecidedOn, DecidedBy, PriorConsultationOn, ReviewOn) =
                (x.DpoAdvice, Iso(x.DpoAdviceOn), x.DpoAdviceFollowed, x.DpoAdviceNotFollowedReason, x.Decision, Iso(x.DecidedOn), x.DecidedBy, Iso(x.PriorConsultationOn), Iso(x.ReviewOn));
            RiskTexts = [.. x.Risks.Select(r => (string?)r.Description)];
            RiskLikelihoods = [.. x.Risks.Select(r => (int?)r.Likelihood)];
            RiskSeverities = [.. x.Risks.Select(r => (int?)r.Severity)];
        }
        else if (ActivityId is { } activityId)
        {
            var activity = await db.ProcessingActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null)
            {
                return NotFound();
            }

            Description ??= activity.Purposes;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Id is { } existing && !await db.ImpactAssessments.AnyAsync(x => x.Id == existing, ct))
        {
            return NotFound();
        }

        var errors = new List<Error>();
        DateOnly? Date(string field, string label, string? text)
        {
            var (value, error) = FormValues.ParseDate(field, label, text, clock, required: false);
            if (error is not null)
            {
                errors.Add(error);
            }

            return value;
        }

        var adviceOn = Date(nameof(DpoAdviceOn), "Dagen rådet lämnades", DpoAdviceOn);
        var decidedOn = Date(nameof(DecidedOn), "Dagen för beslutet", DecidedOn);
        var consultedOn = Date(nameof(PriorConsultationOn), "Dagen för förhandssamrådet", PriorConsultationOn);
        DateOnly? reviewOn = null;
        if (!string.IsNullOrWhiteSpace(ReviewOn) && (reviewOn = FormValues.Date(ReviewOn)) is null)
        {
            errors.Add(new Error(nameof(ReviewOn), FormValues.InvalidDate("Dagen för översyn")));
        }

        var risks = new List<DpiaRisk>();
        for (var i = 0; i < RiskTexts.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(RiskTexts[i]))
            {
                risks.Add(new DpiaRisk { Description = RiskTexts[i]!, Likelihood = RiskLikelihoods.ElementAtOrDefault(i) ?? 0, Severity = RiskSeverities.ElementAtOrDefault(i) ?? 0 });
            }
        }

        var input = new AssessmentInput(ActivityId, Description, Necessity, risks, Measures, ResidualLikelihood, ResidualSeverity, DpoAdvice, adviceOn,
            DpoAdviceFollowed, DpoAdviceNotFollowedReason, Decision, decidedOn, DecidedBy, consultedOn, reviewOn);
        CommandResult<ImpactAssessment> result;
        if (errors.Count > 0)
        {
            // The dates that did not parse, with every other error of the input.
            errors.AddRange(input.Validate(Swedish.Today(clock)).ToErrors().Where(e => errors.All(x => x.Field != e.Field)));
            result = CommandResult<ImpactAssessment>.Invalid(errors);
        }
        else
        {
            result = await save.SaveAsync(Id, Version, input, ct);
        }

        if (result.Status != CommandStatus.Done)
        {
            await LoadAsync(ct);
        }

        return Refusal(result) ?? LocalRedirect($"/{Slug}/konsekvensbedomningar/{result.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Activities = [.. (await db.ProcessingActivities.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name))];
        while (RiskTexts.Count < RiskLikelihoods.Count || RiskTexts.Count < RiskSeverities.Count)
        {
            RiskTexts.Add(null);
        }

        for (var i = 0; i < BlankRisks; i++)
        {
            RiskTexts.Add(null);
        }

        while (RiskLikelihoods.Count < RiskTexts.Count)
        {
            RiskLikelihoods.Add(null);
        }

        while (RiskSeverities.Count < RiskTexts.Count)
        {
            RiskSeverities.Add(null);
        }

    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
