using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>The request's deadline facts, for figures across parties: days and statuses only, no name, no text.</summary>
public sealed record RequestFactsRow(Guid PartyId, DateTimeOffset ReceivedAt, DateOnly DueOn, DateOnly EffectiveDueOn, DateOnly? AnsweredOn, RequestStatus Status);

/// <summary>A closed request the retention plan may thin: its answer date, or its receipt when it has none.</summary>
public sealed record ClosedRequestRow(Guid Id, string CaseNumber, DateOnly? AnsweredOn, DateTimeOffset ReceivedAt);

/// <summary>
/// The request register's named queries for other features (retention, maturity): they get plain rows, never the
/// entity, so the register keeps its shape to itself (FeatureBoundaryTests).
/// </summary>
public static class RequestQueries
{
    /// <summary>The id of the party's request with this case number, if there is one.</summary>
    public static Task<Guid?> IdByCaseNumberAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        db.Requests.Where(x => x.CaseNumber == caseNumber).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Closed requests not in <paramref name="excluded"/>, answered on or before <paramref name="latestAnswer"/> or not
    /// answered at all (withdrawn).
    /// </summary>
    public static Task<List<ClosedRequestRow>> ClosedAsync(AppDbContext db, IQueryable<Guid> excluded, DateOnly latestAnswer, CancellationToken ct) =>
        db.Requests.AsNoTracking()
            .Where(r => RequestStatusRules.Closed.Contains(r.Status) && !excluded.Contains(r.Id) && (r.AnsweredOn == null || r.AnsweredOn <= latestAnswer))
            .Select(r => new ClosedRequestRow(r.Id, r.CaseNumber, r.AnsweredOn, r.ReceivedAt))
            .ToListAsync(ct);

    /// <summary>The instant of each request's latest timeline entry.</summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> LastEventAtAsync(AppDbContext db, IReadOnlyCollection<Guid> requestIds, CancellationToken ct) =>
        (await db.RequestEvents.AsNoTracking().Where(e => requestIds.Contains(e.RequestId)).Select(e => new { e.RequestId, e.At }).ToListAsync(ct))
            .GroupBy(e => e.RequestId).ToDictionary(g => g.Key, g => g.Max(e => e.At));

    /// <summary>Every party's requests received in [from, to), and (with <paramref name="alsoOpen"/>) every one open now.</summary>
    public static Task<List<RequestFactsRow>> FactsAsync(CrossParty.Sets s, DateTimeOffset from, DateTimeOffset to, bool alsoOpen, CancellationToken ct)
    {
        var open = alsoOpen ? RequestStatusRules.Open : [];
        return s.Set<DataSubjectRequest>()
            .Where(x => (x.ReceivedAt >= from && x.ReceivedAt < to) || open.Contains(x.Status))
            .Select(x => new RequestFactsRow(x.PartyId, x.ReceivedAt, x.DueOn, x.EffectiveDueOn, x.AnsweredOn, x.Status))
            .ToListAsync(ct);
    }
}
