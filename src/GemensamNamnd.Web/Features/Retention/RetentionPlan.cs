using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>A closed case the plan thins or deletes on <see cref="DueOn"/>; <see cref="HoldReason"/> set when it is held.</summary>
public sealed record RetentionCandidate(
    RetentionRegister Register, Guid CaseId, string CaseNumber, DateOnly ClosedOn, DateOnly DueOn, RetentionRule Rule, string? HoldReason)
{
    public bool Held => HoldReason is not null;
}

/// <summary>
/// The party's plan applied to its registers: which closed, not yet thinned cases fall due by a given day. The preview
/// and the job ask the same question, so the preview shows exactly what the job will do.
/// </summary>
public sealed class RetentionPlan(AppDbContext db, CurrentParty currentParty)
{
    /// <summary>The party's rules in force, one per register (DPO allocations are kept: the designation is a record of the organisation).</summary>
    public static IReadOnlyList<RetentionRule> Rules(PartySettings s) =>
    [
        new(RetentionRegister.Requests, s.RequestRetentionMonths, s.RequestRetentionAction),
        new(RetentionRegister.Breaches, s.BreachRetentionMonths, s.BreachRetentionAction),
        new(RetentionRegister.DpoAllocations, 0, RetentionAction.Keep),
    ];

    public IReadOnlyList<RetentionRule> Current => Rules(currentParty.Required.Settings);

    /// <summary>Closed cases due on or before <paramref name="until"/> (Swedish date), oldest due first, holds marked.</summary>
    public async Task<List<RetentionCandidate>> DueByAsync(DateOnly until, CancellationToken ct)
    {
        var holds = (await db.RetentionHolds.AsNoTracking().Select(h => new { h.Register, h.CaseId, h.Reason }).ToListAsync(ct))
            .ToDictionary(h => (h.Register, h.CaseId), h => h.Reason);
        var result = new List<RetentionCandidate>();
        foreach (var rule in Current.Where(r => r.Action != RetentionAction.Keep))
        {
            var closed = rule.Register switch
            {
                RetentionRegister.Requests => await ClosedRequestsAsync(rule, until, ct),
                RetentionRegister.Breaches => await ClosedBreachesAsync(ct),
                _ => [],
            };
            foreach (var (id, caseNumber, closedOn) in closed)
            {
                var dueOn = RetentionRules.DueOn(closedOn, rule.Months);
                if (dueOn <= until)
                {
                    result.Add(new RetentionCandidate(rule.Register, id, caseNumber, closedOn, dueOn, rule, holds.GetValueOrDefault((rule.Register, id))));
                }
            }
        }

        return [.. result.OrderBy(c => c.DueOn).ThenBy(c => c.Register).ThenBy(c => c.CaseNumber, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Answered and refused requests close on their answer date; a withdrawn one has none, so it closes on the day of its
    /// latest timeline entry (the withdrawal, or a later correction — later only keeps it longer).
    /// </summary>
    private async Task<List<(Guid, string, DateOnly)>> ClosedRequestsAsync(RetentionRule rule, DateOnly until, CancellationToken ct)
    {
        // A superset by the answer date in the database (a few days' margin for month-end clamping); exact rule below.
        var latest = until.AddMonths(-rule.Months).AddDays(7);
        var thinned = db.RetentionLog.Where(l => l.Register == RetentionRegister.Requests).Select(l => l.CaseId);
        var rows = await RequestQueries.ClosedAsync(db, thinned, latest, ct);
        var undated = rows.Where(r => r.AnsweredOn is null).Select(r => r.Id).ToList();
        var lastEvent = undated.Count == 0
            ? []
            : (await RequestQueries.LastEventAtAsync(db, undated, ct)).ToDictionary(e => e.Key, e => Swedish.Date(e.Value));
        return [.. rows.Select(r => (r.Id, r.CaseNumber, r.AnsweredOn ?? lastEvent.GetValueOrDefault(r.Id, Swedish.Date(r.ReceivedAt))))];
    }

    private async Task<List<(Guid, string, DateOnly)>> ClosedBreachesAsync(CancellationToken ct)
    {
        var thinned = db.RetentionLog.Where(l => l.Register == RetentionRegister.Breaches).Select(l => l.CaseId);
        // Closed breaches are few (tens a year); their instants are compared here, which SQLite cannot do in SQL.
        var rows = await BreachQueries.ClosedAsync(db, thinned, ct);
        return [.. rows.Select(b => (b.Id, b.CaseNumber, Swedish.Date(b.ClosedAt)))];
    }
}
