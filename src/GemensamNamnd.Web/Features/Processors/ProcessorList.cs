using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Processing;
using GemensamNamnd.Web.Features.Systems;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>One of the party's processors and where it stands with its agreement on a day.</summary>
/// <param name="InUse">True when the supplier is in use (<see cref="ProcessorList.InUseAsync"/>).</param>
/// <param name="Current">The agreement that gives the status (the best one; the latest end among equals); null when none.</param>
public sealed record ProcessorRow(
    Guid SupplierId,
    string Name,
    string Country,
    bool InUse,
    IReadOnlyList<string> Systems,
    AgreementStatus Status,
    ProcessorAgreement? Current,
    int AgreementCount,
    int PendingNotices);

/// <summary>
/// The party's processors: the processors in use (<see cref="InUseAsync"/>), plus any it has an agreement with, each
/// with its agreement status (<see cref="AgreementRules"/>). The suppliers are committee-wide; the systems, activities
/// and agreements are read through the party's own context, so another party's agreement with the same supplier never
/// counts.
/// </summary>
public sealed class ProcessorList(AppDbContext db)
{
    /// <summary>
    /// THE processors in use, per party: the supplier that runs an active system, and a processor named on an activity of
    /// the record of processing (Art. 30). The list here and the e-strateg's comparison (cross-party) both count these.
    /// </summary>
    public static async Task<List<(Guid PartyId, Guid SupplierId)>> InUseAsync(IQueryable<PartySystem> systems, IQueryable<ProcessingActivity> activities, CancellationToken ct)
    {
        var bySystem = await systems.Where(x => x.IsActive && x.SupplierId != null).Select(x => new { x.PartyId, SupplierId = x.SupplierId!.Value }).Distinct().ToListAsync(ct);
        var byActivity = await activities.Where(x => x.SupplierIds.Count > 0).Select(x => new { x.PartyId, x.SupplierIds }).ToListAsync(ct);
        return [.. bySystem.Select(x => (x.PartyId, x.SupplierId)).Concat(byActivity.SelectMany(a => a.SupplierIds.Select(id => (a.PartyId, id)))).Distinct()];
    }

    public async Task<IReadOnlyList<ProcessorRow>> BuildAsync(DateOnly today, CancellationToken ct)
    {
        var systems = await db.PartySystems.AsNoTracking().Where(s => s.IsActive && s.SupplierId != null)
            .Select(s => new { SupplierId = s.SupplierId!.Value, s.Name }).ToListAsync(ct);
        var inUse = (await InUseAsync(db.PartySystems.AsNoTracking(), db.ProcessingActivities.AsNoTracking(), ct)).Select(x => x.SupplierId).ToHashSet();
        var agreements = await db.ProcessorAgreements.AsNoTracking().ToListAsync(ct);
        var ids = inUse.Concat(agreements.Select(a => a.SupplierId)).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        return [.. suppliers.Select(s =>
            {
                var own = agreements.Where(a => a.SupplierId == s.Id).ToList();
                var current = own
                    .OrderByDescending(a => AgreementRules.StatusOf(a.ValidFrom, a.ValidTo, today))
                    .ThenByDescending(a => a.ValidTo ?? DateOnly.MaxValue)
                    .FirstOrDefault();
                var status = current is null ? AgreementStatus.Missing : AgreementRules.StatusOf(current.ValidFrom, current.ValidTo, today);
                var used = systems.Where(x => x.SupplierId == s.Id).Select(x => x.Name).Order(StringComparer.Ordinal).ToList();
                return new ProcessorRow(s.Id, s.Name, s.Country, inUse.Contains(s.Id), used, status, current,
                    own.Count, own.Sum(a => a.Notices.Count(n => n.Decision == NoticeDecision.Pending)));
            })
            .OrderBy(r => r.Status)
            .ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>Share (0–1) of the processors in use that have an agreement in force; null when none is in use.</summary>
    public static double? ShareInForce(IReadOnlyList<ProcessorRow> rows)
    {
        var inUse = rows.Where(r => r.InUse).ToList();
        return inUse.Count == 0 ? null : inUse.Count(r => AgreementRules.IsInForce(r.Status)) / (double)inUse.Count;
    }
}
