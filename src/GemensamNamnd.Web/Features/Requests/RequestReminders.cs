using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The request register's reminders, from the stored deadlines (thresholds in <see cref="PartySettings"/>):
/// before the deadline in force (default 7 and 2 days, and the due day), weekly while overdue, the last days to tell
/// the data subject of an extension (Art. 12(3), within the first month; default 3 days before), and an identity check
/// left waiting (Art. 12(6); default 7 days); and, once a rectification, erasure or restriction is carried out, weekly
/// until every recipient of the data is told or exempt (Art. 19, <see cref="RecipientNotification"/>).
/// </summary>
public sealed class RequestReminderSource : IReminderSource
{
    public const string Due = "request.due";
    public const string ExtendedDue = "request.extended-due";
    public const string Overdue = "request.overdue";
    public const string ExtendedOverdue = "request.extended-overdue";
    public const string ExtensionNotice = "request.extension-notice";
    public const string IdentityCheck = "request.identity-check";
    public const string Recipients = "request.recipients";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var s = context.Party.Settings;
        var before = s.RequestReminderDays.Where(d => d >= 0).Distinct().ToList();
        var noticeDays = Math.Max(0, s.ExtensionNoticeReminderDays);
        var horizon = context.Today.AddDays(HorizonDays(s));

        // One query on the party's (status, deadline) index: deadlines near or past, and identity checks left waiting.
        var waitedSince = context.Now.AddDays(-IdentityWaitDays(s));
        var rows = await context.Db.Requests.AsNoTracking()
            .Where(r => (RequestStatusRules.Open.Contains(r.Status) && r.EffectiveDueOn <= horizon)
                || (r.Status == RequestStatus.IdentityCheck && r.IdentityConfirmedAt == null && r.IdentityCheckAskedAt <= waitedSince))
            .Select(r => new Row(r.Id, r.CaseNumber, r.Status, r.DueOn, r.EffectiveDueOn, r.IdentityCheckAskedAt, r.IdentityConfirmedAt, r.AssignedOfficerId, r.ControllerId))
            .ToListAsync(cancellationToken);
        var near = rows.Where(r => r.EffectiveDueOn <= horizon);
        var waiting = rows.Where(r => r.Status == RequestStatus.IdentityCheck && r.IdentityConfirmedAt == null && r.IdentityCheckAskedAt <= waitedSince);

        var result = new List<DueReminder>();
        var slug = context.Party.Slug;
        foreach (var r in near)
        {
            var path = $"/{slug}/begaranden/{r.Id}";
            var extended = r.Status == RequestStatus.Extended;
            if (DeadlineKey(r.EffectiveDueOn, context.Today, before, s.RequestOverdueReminderEveryDays, extended) is { } key)
            {
                result.Add(new DueReminder(r.Id, key.Kind, key.Threshold, r.CaseNumber, DeadlineHeadline(r.EffectiveDueOn, context.Today), SwedishDates.Long(r.EffectiveDueOn), path, r.AssignedOfficerId,
                    [r.ControllerId], DeadlineSummary(r.EffectiveDueOn, context.Today)));
            }

            var noticeLeft = r.DueOn.DayNumber - context.Today.DayNumber;
            if (!extended && noticeLeft >= 0 && noticeLeft <= noticeDays)
            {
                result.Add(new DueReminder(r.Id, ExtensionNotice, noticeDays, r.CaseNumber,
                    $"Ska ärendet förlängas måste den registrerade meddelas senast {SwedishDates.Long(r.DueOn)} (art. 12.3).",
                    SwedishDates.Long(r.DueOn), path, r.AssignedOfficerId, [r.ControllerId], $"meddela ev. förlängning senast {SwedishDates.Long(r.DueOn)}"));
            }
        }

