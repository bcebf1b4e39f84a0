using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>Where an activity stands on its impact assessment: what the list and the export show.</summary>
public enum DpiaStatus
{
    /// <summary>Not screened yet.</summary>
    NotScreened,

    /// <summary>Screened: not required.</summary>
    NotRequired,

    /// <summary>Required by the screening, none decided yet.</summary>
    Missing,

    /// <summary>Required and done (decided).</summary>
    Done,
}

/// <summary>One activity with what other registers show of it: its controller, systems and suppliers by name, DPIA status.</summary>
public sealed record ActivityRow(ProcessingActivity Activity, string ControllerName, IReadOnlyList<string> Systems, IReadOnlyList<string> Suppliers, DpiaStatus Dpia, Guid? AssessmentId);

/// <summary>One activity's flags for the maturity comparison, with its party (no name, no content).</summary>
public sealed record ActivityFactsRow(Guid PartyId, GemensamNamnd.Domain.Maturity.ActivityFacts Facts);

/// <summary>The party's record of processing as the list, the export, the API and other features read it.</summary>
public sealed class ProcessingQueries(AppDbContext db)
{
    public async Task<List<ActivityRow>> ListAsync(Guid? controllerId, CancellationToken ct)
    {
        var activities = await db.ProcessingActivities.AsNoTracking()
            .Where(a => controllerId == null || a.ControllerId == controllerId)
            .OrderBy(a => a.Name).ToListAsync(ct);
        var controllers = await db.DataControllers.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var systems = await db.PartySystems.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var supplierIds = activities.SelectMany(a => a.SupplierIds).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var ids = activities.Select(a => a.Id).ToList();
        var assessments = (await db.ImpactAssessments.AsNoTracking().Where(x => ids.Contains(x.ActivityId))
            .Select(x => new { x.Id, x.ActivityId, Done = x.Decision != null }).ToListAsync(ct))
            .GroupBy(x => x.ActivityId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Done).ThenByDescending(x => x.Id).First());
        return [.. activities
            .Select(a =>
            {
                var assessment = assessments.GetValueOrDefault(a.Id);
                var status = a.ScreenedOn is null ? (assessment?.Done == true ? DpiaStatus.Done : DpiaStatus.NotScreened)
                    : !a.DpiaRequired ? DpiaStatus.NotRequired
                    : assessment?.Done == true ? DpiaStatus.Done : DpiaStatus.Missing;
                return new ActivityRow(a, controllers.GetValueOrDefault(a.ControllerId, "–"),
                    [.. a.SystemIds.Select(id => systems.GetValueOrDefault(id)).OfType<string>().Order(StringComparer.Create(Infrastructure.Swedish.Culture, false))],
                    [.. a.SupplierIds.Select(id => suppliers.GetValueOrDefault(id)).OfType<string>().Order(StringComparer.Create(Infrastructure.Swedish.Culture, false))],
                    status, assessment?.Id);
            })
            .OrderBy(r => r.ControllerName, StringComparer.Create(Infrastructure.Swedish.Culture, false)).ThenBy(r => r.Activity.Name, StringComparer.Create(Infrastructure.Swedish.Culture, false))];
    }

    /// <summary>
    /// Every party's activities as flags (cross-party, for the e-strateg's comparison through <see cref="CrossParty"/>):
    /// legal basis recorded, screening requires an assessment, an assessment decided. Nothing else leaves.
    /// </summary>
    public static async Task<List<ActivityFactsRow>> FactsAsync(CrossParty.Sets s, CancellationToken ct)
    {
        var decided = s.Set<ImpactAssessment>().Where(x => x.Decision != null);
        var rows = await s.Set<ProcessingActivity>()
            .Select(a => new { a.PartyId, a.AsProcessor, HasBasis = a.LegalBasis != null, a.DpiaRequired, Done = decided.Any(x => x.ActivityId == a.Id) })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ActivityFactsRow(r.PartyId, new(r.AsProcessor, r.HasBasis, r.DpiaRequired, r.Done)))];
    }

    /// <summary>The party's impact assessments, newest first, for the API.</summary>
    public async Task<List<ImpactAssessmentDto>> AssessmentsAsync(CancellationToken ct)
    {
        var names = await db.ProcessingActivities.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. (await db.ImpactAssessments.AsNoTracking().OrderByDescending(x => x.Id).ToListAsync(ct)).Select(x => new ImpactAssessmentDto(
            x.Id, x.ActivityId, names.GetValueOrDefault(x.ActivityId, "–"), x.Description, x.Necessity,
            [.. x.Risks.Select(r => new DpiaRiskDto(r.Description, r.Likelihood, r.Severity, RiskMatrix.Level(r.Likelihood, r.Severity)))], x.Measures,
            x.ResidualLikelihood, x.ResidualSeverity, x.Residual, x.DpoAdvice, x.DpoAdviceOn, x.DpoAdviceFollowed, x.DpoAdviceNotFollowedReason,
            x.Decision, x.DecidedOn, x.DecidedBy, x.PriorConsultationOn, x.ReviewOn, x.Version))];
    }

    /// <summary>
    /// The activities (controller's records) each of the given systems carries: for the request's systems checklist and
    /// the Art. 15(1)(a), (c), (d) items of the answer letter.
    /// </summary>
    public async Task<Dictionary<Guid, List<SystemActivity>>> BySystemAsync(IReadOnlyCollection<Guid> systemIds, CancellationToken ct)
    {
        if (systemIds.Count == 0)
        {
            return [];
        }

        var ids = systemIds.ToList();
        var activities = await db.ProcessingActivities.AsNoTracking().Where(a => !a.AsProcessor && a.SystemIds.Any(s => ids.Contains(s))).OrderBy(a => a.Name).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => activities.Where(a => a.SystemIds.Contains(id))
            .Select(a => new SystemActivity(a.Name, a.Purposes, a.Recipients, a.RetentionText())).ToList());
    }
}

/// <summary>An activity as the request register shows it beside a system, and as the Art. 15 answer names it.</summary>
public sealed record SystemActivity(string Name, string? Purposes, string? Recipients, string Retention);

public static class DpiaStatusNames
{
    public static string Swedish(this DpiaStatus status) => status switch
    {
        DpiaStatus.NotScreened => "Ej bedömd",
        DpiaStatus.NotRequired => "Krävs inte",
        DpiaStatus.Missing => "Krävs – saknas",
        DpiaStatus.Done => "Gjord",
        _ => status.ToString(),
    };

    public static string LegalBasisText(this ProcessingActivity a) =>
        a.AsProcessor ? "Biträde (art. 30.2)" : a.LegalBasis is { } basis ? basis.WithArticle() : "Saknas";

    public static string RetentionText(this ProcessingActivity a)
    {
        var parts = new[] { a.RetentionPeriod, a.RetentionRule }.Where(x => !string.IsNullOrWhiteSpace(x)).ToList();
        var text = parts.Count == 0 ? "Saknas" : string.Join("; ", parts);
        return a.RetentionPlanName is { } plan ? $"{text} ({plan}, {a.RetentionPlanDecision})" : text;
    }
}
