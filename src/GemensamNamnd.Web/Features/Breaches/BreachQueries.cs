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
    public static async Task<BreachSummary> SummaryAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Breaches.AsNoTracking()
            .Select(b => new BreachFigures(b.Types, b.Cause, b.Reportable, b.AwareAt, b.ReportedAt))
            .ToListAsync(ct);
        return BreachStatistics.Summarise(rows);
    }
}
