using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>What one party run did.</summary>
public sealed record PartyReminderResult(int Reminders, int Mails, int Digests);

/// <summary>
/// One party's reminder run, inside that party's scope (row-level security on): asks every <see cref="IReminderSource"/>,
/// records each new key in the ledger with its outbox mails, and folds held mails into daily digests once 07:00 Swedish
/// time has passed — all in one transaction. On PostgreSQL a transaction-scoped advisory lock per party makes
/// concurrent runs (two servers, a retry beside a rerun) take turns; the ledger's unique key is the last guard.
/// </summary>
public sealed class PartyReminders(
    AppDbContext db,
    CurrentParty currentParty,
    IEnumerable<IReminderSource> sources,
    IOptions<MailOptions> mail,
    IOptions<DatabaseOptions> database,
    TimeProvider clock)
{
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public static readonly TimeOnly DigestTime = new(7, 0);

    public async Task<PartyReminderResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var postgres = database.Value.Provider == DatabaseProvider.Postgres;
        if (!postgres)
        {
            await SqliteGate.WaitAsync(cancellationToken);
        }

        try
        {
            // One connection for the whole run: every source's query would otherwise open its own, and each open costs a
            // round trip to set the party for row-level security. Closed in finally, before the context returns to the pool.
            await db.Database.OpenConnectionAsync(cancellationToken);

            // Most runs find nothing: look first without a transaction or lock, and only then take them and derive again.
            var now = clock.GetUtcNow();
            if ((await DeriveAsync(now, cancellationToken)).Count == 0 && !await AnyDigestDueAsync(now, cancellationToken))
            {
                return new PartyReminderResult(0, 0, 0);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (postgres)
            {
                var key = $"reminders:{currentParty.Required.Id}";
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
            }

            var result = await RunLockedAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            if (!postgres)
            {
                SqliteGate.Release();
            }
        }
    }

    private async Task<PartyReminderResult> RunLockedAsync(CancellationToken cancellationToken)
    {
        var party = currentParty.Required;
        var now = clock.GetUtcNow();
        var fresh = await DeriveAsync(now, cancellationToken);
        var mails = 0;
        if (fresh.Count > 0)
        {
            var recipients = await RecipientsAsync(party, cancellationToken);
            var holdUntil = NextDigest(now);
            foreach (var reminder in fresh)
            {
                var (subject, text, html) = ReminderMail.Single(reminder, party.Name, mail.Value.LinkBase);
                var count = 0;
                foreach (var (address, digest) in recipients.For(reminder))
                {
                    db.OutboxMessages.Add(OutboxMessage.ForParty(party, mail.Value, address, (subject, text, html), now, digest && !reminder.Urgent ? holdUntil : null));
                    count++;
                }

                db.SentReminders.Add(new SentReminder
                {
                    SubjectId = reminder.SubjectId,
                    Kind = reminder.Kind,
                    Threshold = reminder.Threshold,
                    RecordedAt = now,
                    Mails = count,
                });
                mails += count;
            }
        }

        var digests = await ReleaseDigestsAsync(party, now, cancellationToken);
        return new PartyReminderResult(fresh.Count, mails, digests);
    }

    /// <summary>Every source's due reminders whose key is not yet in the ledger.</summary>
    private async Task<List<DueReminder>> DeriveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var context = new ReminderContext(db, currentParty.Required, now, Swedish.Date(now));
        var due = new List<DueReminder>();
        foreach (var source in sources)
        {
            due.AddRange(await source.FindDueAsync(context, cancellationToken));
        }

        return await DropRecordedAsync(due, cancellationToken);
    }

    private Task<bool> AnyDigestDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partyId = currentParty.Required.Id;
        return db.OutboxMessages.AnyAsync(m => m.PartyId == partyId && m.Status == OutboxStatus.Held && m.HoldUntil <= now, cancellationToken);
    }

    /// <summary>
    /// The digest's rule for the sweep's pre-check (<see cref="CrossParty.ReminderCandidatesAsync"/>): parties with a held
    /// mail whose 07:00 has come — the same condition as <see cref="AnyDigestDueAsync"/>, per party.
    /// </summary>
    public static async Task<IReadOnlyCollection<Guid>> DigestCandidatesAsync(ReminderCandidateContext context, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var outbox = context.Sets.Set<OutboxMessage>();
        return await context.Parties
            .Where(p => outbox.Any(m => m.PartyId == p.Id && m.Status == OutboxStatus.Held && m.HoldUntil <= now))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    private async Task<List<DueReminder>> DropRecordedAsync(List<DueReminder> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return due;
        }

        var ids = due.Select(d => d.SubjectId).Distinct().ToList();
        var recorded = new HashSet<(Guid, string, int)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.SentReminders.AsNoTracking().Where(r => chunk.Contains(r.SubjectId))
                .Select(r => new { r.SubjectId, r.Kind, r.Threshold }).ToListAsync(cancellationToken);
            recorded.UnionWith(rows.Select(r => (r.SubjectId, r.Kind, r.Threshold)));
        }

        // A source may yield a key twice (two registers, one subject): keep one.
        return due.Where(d => recorded.Add((d.SubjectId, d.Kind, d.Threshold))).ToList();
    }

    /// <summary>
    /// The officer (when assigned), the party's DPOs and the party's extra addresses; one mail per person. The DPOs are
    /// the persons serving the party today by its allocations and the users with the Dataskyddsombud membership. A DPO
    /// person linked to a user (<see cref="DpoPerson.UserId"/>, or the same address) is that user: one mail, to the user's
    /// address, with the user's digest choice. A DPO whose allocations name controllers gets only what concerns them.
    /// </summary>
    private async Task<Recipients> RecipientsAsync(Party party, CancellationToken cancellationToken)
    {
        var members = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && !u.IsDisabled && u.Memberships.Any(m => m.PartyId == party.Id))
            .Select(u => new Recipients.Member(u.Id, u.Email!, u.WantsDailyDigest, u.Memberships.Any(m => m.PartyId == party.Id && m.Role == PartyRole.Dataskyddsombud)))
            .ToListAsync(cancellationToken);

        var today = Swedish.Today(clock);
        var serving = await db.DpoAllocations.AsNoTracking().ServingOn(today)
            .Join(db.DpoPersons.AsNoTracking().Where(p => p.IsActive), a => a.PersonId, p => p.Id,
                (a, p) => new { p.Id, p.UserId, p.WorkEmail, a.ControllerIds })
            .ToListAsync(cancellationToken);
        var linkedIds = serving.Where(s => s.UserId != null).Select(s => s.UserId!.Value).Distinct().ToList();
        var linked = linkedIds.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => linkedIds.Contains(u.Id) && u.Email != null && !u.IsDisabled)
            .Select(u => new Recipients.Member(u.Id, u.Email!, u.WantsDailyDigest, false))
            .ToListAsync(cancellationToken);

        var dpos = new List<Recipients.Dpo>();
        foreach (var person in serving.GroupBy(s => s.Id))
        {
            var first = person.First();
            var address = first.WorkEmail?.Trim();
            var user = (first.UserId is { } id ? linked.FirstOrDefault(u => u.Id == id) : null)
                ?? members.FirstOrDefault(m => string.Equals(m.Email, address, StringComparison.OrdinalIgnoreCase));
            // An allocation that names no controller covers the whole party; so does any one of them that names none.
            HashSet<Guid>? controllers = person.Any(a => a.ControllerIds.Count == 0) ? null : [.. person.SelectMany(a => a.ControllerIds)];
            if (user is not null)
            {
                dpos.Add(new Recipients.Dpo(user.Id, user.Email, user.Digest, controllers));
            }
            else if (!string.IsNullOrWhiteSpace(address))
            {
                dpos.Add(new Recipients.Dpo(null, address, false, controllers));
            }
        }

        // Several persons on one user (or one address): one recipient, covering what each covers.
        dpos = [.. dpos.GroupBy(d => d.UserId?.ToString() ?? d.Address.ToUpperInvariant())
            .Select(g => g.First() with { Controllers = g.Any(d => d.Controllers is null) ? null : g.SelectMany(d => d.Controllers!).ToHashSet() })];
        foreach (var member in members.Where(m => m.IsDpo && dpos.All(d => d.UserId != m.Id)))
        {
            dpos.Add(new Recipients.Dpo(member.Id, member.Email, member.Digest, null));
        }

        return new Recipients(members, dpos, party.Settings.ReminderExtraAddresses);
    }

    /// <summary>Held mails whose 07:00 has come, one digest per recipient; the held rows point at it and are never sent alone.</summary>
    private async Task<int> ReleaseDigestsAsync(Party party, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await db.OutboxMessages
            .Where(m => m.PartyId == party.Id && m.Status == OutboxStatus.Held && m.HoldUntil <= now)
            .ToListAsync(cancellationToken);
        var digests = 0;
        foreach (var group in held.GroupBy(m => m.To, StringComparer.OrdinalIgnoreCase))
        {
            var items = group.OrderBy(m => m.CreatedAt).ToList();
            var (subject, text, html) = ReminderMail.Digest(items.Select(i => (i.Subject, i.TextBody)).ToList(), party.Name, Swedish.Date(now), mail.Value.LinkBase);
            var digest = OutboxMessage.ForParty(party, mail.Value, group.Key, (subject, text, html), now);
            db.OutboxMessages.Add(digest);
            foreach (var item in items)
            {
                item.Status = OutboxStatus.Digested;
                item.DigestId = digest.Id;
            }

            digests++;
        }

        return digests;
    }

    /// <summary>The next 07:00 in Sweden at or after <paramref name="now"/> (daylight saving handled by the zone).</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now)
    {
        var local = Swedish.ToLocal(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) > DigestTime)
        {
            day = day.AddDays(1);
        }

        var at = day.ToDateTime(DigestTime);
        return new DateTimeOffset(at, Swedish.TimeZone.GetUtcOffset(at)).ToUniversalTime();
    }

    private sealed class Recipients(IReadOnlyList<Recipients.Member> members, IReadOnlyList<Recipients.Dpo> dpos, IReadOnlyList<string> extra)
    {
        public sealed record Member(Guid Id, string Email, bool Digest, bool IsDpo);

        /// <summary>A DPO as a recipient: a user (or only a work address), and the controllers covered (null = all).</summary>
        public sealed record Dpo(Guid? UserId, string Address, bool Digest, IReadOnlySet<Guid>? Controllers);

        /// <summary>
        /// The assigned officer first, then the DPOs who cover the reminder's controllers — or every DPO when none does, so
        /// a controller without its own DPO is not left unheard — then the extra addresses; each address once.
        /// </summary>
        public IEnumerable<(string Address, bool Digest)> For(DueReminder reminder)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (members.FirstOrDefault(m => m.Id == reminder.AssignedUserId) is { } officer && seen.Add(officer.Email))
            {
                yield return (officer.Email, officer.Digest);
            }

            var concerned = reminder.ControllerIds is { Count: > 0 } ids
                ? dpos.Where(d => d.Controllers is null || ids.Any(d.Controllers.Contains)).ToList()
                : [.. dpos];
            foreach (var dpo in concerned.Count > 0 ? concerned : dpos)
            {
                if ((dpo.UserId is null || dpo.UserId != reminder.AssignedUserId) && seen.Add(dpo.Address))
                {
                    yield return (dpo.Address, dpo.Digest);
                }
            }

            foreach (var address in extra.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                if (seen.Add(address.Trim()))
                {
                    yield return (address.Trim(), false);
                }
            }
        }
    }
}
