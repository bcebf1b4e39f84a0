using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Data;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// An impact assessment as the form sends it (Art. 35(7)); <see cref="Validate"/> returns every Swedish error at once.
/// A decision needs the DPO's advice and its day (Art. 35(2)), whether it was followed and why not, the residual risk
/// and who decided; going ahead with a residual risk that stays high needs prior consultation with IMY (Art. 36(1)).
/// </summary>
public sealed record AssessmentInput(
    Guid? ActivityId,
    string? Description,
    string? Necessity,
    IReadOnlyList<DpiaRisk> Risks,
    string? Measures,
    int? ResidualLikelihood,
    int? ResidualSeverity,
    string? DpoAdvice,
    DateOnly? DpoAdviceOn,
    bool? DpoAdviceFollowed,
    string? DpoAdviceNotFollowedReason,
    DpiaDecision? Decision,
    DateOnly? DecidedOn,
    string? DecidedBy,
    DateOnly? PriorConsultationOn,
    DateOnly? ReviewOn)
{
    public const int MaxRisks = 20;

    public const string PriorConsultationMessage = "Restrisken är hög. Behandlingen får inte påbörjas förrän IMY har konsulterats (förhandssamråd, art. 36.1): ange dagen för samrådet eller välj beslutet att invänta förhandssamråd.";

    public RiskGrade? Residual => ResidualLikelihood is { } l && ResidualSeverity is { } s && RiskMatrix.IsValid(l) && RiskMatrix.IsValid(s) ? RiskMatrix.Level(l, s) : null;

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors.TryAdd(field, [message]);

        if (ActivityId is null)
        {
            Add(nameof(ActivityId), "Välj behandlingen som bedöms.");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            Add(nameof(Description), "Beskriv behandlingen och dess ändamål (art. 35.7 a).");
        }

        foreach (var (field, value) in new[] { (nameof(Description), Description), (nameof(Necessity), Necessity), (nameof(Measures), Measures), (nameof(DpoAdvice), DpoAdvice) })
        {
            if (value?.Trim().Length > ProcessingInput.LongText)
            {
                Add(field, $"Texten får vara högst {ProcessingInput.LongText} tecken.");
            }
        }

        if (Risks.Count > MaxRisks || Risks.Any(r => r.Description.Trim().Length > Limits.Reason || !RiskMatrix.IsValid(r.Likelihood) || !RiskMatrix.IsValid(r.Severity)))
        {
            Add(nameof(Risks), "Ange sannolikhet och konsekvens (1–4) för varje risk; högst 20 risker, var och en högst 1 000 tecken.");
        }

        if ((ResidualLikelihood is null) != (ResidualSeverity is null)
            || ResidualLikelihood is { } l && !RiskMatrix.IsValid(l) || ResidualSeverity is { } s && !RiskMatrix.IsValid(s))
        {
            Add(nameof(ResidualLikelihood), "Ange både sannolikhet och konsekvens (1–4) för restrisken.");
        }

        if (DpoAdviceFollowed == false && string.IsNullOrWhiteSpace(DpoAdviceNotFollowedReason))
        {
            Add(nameof(DpoAdviceNotFollowedReason), "Ange varför dataskyddsombudets råd inte följdes.");
        }

        if (DpoAdviceNotFollowedReason?.Trim().Length > Limits.Reason)
        {
            Add(nameof(DpoAdviceNotFollowedReason), "Skälet får vara högst 1 000 tecken.");
        }

        if (DecidedBy?.Trim().Length > Limits.Name)
        {
            Add(nameof(DecidedBy), $"Högst {Limits.Name} tecken.");
        }

        if (Decision is { } decision)
        {
            if (!Enum.IsDefined(decision))
            {
                Add(nameof(Decision), "Välj ett av besluten i listan.");
            }

            if (string.IsNullOrWhiteSpace(DpoAdvice) || DpoAdviceOn is null)
            {
                Add(nameof(DpoAdvice), ProcessingInput.DpoAdviceMessage);
            }

            if (DpoAdviceFollowed is null)
            {
                Add(nameof(DpoAdviceFollowed), "Ange om dataskyddsombudets råd följdes.");
            }

            if (Residual is null)
            {
                Add(nameof(ResidualLikelihood), "Ett beslut kräver en bedömning av restrisken efter åtgärderna.");
            }

            if (DecidedOn is null)
            {
                Add(nameof(DecidedOn), "Ange dagen för beslutet.");
            }
            else if (DecidedOn > today)
            {
                Add(nameof(DecidedOn), "Beslutet kan inte registreras innan det är fattat.");
            }

            if (string.IsNullOrWhiteSpace(DecidedBy))
            {
                Add(nameof(DecidedBy), "Ange vem som beslutade, t.ex. nämnden och paragrafen.");
            }

            if (decision == DpiaDecision.Proceed && Residual is { } residual && RiskMatrix.RequiresPriorConsultation(residual) && PriorConsultationOn is null)
            {
                Add(nameof(PriorConsultationOn), PriorConsultationMessage);
            }

            if (decision == DpiaDecision.Proceed && ReviewOn is null)
            {
                Add(nameof(ReviewOn), "Ange när bedömningen ska ses över (art. 35.11).");
            }
        }

        if (DpoAdviceOn > today)
        {
            Add(nameof(DpoAdviceOn), "Rådet kan inte registreras innan det är lämnat.");
        }

        if (ReviewOn is { } review && (review < today.AddYears(-1) || review > today.AddYears(5)))
        {
            Add(nameof(ReviewOn), "Ange en dag för översynen inom fem år.");
        }

        return errors;
    }

    public void ApplyTo(ImpactAssessment x)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        x.ActivityId = ActivityId!.Value;
        x.Description = Description!.Trim();
        x.Necessity = Clean(Necessity);
        x.Risks = [.. Risks.Where(r => !string.IsNullOrWhiteSpace(r.Description)).Select(r => new DpiaRisk { Description = r.Description.Trim(), Likelihood = r.Likelihood, Severity = r.Severity })];
        x.Measures = Clean(Measures);
        x.ResidualLikelihood = ResidualLikelihood;
        x.ResidualSeverity = ResidualSeverity;
        x.DpoAdvice = Clean(DpoAdvice);
        x.DpoAdviceOn = DpoAdviceOn;
        x.DpoAdviceFollowed = DpoAdviceFollowed;
        x.DpoAdviceNotFollowedReason = DpoAdviceFollowed == false ? Clean(DpoAdviceNotFollowedReason) : null;
        x.Decision = Decision;
        x.DecidedOn = Decision is null ? null : DecidedOn;
        x.DecidedBy = Decision is null ? null : Clean(DecidedBy);
        x.PriorConsultationOn = PriorConsultationOn;
        x.ReviewOn = ReviewOn;
    }
}
