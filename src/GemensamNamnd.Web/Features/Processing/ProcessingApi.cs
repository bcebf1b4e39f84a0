using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// <c>GET /api/v1/{party}/processing-activities[?controllerId=]</c> (the record of processing, Art. 30) and
/// <c>GET /api/v1/{party}/dpias</c> (the impact assessments, Art. 35), for integrations.
/// </summary>
public static class ProcessingApi
{
    public static void Map(RouteGroupBuilder party)
    {
        party.MapGet("/processing-activities", ListActivitiesAsync).RequireAuthorization(Policies.PartyMember).WithName("ListProcessingActivities").WithTags("Registerförteckning");
        party.MapGet("/dpias", ListAssessmentsAsync).RequireAuthorization(Policies.PartyMember).WithName("ListImpactAssessments").WithTags("Konsekvensbedömningar");
    }

    private static async Task<Ok<List<ProcessingActivityDto>>> ListActivitiesAsync(Guid? controllerId, ProcessingQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAsync(controllerId, ct)).Select(ProcessingActivityDto.From).ToList());

    private static async Task<Ok<List<ImpactAssessmentDto>>> ListAssessmentsAsync(ProcessingQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.AssessmentsAsync(ct));
}

public sealed record ProcessingActivityDto(
    Guid Id, Guid ControllerId, string ControllerName, string Name, bool AsProcessor, string? ExternalController, string? Purposes,
    LegalBasis? LegalBasis, string? LegalBasisArticle, SpecialCategoryCondition? SpecialCategoryCondition, bool CriminalOffenceData, string? SwedishLaw,
    string? DataSubjectCategories, string? PersonalDataCategories, string? Recipients, string? ThirdCountryTransfers, TransferSafeguard? TransferSafeguard,
    string? RetentionPeriod, string? RetentionRule, string? RetentionPlanName, string? RetentionPlanDecision, string? SecurityMeasures,
    IReadOnlyList<Guid> SystemIds, IReadOnlyList<string> Systems, IReadOnlyList<Guid> SupplierIds, IReadOnlyList<string> Suppliers,
    IReadOnlyList<Wp248Criterion> ScreeningCriteria, IReadOnlyList<MandatoryDpiaKind> ScreeningMandatory, DateOnly? ScreenedOn, bool DpiaRequired, DpiaStatus DpiaStatus, Guid Version)
{
    public static ProcessingActivityDto From(ActivityRow r)
    {
        var a = r.Activity;
        return new(a.Id, a.ControllerId, r.ControllerName, a.Name, a.AsProcessor, a.ExternalController, a.Purposes, a.LegalBasis, a.LegalBasis?.Article(),
            a.SpecialCategoryCondition, a.CriminalOffenceData, a.SwedishLaw, a.DataSubjectCategories, a.PersonalDataCategories, a.Recipients,
            a.ThirdCountryTransfers, a.TransferSafeguard, a.RetentionPeriod, a.RetentionRule, a.RetentionPlanName, a.RetentionPlanDecision, a.SecurityMeasures,
            a.SystemIds, r.Systems, a.SupplierIds, r.Suppliers, a.ScreeningCriteria, a.ScreeningMandatory, a.ScreenedOn, a.DpiaRequired, r.Dpia, a.Version);
    }
}

public sealed record DpiaRiskDto(string Description, int Likelihood, int Severity, RiskGrade Level);

public sealed record ImpactAssessmentDto(
    Guid Id, Guid ActivityId, string Activity, string? Description, string? Necessity, IReadOnlyList<DpiaRiskDto> Risks, string? Measures,
    int? ResidualLikelihood, int? ResidualSeverity, RiskGrade? ResidualRisk, string? DpoAdvice, DateOnly? DpoAdviceOn, bool? DpoAdviceFollowed,
    string? DpoAdviceNotFollowedReason, DpiaDecision? Decision, DateOnly? DecidedOn, string? DecidedBy, DateOnly? PriorConsultationOn, DateOnly? ReviewOn, Guid Version);
