using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>One party's measured figures for a period: aggregates only, no case, no person.</summary>
public sealed record PartyMeasured(Guid PartyId, RequestIndicators Requests, BreachIndicators Breaches, DateOnly? LastDrillOn, RecordIndicators? Records = null)
{
    // Issue 21, processors and the DPO's log: processors in use and those with an agreement in force on the period's last
    // day (or today, if sooner), and the consultations asked in the period.
    public int ProcessorsInUse { get; init; }

    public int ProcessorsWithAgreement { get; init; }

    public int Consultations { get; init; }
}

/// <summary>One party's levels in one round, by dimension key (no justifications).</summary>
public sealed record PartyLevels(Guid RoundId, Guid PartyId, IReadOnlyDictionary<string, int> Levels);

/// <summary>
/// The maturity feature's reads across parties, all through <see cref="CrossParty"/>. Each method fetches only what its
/// figures need (days, instants, flags — never a name, a personnummer or a text) and returns per-party aggregates; the
/// rows themselves never leave this class. Callers: the committee page (policy <c>EStrategist</c>) and a party's own page,
/// which shows the others only as a regional median.
/// </summary>
public sealed class MaturityCrossParty(CrossParty crossParty, TimeProvider clock)
{
    /// <summary>
    /// Requests received, and breaches become aware of, in <paramref name="period"/> (Swedish days), every request open
    /// now, and each party's last drill on or before the period's end (or <paramref name="today"/>, if sooner).
    /// </summary>
    public async Task<Dictionary<Guid, PartyMeasured>> MeasuredAsync(Period period, DateOnly today, CancellationToken ct)
    {
        var from = StartOfSwedishDay(period.From);
        var to = StartOfSwedishDay(period.To.AddDays(1));
        var asOf = period.To < today ? period.To : today;
        var now = clock.GetUtcNow();
        var (requests, breaches, drills, activities) = await crossParty.ReadAsync(async s =>
        {
            var r = await RequestQueries.FactsAsync(s, from, to, alsoOpen: true, ct);
            var b = await BreachQueries.FactsAsync(s, from, to, ct);
            var d = await s.Set<Drill>().Where(x => x.HeldOn <= asOf)
                .GroupBy(x => x.PartyId).Select(g => new { PartyId = g.Key, Last = g.Max(x => x.HeldOn) })
                .ToListAsync(ct);
            // Issue 21: the record of processing as it stands now (flags only).
            var a = await Processing.ProcessingQueries.FactsAsync(s, ct);
            return (r, b, d, a);
        }, ct);
        var registers = await Issue21FactsAsync(period, asOf, ct);

        var requestsByParty = requests.ToLookup(x => x.PartyId, x => Facts(x.ReceivedAt, x.DueOn, x.EffectiveDueOn, x.AnsweredOn, x.Status, x.Outcome));
        var breachesByParty = breaches.ToLookup(x => x.PartyId, x => new BreachFacts(x.AwareAt, x.Reportable, x.ReportedAt, x.Risk, x.SubjectNoticeSentAt));
        var lastDrill = drills.ToDictionary(x => x.PartyId, x => x.Last);
        var activitiesByParty = activities.ToLookup(x => x.PartyId, x => x.Facts);
        var parties = requestsByParty.Select(g => g.Key).Concat(breachesByParty.Select(g => g.Key)).Concat(lastDrill.Keys)
            .Concat(activitiesByParty.Select(g => g.Key)).Concat(registers.Keys).Distinct();
        return parties.ToDictionary(id => id, id =>
        {
            var (inUse, withAgreement, consultations) = registers.GetValueOrDefault(id);
            return new PartyMeasured(
                id,
                Indicators.Requests([.. requestsByParty[id]], period, today),
                Indicators.Breaches([.. breachesByParty[id]], period, Swedish.Date, now),
                lastDrill.TryGetValue(id, out var last) ? last : null,
                RecordIndicatorRules.Records([.. activitiesByParty[id]]))
            {
                ProcessorsInUse = inUse,
                ProcessorsWithAgreement = withAgreement,
                Consultations = consultations,
            };
        });
    }

