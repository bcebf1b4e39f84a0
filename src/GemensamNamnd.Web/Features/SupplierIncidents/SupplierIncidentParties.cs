using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Systems;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SupplierIncidents;

/// <summary>One affected party's progress, as status only: no case number, no content.</summary>
public sealed record PartyProgress(Guid PartyId, BreachStatus? Status, bool Reported);

/// <summary>
/// The supplier incident's reads across parties, all through <see cref="CrossParty"/> (ADR-005): ids and statuses only.
/// </summary>
public sealed class SupplierIncidentParties(CrossParty crossParty)
{
    /// <summary>
    /// THE suggestion of affected parties for a supplier: the parties that use it as a processor
    /// (<see cref="Processors.ProcessorList.InUseAsync"/>: an active system it runs, or an activity of the record of
    /// processing naming it, Art. 30) or have a processor agreement with it (the processors register, Art. 28). Party ids only.
    /// </summary>
    public Task<List<Guid>> SuggestAsync(Guid supplierId, CancellationToken ct = default) =>
        crossParty.ReadAsync(async s =>
        {
            var inUse = await Processors.ProcessorList.InUseAsync(
                s.Set<PartySystem>().Where(x => x.SupplierId == supplierId), s.Set<Processing.ProcessingActivity>().Where(x => x.SupplierIds.Contains(supplierId)), ct);
            var agreements = await s.Set<Processors.ProcessorAgreement>().Where(x => x.SupplierId == supplierId).Select(x => x.PartyId).Distinct().ToListAsync(ct);
            return inUse.Where(x => x.SupplierId == supplierId).Select(x => x.PartyId).Union(agreements).ToList();
        }, ct);

    /// <summary>Each affected party's draft: its status and whether it is reported to IMY; nothing else.</summary>
    public async Task<List<PartyProgress>> ProgressAsync(Guid incidentId, IReadOnlyCollection<Guid> partyIds, CancellationToken ct = default)
    {
        var rows = await crossParty.ReadAsync(s => s.Set<Breach>().Where(b => b.SupplierIncidentId == incidentId)
            .Select(b => new { b.PartyId, b.Status, Reported = b.ReportedAt != null }).ToListAsync(ct), ct);
        return [.. partyIds.Select(p => rows.FirstOrDefault(r => r.PartyId == p) is { } r
            ? new PartyProgress(p, r.Status, r.Reported)
            : new PartyProgress(p, null, false))];
    }
}
