using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// The DPO feature's reads across parties, all through <see cref="CrossParty"/> (ADR-005). What each returns is what
/// its viewer may see:
/// <list type="bullet">
/// <item><see cref="TotalsAsync"/>, <see cref="OtherPartiesAsync"/> and <see cref="WithOtherPartiesAsync"/>: for party users — a person's total share over
/// time and whether other parties are served, never which parties or their allocations;</item>
/// <item><see cref="MatrixAsync"/>: the committee matrix, for the e-strateg and administrators only (callers are
/// authorised by <c>Policies.EStrategist</c>): allocation facts by party id, no citizens' data.</item>
/// </list>
/// </summary>
public sealed class DpoCrossParty(CrossParty crossParty)
{
    /// <summary>Each person's total share of a post over time, summed over every party; party-less segments only.</summary>
    public async Task<Dictionary<Guid, IReadOnlyList<ShareSegment>>> TotalsAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var rows = await crossParty.ReadAsync(s => s.Set<DpoAllocation>().Where(a => personIds.Contains(a.PersonId))
            .Select(a => new { a.PersonId, a.StartsOn, a.EndsOn, a.SharePercent }).ToListAsync(ct), ct);
        return personIds.ToDictionary(id => id, id => ShareTotals.Timeline(
            rows.Where(r => r.PersonId == id).Select(r => (new DateSpan(r.StartsOn, r.EndsOn), r.SharePercent))));
    }

    /// <summary>Whether the person has (or had) an allocation in a party other than <paramref name="partyId"/>: a yes/no.</summary>
    public Task<bool> OtherPartiesAsync(Guid personId, Guid? partyId, CancellationToken ct) =>
        crossParty.ReadAsync(s => s.Set<DpoAllocation>().AnyAsync(a => a.PersonId == personId && a.PartyId != partyId, ct), ct);

    /// <summary>Of <paramref name="personIds"/>, those with (or who had) an allocation in a party other than <paramref name="partyId"/>.</summary>
    public async Task<HashSet<Guid>> WithOtherPartiesAsync(IReadOnlyCollection<Guid> personIds, Guid partyId, CancellationToken ct) =>
        personIds.Count == 0 ? [] : [.. await crossParty.ReadAsync(s => s.Set<DpoAllocation>()
            .Where(a => personIds.Contains(a.PersonId) && a.PartyId != partyId).Select(a => a.PersonId).Distinct().ToListAsync(ct), ct)];

    /// <summary>One person's allocations in every party: the history for a global administrator (policy GlobalAdministrator).</summary>
    public Task<List<MatrixAllocation>> PersonHistoryAsync(Guid personId, CancellationToken ct) =>
        crossParty.ReadAsync(s => s.Set<DpoAllocation>().Where(a => a.PersonId == personId).OrderByDescending(a => a.StartsOn)
            .Select(a => new MatrixAllocation(a.PartyId, a.PersonId, a.Role, a.ControllerIds, a.SharePercent, a.StartsOn, a.EndsOn, a.ReportingLevel, a.ReportsTo, a.ImyReportedOn))
            .ToListAsync(ct), ct);

    /// <summary>Every allocation of every party, and every active controller by party: the committee view.</summary>
    public Task<(List<MatrixAllocation> Allocations, List<(Guid PartyId, Guid ControllerId)> Controllers)> MatrixAsync(CancellationToken ct) =>
        crossParty.ReadAsync(async s =>
        {
            var allocations = await s.Set<DpoAllocation>()
                .Select(a => new MatrixAllocation(a.PartyId, a.PersonId, a.Role, a.ControllerIds, a.SharePercent, a.StartsOn, a.EndsOn, a.ReportingLevel, a.ReportsTo, a.ImyReportedOn))
                .ToListAsync(ct);
            var controllers = await s.Set<Controllers.DataController>().Where(c => c.IsActive)
                .Select(c => new { c.PartyId, c.Id }).ToListAsync(ct);
            return (allocations, controllers.Select(c => (c.PartyId, c.Id)).ToList());
        }, ct);
}

/// <summary>One allocation as the committee matrix sees it.</summary>
public sealed record MatrixAllocation(
    Guid PartyId, Guid PersonId, DpoRole Role, List<Guid> ControllerIds, int SharePercent, DateOnly StartsOn, DateOnly? EndsOn,
    ReportingLevel ReportingLevel, string ReportsTo, DateOnly? ImyReportedOn)
{
    public DateSpan Span => new(StartsOn, EndsOn);
}
