using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// The register's queries on stored state, shared by the pages, the API and the export. They are also the shape a
/// reminder sweep needs: the clock runs while <c>ReportedAt</c> is null and <c>Reportable</c> is not false, until
/// <c>ImyDeadlineAt</c>; a supplement is due on <c>SupplementDueOn</c> while the status is still ReportedToImy.
/// </summary>
public static class BreachQueries
{
    /// <summary>Filter value: not reported, not decided unreportable, within the 72 hours.</summary>
    public const string ClockRunning = "running";

    /// <summary>Filter value: unreported past the 72 hours, or reported after them.</summary>
    public const string ClockLate = "late";

    public static IQueryable<Breach> Filter(IQueryable<Breach> query, BreachStatus? status, RiskLevel? risk, string? clock, DateTimeOffset now)
    {
        if (status is { } s)
        {
            query = query.Where(b => b.Status == s);
        }

        if (risk is { } r)
        {
            query = query.Where(b => b.Risk == r);
        }

        return clock switch
        {
            ClockRunning => query.Where(b => b.ReportedAt == null && b.Reportable != false && b.Status != BreachStatus.Closed && b.ImyDeadlineAt >= now),
            ClockLate => query.Where(b =>
                (b.ReportedAt == null && b.Reportable != false && b.Status != BreachStatus.Closed && b.ImyDeadlineAt < now)
                || (b.ReportedAt != null && b.ReportedAt > b.ImyDeadlineAt)),
            _ => query,
        };
    }

    /// <summary>Breaches whose 72-hour clock runs or has run out without a report or a decision not to report.</summary>
    public static IQueryable<Breach> AwaitingReport(IQueryable<Breach> query) =>
        query.Where(b => b.ReportedAt == null && b.Reportable != false && b.Status != BreachStatus.Closed);

    /// <summary>Reported breaches whose first supplement (Art. 33(4)) is still to come.</summary>
    public static IQueryable<Breach> AwaitingSupplement(IQueryable<Breach> query) =>
        query.Where(b => b.Status == BreachStatus.ReportedToImy && b.SupplementDueOn != null);

    /// <summary>The party's figures (one query, kinds and times only).</summary>
    public static async Task<BreachSummary> SummaryAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Breaches.AsNoTracking()
            .Select(b => new BreachFigures(b.Types, b.Cause, b.Reportable, b.AwareAt, b.ReportedAt))
            .ToListAsync(ct);
        return BreachStatistics.Summarise(rows, now);
    }

    // For other features (retention, maturity): plain rows, never the entity (FeatureBoundaryTests).

    /// <summary>The id of the party's breach with this case number, if there is one.</summary>
    public static Task<Guid?> IdByCaseNumberAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        db.Breaches.Where(x => x.CaseNumber == caseNumber).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);

    /// <summary>Closed breaches not in <paramref name="excluded"/>.</summary>
    public static Task<List<ClosedBreachRow>> ClosedAsync(AppDbContext db, IQueryable<Guid> excluded, CancellationToken ct) =>
        db.Breaches.AsNoTracking()
            .Where(b => b.Status == BreachStatus.Closed && b.ClosedAt != null && !excluded.Contains(b.Id))
            .Select(b => new ClosedBreachRow(b.Id, b.CaseNumber, b.ClosedAt!.Value))
            .ToListAsync(ct);

    /// <summary>Every party's breaches become aware of in [from, to).</summary>
    public static Task<List<BreachFactsRow>> FactsAsync(CrossParty.Sets s, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        s.Set<Breach>()
            .Where(x => x.AwareAt >= from && x.AwareAt < to)
            .Select(x => new BreachFactsRow(x.PartyId, x.AwareAt, x.Reportable, x.ReportedAt, x.Risk, x.SubjectNoticeSentAt))
            .ToListAsync(ct);
}

/// <summary>A breach's facts for figures across parties: instants and flags only, no text.</summary>
public sealed record BreachFactsRow(Guid PartyId, DateTimeOffset AwareAt, bool? Reportable, DateTimeOffset? ReportedAt, RiskLevel? Risk, DateTimeOffset? SubjectNoticeSentAt);

/// <summary>A closed breach the retention plan may thin.</summary>
public sealed record ClosedBreachRow(Guid Id, string CaseNumber, DateTimeOffset ClosedAt);
