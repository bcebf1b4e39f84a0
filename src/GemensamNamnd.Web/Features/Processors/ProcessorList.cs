using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>One of the party's processors and where it stands with its agreement on a day.</summary>
/// <param name="InUse">True when the supplier runs one of the party's active systems.</param>
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
/// The party's processors: the suppliers of its active systems, plus any it has an agreement with, each with its
/// agreement status (<see cref="AgreementRules"/>). The suppliers are committee-wide; the systems and agreements are read
/// through the party's own context, so another party's agreement with the same supplier never counts.
/// </summary>
public sealed class ProcessorList(AppDbContext db)
{
    public async Task<IReadOnlyList<ProcessorRow>> BuildAsync(DateOnly today, CancellationToken ct)
    {
        var systems = await db.PartySystems.AsNoTracking().Where(s => s.IsActive && s.SupplierId != null)
            .Select(s => new { SupplierId = s.SupplierId!.Value, s.Name }).ToListAsync(ct);
        var agreements = await db.ProcessorAgreements.AsNoTracking().ToListAsync(ct);
        var ids = systems.Select(s => s.SupplierId).Concat(agreements.Select(a => a.SupplierId)).Distinct().ToList();
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
                return new ProcessorRow(s.Id, s.Name, s.Country, used.Count > 0, used, status, current,
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
