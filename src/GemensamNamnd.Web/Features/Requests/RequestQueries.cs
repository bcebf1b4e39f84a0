using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

// ToLower() inside the queries is translated to SQL lower(), not run with the current culture; the terms come lowered.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>The request's deadline facts, for figures across parties: days and statuses only, no name, no text.</summary>
public sealed record RequestFactsRow(Guid PartyId, DateTimeOffset ReceivedAt, DateOnly DueOn, DateOnly EffectiveDueOn, DateOnly? AnsweredOn, RequestStatus Status, RequestOutcome? Outcome);

/// <summary>A closed request the retention plan may thin: its answer date, or its receipt when it has none.</summary>
public sealed record ClosedRequestRow(Guid Id, string CaseNumber, DateOnly? AnsweredOn, DateTimeOffset ReceivedAt);

/// <summary>
/// A request that holds a searched person's data, for person search: the fields it shows (the personnummer still
/// protected) and the timeline entries that mention the person.
/// </summary>
public sealed record PersonDataInRequest(
    Guid Id,
    string CaseNumber,
    RequestStatus Status,
    DateTimeOffset ReceivedAt,
    string RequesterName,
    string? PersonalNumberProtected,
    string? Email,
    string? PostalAddress,
    string? Notes,
    IReadOnlyList<RequestMention> Mentions);

/// <summary>A timeline entry of a request whose text mentions the searched person.</summary>
public sealed record RequestMention(DateTimeOffset At, string Text);

/// <summary>
/// The request register's named queries for other features (retention, maturity, person search): they get plain rows,
/// never the entity, so the register keeps its shape to itself (FeatureBoundaryTests).
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

    /// <summary>
    /// For person search: the requests <paramref name="viewer"/> may open (<see cref="RequestAccessQueries.OpenTo"/>,
    /// the one rule of skyddad identitet) whose personnummer hash, name or e-mail is the person's, whose notes mention
    /// the name or e-mail, or whose timeline does. <paramref name="name"/> and <paramref name="email"/> are lower case
    /// (compared with SQL <c>lower()</c>); each query reads at most <paramref name="maxRows"/> rows.
    /// </summary>
    public static async Task<List<PersonDataInRequest>> PersonDataAsync(
        AppDbContext db, RequestViewer viewer, string? personalNumberHash, string? name, string? email, int maxRows, CancellationToken ct)
    {
        string[] terms = [.. new[] { name, email }.OfType<string>()];
        var openRequests = db.Requests.AsNoTracking().OpenTo(viewer);
        var requests = await openRequests
            .Where(r => (personalNumberHash != null && r.PersonalNumberHash == personalNumberHash)
                || (name != null && r.RequesterName.ToLower() == name)
                || (email != null && r.Email != null && r.Email.ToLower() == email))
            .Take(maxRows).ToListAsync(ct);
        var mentions = new Dictionary<Guid, List<RequestMention>>();
        foreach (var t in terms)
        {
            foreach (var r in await openRequests.Where(r => r.Notes != null && r.Notes.ToLower().Contains(t)).Take(maxRows).ToListAsync(ct))
            {
                if (requests.All(x => x.Id != r.Id))
                {
                    requests.Add(r);
                }
            }

            foreach (var e in await db.RequestEvents.AsNoTracking().Where(e => e.Text.ToLower().Contains(t)).Take(maxRows).ToListAsync(ct))
            {
                if (!mentions.TryGetValue(e.RequestId, out var list))
                {
                    mentions[e.RequestId] = list = [];
                }

                list.Add(new RequestMention(e.At, e.Text));
            }
        }

        // A timeline mentions the person in a case not found yet: that case too, if the viewer may open it.
        var missing = mentions.Keys.Where(id => requests.All(r => r.Id != id)).ToList();
        requests.AddRange(await openRequests.Where(r => missing.Contains(r.Id)).ToListAsync(ct));
        return [.. requests.Select(r => new PersonDataInRequest(r.Id, r.CaseNumber, r.Status, r.ReceivedAt, r.RequesterName,
            r.PersonalNumberProtected, r.Email, r.PostalAddress, r.Notes, mentions.GetValueOrDefault(r.Id) ?? []))];
    }

    /// <summary>
    /// Every party's requests received in [from, to), and (with <paramref name="alsoOpen"/>) every one open now; never
    /// a voided one (registered by mistake, <see cref="RequestStatusRules.CountsInStatistics"/>): these rows are what
    /// every figure across parties is made of.
    /// </summary>
    public static Task<List<RequestFactsRow>> FactsAsync(CrossParty.Sets s, DateTimeOffset from, DateTimeOffset to, bool alsoOpen, CancellationToken ct)
    {
        var open = alsoOpen ? RequestStatusRules.Open : [];
        var counted = RequestStatusRules.Statistical;
        return s.Set<DataSubjectRequest>()
            .Where(x => counted.Contains(x.Status) && ((x.ReceivedAt >= from && x.ReceivedAt < to) || open.Contains(x.Status)))
            .Select(x => new RequestFactsRow(x.PartyId, x.ReceivedAt, x.DueOn, x.EffectiveDueOn, x.AnsweredOn, x.Status, x.Outcome))
            .ToListAsync(ct);
    }
}
