using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>
/// One register's reminders, derived from its stored deadlines. Each register (requests, breaches, DPO allocations,
/// drills, maturity rounds) implements this once and registers it with one line in <see cref="ReminderExtensions"/>.
/// The party job asks every source, drops keys already recorded, and records the rest with their mails in one
/// transaction. A source only reads: it must not save, send or decide recipients.
/// </summary>
public interface IReminderSource
{
    /// <summary>
    /// Every reminder whose threshold has been reached for the current party (the context's database is scoped to it),
    /// including ones already sent — the ledger filters those. Return the latest threshold reached per case and kind,
    /// so a case that skipped a threshold (the app was down) gets one reminder, not a burst.
    /// </summary>
    Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The sweep's pre-check, across all parties at once (<see cref="CrossParty"/>, owner path): the ids of the active
    /// parties for which <see cref="FindDueAsync"/> may find something. It must be a superset — it may name a party that
    /// turns out to have nothing due, never miss one that has — so it uses the same thresholds from each party's
    /// settings (or a bound that is safe for all of them), and ignores the ledger. Party ids only: no case, no name.
    /// </summary>
    Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What a source's pre-check sees: the cross-party sets (read-only, no party filter), the active parties' settings by
/// id, and the time. <see cref="Parties"/> is the active parties, to start a per-party query from (one index probe per
/// party on the party-first indexes, instead of a scan of the whole register).
/// </summary>
public sealed record ReminderCandidateContext(CrossParty.Sets Sets, IReadOnlyDictionary<Guid, PartySettings> Settings, DateTimeOffset Now, DateOnly Today)
{
    public IQueryable<Party> Parties => Sets.Set<Party>().Where(p => p.IsActive);

    /// <summary>The loosest value of a setting over all active parties: a bound that is safe for every one of them.</summary>
    public T Loosest<T>(Func<PartySettings, T> threshold, bool largest)
        where T : IComparable<T> => largest ? Settings.Values.Select(threshold).Max()! : Settings.Values.Select(threshold).Min()!;
}

/// <summary>What a source sees: the party's database, the party (its settings hold the thresholds) and the time.</summary>
public sealed record ReminderContext(AppDbContext Db, Party Party, DateTimeOffset Now, DateOnly Today);

/// <summary>
/// A reminder that is due. (<see cref="SubjectId"/>, <see cref="Kind"/>, <see cref="Threshold"/>) is its key in the
/// ledger: it is sent once per party, ever. The text fields go into the mail and must carry no personal data — the case
/// number, the deadline and a link only, never a requester's name, personnummer or a breach's details.
/// </summary>
/// <param name="SubjectId">The case (or allocation, drill …) the reminder is about.</param>
/// <param name="Kind">Stable dotted name, e.g. <c>request.due</c>; part of the key, so never rename one in use.</param>
/// <param name="Threshold">Which step of the kind: days before, hours after, weeks overdue …</param>
/// <param name="CaseNumber">The diarienummer (or another non-personal reference).</param>
/// <param name="Headline">One Swedish sentence, e.g. "Begäran förfaller om 2 dagar." — no personal data.</param>
/// <param name="Deadline">The deadline as shown, e.g. "24 november 2026".</param>
/// <param name="Path">Link path inside the app, e.g. <c>/ostersund/begaranden/{id}</c>.</param>
/// <param name="AssignedUserId">The responsible officer (AppUser id), if any; the party's DPOs are always added.</param>
/// <param name="ControllerIds">
/// The controllers (nämnder) the reminder concerns; empty = the whole party. A DPO whose allocations cover only some of
/// the party's controllers gets a reminder only when it concerns one of them (or the whole party).
/// </param>
/// <param name="Summary">A short form of the headline for the subject (e.g. "besvaras inom 2 dagar"); the headline when null.</param>
/// <param name="IsCase">True when <see cref="CaseNumber"/> is a case number ("Ärende:"); false for another reference ("Gäller:").</param>
/// <param name="Urgent">Sent at once even to a recipient who chose the daily digest (the breach clock counts hours).</param>
public sealed record DueReminder(
    Guid SubjectId,
    string Kind,
    int Threshold,
    string CaseNumber,
    string Headline,
    string Deadline,
    string Path,
    Guid? AssignedUserId,
    IReadOnlyList<Guid>? ControllerIds = null,
    string? Summary = null,
    bool IsCase = true,
    bool Urgent = false);