        foreach (var r in waiting)
        {
            result.Add(new DueReminder(r.Id, IdentityCheck, Math.Max(1, s.IdentityCheckReminderDays), r.CaseNumber,
                $"Identitetskontrollen har väntat i minst {Math.Max(1, s.IdentityCheckReminderDays)} dagar utan svar (art. 12.6).",
                SwedishDates.Long(r.EffectiveDueOn), $"/{slug}/begaranden/{r.Id}", r.AssignedOfficerId, [r.ControllerId],
                $"Identitetskontrollen har väntat {Swedish.Count(Math.Max(1, s.IdentityCheckReminderDays), "dag", "dagar")}"));
        }

        result.AddRange(await RecipientsDueAsync(context, cancellationToken));
        return result;
    }

    /// <summary>
    /// Answered cases where Art. 19 is still open — a covered right carried out, and neither "no recipients" nor every
    /// recipient told or exempt — one reminder per week since the answer (threshold = weeks).
    /// </summary>
    private static async Task<List<DueReminder>> RecipientsDueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var firstWeek = context.Today.AddDays(-RecipientNotification.ReminderEveryDays);
        var rows = await OutstandingRecipients(context.Db.Requests.AsNoTracking(), context.Db.RequestRecipients, firstWeek)
            .Select(r => new
            {
                r.Id,
                r.CaseNumber,
                r.AnsweredOn,
                r.AssignedOfficerId,
                r.ControllerId,
                r.Outcomes,
                States = context.Db.RequestRecipients.Where(x => x.RequestId == r.Id).Select(x => x.State).ToList(),
            })
            .ToListAsync(cancellationToken);
        var result = new List<DueReminder>();
        foreach (var r in rows)
        {
            var carriedOut = RecipientNotification.CarriedOut(r.Outcomes.Select(o => o.ToInput()));
            if (!RecipientNotification.Outstanding(carriedOut, noRecipients: false, r.States)
                || RecipientNotification.ReminderStep(r.AnsweredOn!.Value, context.Today) is not { } step)
            {
                continue;
            }

            var left = r.States.Count(s => s == RecipientNoticeState.Pending);
            var headline = left == 0
                ? "Rättelse, radering eller begränsning är genomförd: registrera vilka mottagare uppgifterna lämnats ut till, eller att de inte lämnats ut (art. 19)."
                : $"{Swedish.Count(left, "mottagare", "mottagare")} har ännu inte underrättats om rättelsen, raderingen eller begränsningen (art. 19).";
            result.Add(new DueReminder(r.Id, Recipients, step, r.CaseNumber, headline, SwedishDates.Long(r.AnsweredOn.Value),
                $"/{context.Party.Slug}/begaranden/{r.Id}#mottagare", r.AssignedOfficerId, [r.ControllerId], "underrätta mottagare (art. 19)"));
        }

        return result;
    }

    /// <summary>
    /// The query both the sweep and its pre-check use for Art. 19: answered at least a week ago, asking for a covered
    /// right, "no recipients" not recorded, and no recipient recorded or one still pending. Whether a covered right was
    /// carried out (the outcomes) is decided in memory.
    /// </summary>
    private static IQueryable<DataSubjectRequest> OutstandingRecipients(IQueryable<DataSubjectRequest> requests, IQueryable<RequestRecipient> recipients, DateOnly answeredBy) =>
        requests.Where(r => r.Status == RequestStatus.Answered && r.AnsweredOn <= answeredBy && r.NoRecipientsRecordedAt == null
            && (r.Rights & RecipientNotification.Covered) != DataSubjectRights.None
            && (!recipients.Any(x => x.RequestId == r.Id) || recipients.Any(x => x.RequestId == r.Id && x.State == RecipientNoticeState.Pending)));

    /// <summary>
    /// Parties with an open case whose deadline in force is within the party's horizon (or past), or an identity check
    /// waiting its days: the same two conditions as <see cref="FindDueAsync"/>'s query, per party. One query, two index
    /// probes per party, bounded by the loosest setting; each party's own setting is then applied to its earliest date.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> FindCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var horizon = context.Today.AddDays(context.Loosest(HorizonDays, largest: true));
        var waitedSince = context.Now.AddDays(-context.Loosest(IdentityWaitDays, largest: false));
        var open = RequestStatusRules.Open;
        var requests = context.Sets.Set<DataSubjectRequest>();
        var rows = await context.Parties.Select(p => new
        {
            p.Id,
            Due = requests.Where(r => r.PartyId == p.Id && open.Contains(r.Status) && r.EffectiveDueOn <= horizon).Min(r => (DateOnly?)r.EffectiveDueOn),
            Asked = requests.Where(r => r.PartyId == p.Id && r.Status == RequestStatus.IdentityCheck && r.IdentityConfirmedAt == null && r.IdentityCheckAskedAt <= waitedSince)
                .Min(r => r.IdentityCheckAskedAt),
        }).Where(x => x.Due != null || x.Asked != null).ToListAsync(cancellationToken);
        var recipients = await OutstandingRecipients(requests, context.Sets.Set<RequestRecipient>(), context.Today.AddDays(-RecipientNotification.ReminderEveryDays))
            .Select(r => r.PartyId).Distinct().ToListAsync(cancellationToken);
        return [.. rows.Where(x => context.Settings.TryGetValue(x.Id, out var s)
            && (x.Due <= context.Today.AddDays(HorizonDays(s)) || x.Asked <= context.Now.AddDays(-IdentityWaitDays(s))))
            .Select(x => x.Id).Union(recipients.Where(context.Settings.ContainsKey))];
    }

    /// <summary>How far ahead a party's request reminders look: its furthest "days before" or the extension notice's days.</summary>
    public static int HorizonDays(PartySettings s) =>
        Math.Max(s.RequestReminderDays.Where(d => d >= 0).DefaultIfEmpty(0).Max(), Math.Max(0, s.ExtensionNoticeReminderDays));

    /// <summary>Days an identity check waits before its reminder (at least one).</summary>
    public static int IdentityWaitDays(PartySettings s) => Math.Max(1, s.IdentityCheckReminderDays);

    /// <summary>
    /// The deadline reminder a case is at on <paramref name="today"/>: the smallest threshold (days before) already
    /// reached — so a skipped threshold yields one reminder, not a burst — then, once overdue by a full interval, one per
    /// interval (<c>request.overdue</c>, threshold = intervals overdue). Null before the first threshold.
    /// </summary>
    public static (string Kind, int Threshold)? DeadlineKey(DateOnly due, DateOnly today, IReadOnlyCollection<int> daysBefore, int overdueEveryDays, bool extended)
    {
        var left = due.DayNumber - today.DayNumber;
        var every = Math.Max(1, overdueEveryDays);
        if (left < 0 && -left >= every)
        {
            return (extended ? ExtendedOverdue : Overdue, -left / every);
        }

        var reached = daysBefore.Where(d => d >= left).ToList();
        return reached.Count == 0 ? null : (extended ? ExtendedDue : Due, reached.Min());
    }

    private static string DeadlineHeadline(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        0 => "Sista dag att besvara begäran är i dag.",
        1 => "Begäran ska besvaras senast i morgon.",
        > 1 and var n => $"Begäran ska besvaras inom {n} dagar.",
        var n => $"Begäran är {Swedish.Count(-n, "dag", "dagar")} försenad (art. 12.3).",
    };

    /// <summary>The subject's short form of <see cref="DeadlineHeadline"/>.</summary>
    private static string DeadlineSummary(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        0 => "sista svarsdag i dag",
        1 => "besvaras senast i morgon",
        > 1 and var n => $"besvaras inom {n} dagar",
        var n => $"{Swedish.Count(-n, "dag", "dagar")} försenad",
    };

    private sealed record Row(Guid Id, string CaseNumber, RequestStatus Status, DateOnly DueOn, DateOnly EffectiveDueOn, DateTimeOffset? IdentityCheckAskedAt, DateTimeOffset? IdentityConfirmedAt, Guid? AssignedOfficerId, Guid ControllerId);
}
