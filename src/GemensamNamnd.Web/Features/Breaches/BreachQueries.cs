using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

// ToLower() inside the queries is translated to SQL lower(), not run with the current culture; the terms come lowered.
#pragma warning disable CA1304, CA1311, CA1862

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

    /// <summary>
    /// The list's search (<c>sok</c>): the case number or the title contains the term, compared lowered in SQL
    /// (<see cref="TextSearch"/>); no term, no filter.
    /// </summary>
    public static IQueryable<Breach> Search(IQueryable<Breach> query, string? term)
    {
        if (TextSearch.Normalise(term) is not { } t)
        {
            return query;
        }

        var pattern = TextSearch.Contains(t);
        return query.Where(b => EF.Functions.Like(b.CaseNumber.ToLower(), pattern, TextSearch.Escape)
            || EF.Functions.Like(b.Title.ToLower(), pattern, TextSearch.Escape));
    }

    /// <summary>
    /// By hours left on the 72-hour clock (Art. 33(1)): the breaches awaiting a report (<see cref="AwaitingReport"/>: the
    /// clock running, or run out unreported) first, by their deadline — fewest hours left first, or with
    /// <paramref name="descending"/> most — then all the others (reported, decided not reportable, closed).
    /// </summary>
    public static IOrderedQueryable<Breach> ByHoursLeft(IQueryable<Breach> query, bool descending)
    {
        var awaitingFirst = query.OrderBy(b => b.ReportedAt == null && b.Reportable != false && b.Status != BreachStatus.Closed ? 0 : 1);
        return descending
            ? awaitingFirst.ThenByDescending(b => b.ReportedAt == null && b.Reportable != false && b.Status != BreachStatus.Closed ? b.ImyDeadlineAt : (DateTimeOffset?)null)
            : awaitingFirst.ThenBy(b => b.ReportedAt == null && b.Reportable != false && b.Status != BreachStatus.Closed ? b.ImyDeadlineAt : (DateTimeOffset?)null);
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

    // For other features (retention, maturity, person search): plain rows, never the entity (FeatureBoundaryTests).

    /// <summary>The id of the party's breach with this case number, if there is one.</summary>
    public static Task<Guid?> IdByCaseNumberAsync(AppDbContext db, string caseNumber, CancellationToken ct) =>
        db.Breaches.Where(x => x.CaseNumber == caseNumber).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);

    /// <summary>Closed breaches not in <paramref name="excluded"/>.</summary>
    public static Task<List<ClosedBreachRow>> ClosedAsync(AppDbContext db, IQueryable<Guid> excluded, CancellationToken ct) =>
        db.Breaches.AsNoTracking()
            .Where(b => b.Status == BreachStatus.Closed && b.ClosedAt != null && !excluded.Contains(b.Id))
            .Select(b => new ClosedBreachRow(b.Id, b.CaseNumber, b.ClosedAt!.Value))
            .ToListAsync(ct);

    /// <summary>
    /// For person search: the breaches whose texts mention the person's name or e-mail (<paramref name="name"/>,
    /// <paramref name="email"/>, lower case, compared with SQL <c>lower()</c>) — the title, description, consequences,
    /// measures and risk reasoning containing either; who reported it internally or the contact person being either; the
    /// contact details containing either — or whose supplements or timeline do. Each query reads at most
    /// <paramref name="maxRows"/> rows.
    /// </summary>
    public static async Task<List<PersonDataInBreach>> PersonDataAsync(AppDbContext db, string? name, string? email, int maxRows, CancellationToken ct)
    {
        string[] terms = [.. new[] { name, email }.OfType<string>()];
        var mentions = new Dictionary<Guid, List<BreachMention>>();
        foreach (var t in terms)
        {
            foreach (var b in await db.Breaches.AsNoTracking()
                .Where(b => b.Title.ToLower().Contains(t) || b.Description.ToLower().Contains(t)
                    || (b.Consequences != null && b.Consequences.ToLower().Contains(t))
                    || (b.MeasuresTaken != null && b.MeasuresTaken.ToLower().Contains(t))
                    || (b.MeasuresProposed != null && b.MeasuresProposed.ToLower().Contains(t))
                    || (b.RiskReasoning != null && b.RiskReasoning.ToLower().Contains(t))
                    || (b.ReportedInternallyBy != null && b.ReportedInternallyBy.ToLower() == t)
                    || (b.ContactName != null && b.ContactName.ToLower() == t)
                    || (b.ContactDetails != null && b.ContactDetails.ToLower().Contains(t)))
                .Select(b => b.Id).Take(maxRows).ToListAsync(ct))
            {
                mentions.TryAdd(b, []);
            }

            foreach (var s in await db.BreachSupplements.AsNoTracking().Where(s => s.Text.ToLower().Contains(t)).Take(maxRows).ToListAsync(ct))
            {
                Mention(mentions, s.BreachId, new BreachMention(BreachMentionSource.Supplement, s.SubmittedAt, s.Text));
            }

            foreach (var e in await db.BreachEvents.AsNoTracking().Where(e => e.Text.ToLower().Contains(t)).Take(maxRows).ToListAsync(ct))
            {
                Mention(mentions, e.BreachId, new BreachMention(BreachMentionSource.Event, e.At, e.Text));
            }
        }

        var ids = mentions.Keys.ToList();
        var breaches = await db.Breaches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(ct);
        return [.. breaches.Select(b => new PersonDataInBreach(b.Id, b.CaseNumber, b.Status, b.AwareAt, b.Title, b.Description,
            b.Consequences, b.MeasuresTaken, b.MeasuresProposed, b.RiskReasoning, b.ReportedInternallyBy, b.ContactName,
            b.ContactDetails, mentions[b.Id]))];
    }

    private static void Mention(Dictionary<Guid, List<BreachMention>> mentions, Guid breachId, BreachMention mention)
    {
        if (!mentions.TryGetValue(breachId, out var list))
        {
            mentions[breachId] = list = [];
        }

        list.Add(mention);
    }

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

/// <summary>
/// A breach whose texts mention a searched person, for person search: the texts that may hold personal data, and the
/// supplements and timeline entries that mention the person.
/// </summary>
public sealed record PersonDataInBreach(
    Guid Id,
    string CaseNumber,
    BreachStatus Status,
    DateTimeOffset AwareAt,
    string Title,
    string Description,
    string? Consequences,
    string? MeasuresTaken,
    string? MeasuresProposed,
    string? RiskReasoning,
    string? ReportedInternallyBy,
    string? ContactName,
    string? ContactDetails,
    IReadOnlyList<BreachMention> Mentions);

/// <summary>A supplement or timeline entry of a breach whose text mentions the searched person.</summary>
public sealed record BreachMention(BreachMentionSource Source, DateTimeOffset At, string Text);

/// <summary>Where a <see cref="BreachMention"/> was found.</summary>
public enum BreachMentionSource
{
    /// <summary>A supplement to the report (Art. 33(4)); <see cref="BreachMention.At"/> is when it was submitted.</summary>
    Supplement,

    /// <summary>A timeline entry.</summary>
    Event,
}