    /// <summary>
    /// Issue 21: per party, the processors in use (<see cref="Processors.ProcessorList.InUseAsync"/>), those of them with an agreement
    /// in force on <paramref name="asOf"/>, and the DPO consultations asked in <paramref name="period"/>. Ids and days only.
    /// </summary>
    private async Task<Dictionary<Guid, (int InUse, int WithAgreement, int Consultations)>> Issue21FactsAsync(Period period, DateOnly asOf, CancellationToken ct)
    {
        var (used, agreed, asked) = await crossParty.ReadAsync(async s =>
        {
            var u = await Processors.ProcessorList.InUseAsync(s.Set<Systems.PartySystem>(), s.Set<Processing.ProcessingActivity>(), ct);
            var a = await s.Set<Processors.ProcessorAgreement>().Where(x => x.ValidFrom <= asOf && (x.ValidTo == null || x.ValidTo >= asOf))
                .Select(x => new { x.PartyId, x.SupplierId }).Distinct().ToListAsync(ct);
            var c = await s.Set<Processors.DpoConsultation>().Where(x => x.AskedOn >= period.From && x.AskedOn <= period.To)
                .Select(x => new { x.PartyId, x.AskedOn }).ToListAsync(ct);
            return (u, a, c);
        }, ct);
        var agreedSet = agreed.Select(x => (x.PartyId, x.SupplierId)).ToHashSet();
        var askedByParty = asked.ToLookup(x => x.PartyId, x => x.AskedOn);
        return used.Select(x => x.PartyId).Concat(askedByParty.Select(g => g.Key)).Distinct().ToDictionary(id => id, id =>
        {
            var inUse = used.Where(x => x.PartyId == id).ToList();
            return (inUse.Count, inUse.Count(x => agreedSet.Contains((x.PartyId, x.SupplierId))), Indicators.ConsultationsIn(askedByParty[id], period));
        });
    }

    /// <summary>Every party's requests received in the years <paramref name="fromYear"/>–<paramref name="toYear"/> (Swedish days), as facts for the trend.</summary>
    public async Task<ILookup<Guid, RequestFacts>> RequestFactsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        var from = StartOfSwedishDay(new DateOnly(fromYear, 1, 1));
        var to = StartOfSwedishDay(new DateOnly(toYear + 1, 1, 1));
        var rows = await crossParty.ReadAsync(s => RequestQueries.FactsAsync(s, from, to, alsoOpen: false, ct), ct);
        return rows.ToLookup(x => x.PartyId, x => Facts(x.ReceivedAt, x.DueOn, x.EffectiveDueOn, x.AnsweredOn, x.Status, x.Outcome));
    }

    /// <summary>The levels every party gave in the given rounds (answers of rounds only; justifications stay with the party).</summary>
    public async Task<List<PartyLevels>> LevelsAsync(IReadOnlyCollection<Guid> roundIds, CancellationToken ct)
    {
        if (roundIds.Count == 0)
        {
            return [];
        }

        var rows = await crossParty.ReadAsync(s => s.Set<MaturityAnswer>().Where(a => roundIds.Contains(a.RoundId))
            .Select(a => new { a.RoundId, a.PartyId, a.Items }).ToListAsync(ct), ct);
        return [.. rows.Select(r => new PartyLevels(r.RoundId, r.PartyId, r.Items.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First().Level)))];
    }

    /// <summary>The parties that have answered a round: ids only (for "who has not answered").</summary>
    public async Task<HashSet<Guid>> AnsweredAsync(Guid roundId, CancellationToken ct) =>
        [.. await crossParty.ReadAsync(s => s.Set<MaturityAnswer>().Where(a => a.RoundId == roundId).Select(a => a.PartyId).ToListAsync(ct), ct)];

    private static RequestFacts Facts(DateTimeOffset receivedAt, DateOnly dueOn, DateOnly effectiveDueOn, DateOnly? answeredOn, RequestStatus status, RequestOutcome? outcome) =>
        new(Swedish.Date(receivedAt), dueOn, effectiveDueOn, status is RequestStatus.Withdrawn ? null : answeredOn,
            !RequestStatusRules.IsClosed(status), status == RequestStatus.Withdrawn,
            // A refusal before per-right outcomes were kept is still a refusal.
            outcome ?? (status == RequestStatus.Refused ? RequestOutcome.Refused : null));

    private static DateTimeOffset StartOfSwedishDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
