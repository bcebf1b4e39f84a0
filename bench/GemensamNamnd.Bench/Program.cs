// Reminder and outbox benchmark (issue 7): 311 parties and 1,000,000 open requests on PostgreSQL.
// Prints the time of a full sweep when nothing is due, the cost per due reminder, allocations and peak memory, and
// outbox dispatch throughput to a local aiosmtpd beside a raw MailKit send loop in the same run.
// Run with scripts/bench-reminders.sh, which starts PostgreSQL and aiosmtpd; not a test, nothing is asserted.
using System.Diagnostics;
using System.Globalization;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Infrastructure.Jobs;
using GemensamNamnd.Web.Parties;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;

var admin = Environment.GetEnvironmentVariable("GN_BENCH_PG") ?? throw new InvalidOperationException("GN_BENCH_PG saknas: kör scripts/bench-reminders.sh");
var smtpPort = int.Parse(Environment.GetEnvironmentVariable("GN_BENCH_SMTP_PORT") ?? "2525", CultureInfo.InvariantCulture);
var parties = int.Parse(Environment.GetEnvironmentVariable("GN_BENCH_PARTIES") ?? "311", CultureInfo.InvariantCulture);
var requests = int.Parse(Environment.GetEnvironmentVariable("GN_BENCH_REQUESTS") ?? "1000000", CultureInfo.InvariantCulture);
var dueCount = int.Parse(Environment.GetEnvironmentVariable("GN_BENCH_DUE") ?? "3000", CultureInfo.InvariantCulture);
var mails = int.Parse(Environment.GetEnvironmentVariable("GN_BENCH_MAILS") ?? "5000", CultureInfo.InvariantCulture);

// A fresh database with the production role layout (owner migrates, application role without BYPASSRLS).
var name = "gn_bench_" + Guid.NewGuid().ToString("N")[..8];
await using (var c = new NpgsqlConnection(admin))
{
    await c.OpenAsync();
    await Exec(c, """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gn_bench_owner') THEN CREATE ROLE gn_bench_owner LOGIN CREATEDB PASSWORD 'bench'; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gn_bench_app') THEN CREATE ROLE gn_bench_app LOGIN NOBYPASSRLS PASSWORD 'bench'; END IF;
        END $$;
        """);
    await Exec(c, $"CREATE DATABASE {name} OWNER gn_bench_owner");
}

string Conn(string role) => new NpgsqlConnectionStringBuilder(admin) { Database = name, Username = role, Password = "bench", MaxPoolSize = 50 }.ConnectionString;

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Postgres",
    ["Database:ApplicationRole"] = "gn_bench_app",
    ["ConnectionStrings:App"] = Conn("gn_bench_app"),
    ["ConnectionStrings:Owner"] = Conn("gn_bench_owner"),
    ["Hangfire:ServerEnabled"] = "false",
    ["Mail:Host"] = "127.0.0.1",
    ["Mail:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
    ["Mail:Security"] = "None",
    ["Mail:BatchSize"] = "200",
});
builder.AddData();
builder.AddFeatures();
builder.AddJobs();
using var host = builder.Build();
await using (var scope = host.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(seedDemo: false);
}

Console.WriteLine($"Seeding {parties} parties and {requests:N0} open requests (nothing due) …");
var seed = Stopwatch.StartNew();
await using (var owner = new NpgsqlConnection(Conn("gn_bench_owner")))
{
    await owner.OpenAsync();
    await Exec(owner, $"""
        INSERT INTO parties (id, slug, name, kind, entra_tenant_ids, is_active, "Settings")
        SELECT gen_random_uuid(), 'bench-' || g, 'Bänkkommun ' || g, 'Kommun', ARRAY[]::uuid[], true, (SELECT "Settings" FROM parties LIMIT 1)
        FROM generate_series(1, GREATEST(0, {parties} - (SELECT count(*) FROM parties))) g;
        INSERT INTO data_controllers (id, party_id, name, kind, is_active, version)
        SELECT gen_random_uuid(), p.id, 'Kommunstyrelsen', 'Namnd', true, gen_random_uuid() FROM parties p;
        -- Every party in order, so the other registers' reminders have nothing due either: an ordinary DPO told to IMY
        -- for every controller, no end date, and a drill last month.
        INSERT INTO dpo_persons (id, name, work_email, other_roles, is_active, version)
        SELECT gen_random_uuid(), 'Ombud ' || p.slug, 'dso@' || p.slug || '.example', ARRAY[]::text[], true, gen_random_uuid() FROM parties p;
        INSERT INTO dpo_allocations (id, party_id, person_id, role, controller_ids, share_percent, starts_on, reports_to, reporting_level, imy_reported_on, version)
        SELECT gen_random_uuid(), p.id, d.id, 'Ordinarie', ARRAY(SELECT c.id FROM data_controllers c WHERE c.party_id = p.id), 50,
               current_date - 365, 'Kommunstyrelsen', 'HighestManagement', current_date - 360, gen_random_uuid()
        FROM parties p JOIN dpo_persons d ON d.name = 'Ombud ' || p.slug;
        INSERT INTO drills (id, party_id, held_on, scenario, participants, version)
        SELECT gen_random_uuid(), p.id, current_date - 30, 'Bänkövning', 'Kansliet', gen_random_uuid() FROM parties p;
        """);
    // Deadlines 10–400 days ahead: open, but no reminder due today.
    await Exec(owner, $"""
        INSERT INTO requests (id, party_id, case_number, received_at, channel, controller_id, rights, requester_name, protected_identity,
                              status, clock_start_on, due_on, extended_due_on, effective_due_on, version)
        SELECT gen_random_uuid(), p.id, 'KS 2026/' || g, now(), 'Letter', c.id, 1, 'Bänk', false,
               CASE WHEN g % 4 = 0 THEN 'InProgress' ELSE 'Registered' END,
               current_date, current_date + 10 + (g % 390), current_date + 70 + (g % 390), current_date + 10 + (g % 390), gen_random_uuid()
        FROM (SELECT p.id, row_number() OVER () AS n FROM parties p) p
        JOIN data_controllers c ON c.party_id = p.id
        CROSS JOIN LATERAL generate_series(1, {requests} / {parties} + CASE WHEN p.n <= {requests} % {parties} THEN 1 ELSE 0 END) g;
        ANALYZE;
        """);
}

Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:F1} s");

var partyIds = await host.Services.GetRequiredService<CrossParty>().ReadAsync(s => s.Set<Party>().Select(p => p.Id).ToListAsync());

// Warm-up (JIT, pools, plans), then the measured sweep when nothing is due.
await RunAllAsync(partyIds.Take(5));
var nothingRecorded = 0;
var (nothing, nothingAlloc, _) = await MeasureAsync(async () => nothingRecorded = await RunAllAsync(partyIds));
var (parallel, _, _) = await MeasureAsync(() => Parallel.ForEachAsync(partyIds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<PartyReminderJob>().RunAsync(id, ct);
}));
var sweepEnqueue = Stopwatch.StartNew();
await using (var scope = host.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None);
}

sweepEnqueue.Stop();
var enqueuedNothingDue = EnqueuedCount();
Console.WriteLine();
Console.WriteLine($"Every party's job, nothing due: {nothing.TotalMilliseconds:F0} ms for {partyIds.Count} party jobs run one after another; allocated {nothingAlloc / 1024.0 / 1024.0:F1} MB; {nothingRecorded} reminders recorded (must be 0)");
Console.WriteLine($"Every party's job, nothing due, 4 jobs at a time (Hangfire's default worker count here): {parallel.TotalMilliseconds:F0} ms");
Console.WriteLine($"Sweep job itself (pre-check, then enqueue the candidates' party jobs in Hangfire's PostgreSQL storage): {sweepEnqueue.ElapsedMilliseconds} ms, {enqueuedNothingDue} enqueued (warm-up run)");
await CompareSweepAsync("nothing due");

// Make some requests due in two days, spread over all parties, and measure the cost per due reminder.
await using (var owner = new NpgsqlConnection(Conn("gn_bench_owner")))
{
    await owner.OpenAsync();
    await Exec(owner, $"UPDATE requests SET effective_due_on = current_date + 2, due_on = current_date + 2 WHERE id IN (SELECT id FROM requests ORDER BY id LIMIT {dueCount}); ANALYZE requests;");
}

var reminders = 0;
var (due, dueAlloc, _) = await MeasureAsync(async () => reminders = await RunAllAsync(partyIds));
var extraTime = due - nothing;
Console.WriteLine($"Every party's job with {dueCount:N0} cases due: {due.TotalMilliseconds:F0} ms, {reminders:N0} reminders recorded → {(reminders == 0 ? 0 : extraTime.TotalMilliseconds / reminders):F3} ms and {(reminders == 0 ? 0 : (dueAlloc - nothingAlloc) / (double)reminders / 1024):F1} KB allocated per due reminder (above the empty sweep)");

// Forget what was just recorded (ledger and its mails), so the sweep below finds the same cases due and records them again.
await using (var owner = new NpgsqlConnection(Conn("gn_bench_owner")))
{
    await owner.OpenAsync();
    await Exec(owner, "DELETE FROM sent_reminders; DELETE FROM outbox_messages;");
}

await CompareSweepAsync($"{dueCount:N0} cases due", runs: 1);

// Outbox dispatch throughput to aiosmtpd, beside a raw MailKit loop against the same server: the reminders' mails
// first (whatever the sweeps above queued), then rounds of the dispatcher and the raw loop on the same number
// of mails, interleaved, so both see the same machine.
var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
var reminderMails = await CountPendingAsync();
var drain = Stopwatch.StartNew();
var drained = await dispatcher.DispatchAllAsync();
Console.WriteLine($"Outbox, the reminders' mails: {drained:N0} in {drain.Elapsed.TotalSeconds:F2} s ({reminderMails:N0} were pending)");
// Rounds (GN_BENCH_OUTBOX_ROUNDS, 8), the order switched each round (the first of a pair must not be the only one to
// meet, say, PostgreSQL's autovacuum), and the queued rows vacuumed and analysed first, as a table in steady use is. On a
// shared machine one round in a few meets a neighbour's build: the median of the rounds' ratios is the figure, the mean
// is printed beside it. The CPU this process spent per mail is printed too: unlike the rates, it hardly moves with load.
var rounds = int.Parse(Environment.GetEnvironmentVariable("GN_BENCH_OUTBOX_ROUNDS") ?? "8", CultureInfo.InvariantCulture);
var ratios = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    await QueueMailsAsync(mails);
    await using (var owner = new NpgsqlConnection(Conn("gn_bench_owner")))
    {
        await owner.OpenAsync();
        await Exec(owner, "VACUUM ANALYZE outbox_messages");
    }

    var rawFirst = round % 2 == 0;
    var raw = rawFirst ? await RawLoopAsync(mails) : default;
    var pending = await CountPendingAsync();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var dispatchWatch = Stopwatch.StartNew();
    var dispatched = await dispatcher.DispatchAllAsync();
    dispatchWatch.Stop();
    var outboxCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / Math.Max(1, dispatched);
    var outboxRate = dispatched / dispatchWatch.Elapsed.TotalSeconds;
    raw = rawFirst ? raw : await RawLoopAsync(mails);
    ratios.Add(outboxRate / raw.Rate);
    Console.WriteLine($"Outbox dispatch, round {round} ({(rawFirst ? "raw loop first" : "outbox first")}): {dispatched:N0} mails in {dispatchWatch.Elapsed.TotalSeconds:F2} s → {outboxRate:F0} mails/s, {outboxCpu:F0} µs CPU per mail ({pending:N0} were pending, {await CountPendingAsync()} left); raw MailKit loop, one connection: {raw.Rate:F0} mails/s, {raw.CpuMicroseconds:F0} µs CPU per mail → outbox at {100 * outboxRate / raw.Rate:F0} % of raw");
}

Console.WriteLine($"Outbox beside the raw MailKit loop over {rounds} rounds: median {100 * Median(ratios):F0} %, mean {100 * ratios.Average():F0} % (goal ≥ 90 %)");

Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB; total allocated: {GC.GetTotalAllocatedBytes() / 1024 / 1024} MB; GC gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");

await using (var c = new NpgsqlConnection(admin))
{
    await c.OpenAsync();
    NpgsqlConnection.ClearAllPools();
    await Exec(c, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
}

// The set-based reference: ONE query as the owner role finding, across all parties, the active parties with something
// due — what every source looks for, with each party's thresholds read from its settings (the ledger aside, as in the
// pre-check). Not the product's code: the yardstick for the sweep.
async Task<(TimeSpan Elapsed, int Parties)> ReferenceAsync()
{
    await using var c = new NpgsqlConnection(Conn("gn_bench_owner"));
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand(ReferenceSql, c);
    cmd.Parameters.AddWithValue("open", RequestStatusRules.Open.Select(x => x.ToString()).ToArray());
    cmd.Parameters.AddWithValue("today", GemensamNamnd.Web.Infrastructure.Swedish.Date(DateTimeOffset.UtcNow));
    await cmd.PrepareAsync();
    var watch = Stopwatch.StartNew();
    var found = 0;
    await using (var reader = await cmd.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            found++;
        }
    }

    return (watch.Elapsed, found);
}

// The whole sweep as it runs in production: the recurring job (pre-check, then one enqueue per candidate party into
// Hangfire's PostgreSQL storage) plus the party jobs it causes, run one after another here (the enqueued jobs' ids are
// read back from the queue); beside the reference, the median of the runs, each pair interleaved.
async Task CompareSweepAsync(string label, int runs = 5)
{
    var sweeps = new List<double>();
    var enqueues = new List<double>();
    var references = new List<double>();
    var referenceParties = 0;
    var enqueued = 0;
    for (var i = 0; i < runs; i++)
    {
        var reference = await ReferenceAsync();
        references.Add(reference.Elapsed.TotalMilliseconds);
        referenceParties = reference.Parties;

        ClearQueue();
        var watch = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderSweepJob>().RunAsync(CancellationToken.None);
        }

        var enqueue = watch.Elapsed.TotalMilliseconds;
        var candidates = EnqueuedPartyIds();
        enqueued = candidates.Count;
        await RunAllAsync(candidates);
        sweeps.Add(watch.Elapsed.TotalMilliseconds);
        enqueues.Add(enqueue);
    }

    var r = Median(references);
    var w = Median(sweeps);
    Console.WriteLine($"Set-based reference, {label} (one SQL query as owner, every register, all parties): {r:F1} ms, {referenceParties} parties with something due");
    Console.WriteLine($"Whole sweep, {label} (recurring job: pre-check {Median(enqueues):F1} ms incl. enqueueing {enqueued} of {partyIds.Count} parties' jobs; plus those jobs): {w:F1} ms → {w / r:F1}× the reference{(enqueued == 0 ? " (goal ≤ 5×)" : string.Empty)}");
    ClearQueue();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

long EnqueuedCount() => host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedCount("default");

List<Guid> EnqueuedPartyIds()
{
    var api = host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
    return [.. api.EnqueuedJobs("default", 0, int.MaxValue).Select(j => (Guid)j.Value.Job.Args[0])];
}

void ClearQueue()
{
    using var c = new NpgsqlConnection(Conn("gn_bench_owner"));
    c.Open();
    using var cmd = new NpgsqlCommand("DELETE FROM hangfire.jobqueue; DELETE FROM hangfire.job;", c);
    cmd.ExecuteNonQuery();
}

async Task QueueMailsAsync(int count)
{
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTimeOffset.UtcNow;
    db.OutboxMessages.AddRange(Enumerable.Range(1, count).Select(i => new OutboxMessage
    {
        To = $"mottagare{i % 50}@bench.test", From = "bench@gemensamnamnd.test", Subject = $"Bänk {i}",
        TextBody = "Påminnelse: KS 2026/0042, sista dag 24 november 2026.", HtmlBody = "<p>Påminnelse: KS 2026/0042</p>",
        CreatedAt = now, NextAttemptAt = now,
    }));
    await db.SaveChangesAsync();
}

async Task<(double Rate, double CpuMicroseconds)> RawLoopAsync(int count)
{
    using var client = new SmtpClient();
    await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var raw = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        // The same mail as the outbox's rows above (addresses, subject, bodies, a Message-Id and a date), built by hand.
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse("bench@gemensamnamnd.test"));
        m.To.Add(MailboxAddress.Parse($"mottagare{i % 50}@bench.test"));
        m.Subject = $"Bänk {i}";
        m.MessageId = $"{Guid.CreateVersion7():N}@gemensamnamnd.test";
        m.Date = DateTimeOffset.UtcNow;
        m.Body = new BodyBuilder { TextBody = "Påminnelse: KS 2026/0042, sista dag 24 november 2026.", HtmlBody = "<p>Påminnelse: KS 2026/0042</p>" }.ToMessageBody();
        await client.SendAsync(m);
    }

    raw.Stop();
    var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / count;
    await client.DisconnectAsync(true);
    return (count / raw.Elapsed.TotalSeconds, used);
}

async Task<int> RunAllAsync(IEnumerable<Guid> ids)
{
    var total = 0;
    foreach (var id in ids)
    {
        await using var scope = host.Services.CreateAsyncScope();
        total += (await scope.ServiceProvider.GetRequiredService<PartyReminderJob>().RunAsync(id, CancellationToken.None)).Reminders;
    }

    return total;
}

static async Task<(TimeSpan Elapsed, long Allocated, int Result)> MeasureAsync(Func<Task> work)
{
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    await work();
    watch.Stop();
    return (watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - before, 0);
}

async Task<long> CountPendingAsync()
{
    await using var c = new NpgsqlConnection(Conn("gn_bench_owner"));
    await c.OpenAsync();
    await using var cmd = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE status = 'Pending'", c);
    return (long)(await cmd.ExecuteScalarAsync())!;
}

static async Task Exec(NpgsqlConnection c, string sql)
{
    await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
    await cmd.ExecuteNonQueryAsync();
}

partial class Program
{
    // Each party's thresholds from its settings (jsonb), then one EXISTS per rule of every source, all in one statement.
    private const string ReferenceSql = """
        WITH t AS (
          SELECT p.id,
                 @today + GREATEST(COALESCE((SELECT max(d::int) FROM jsonb_array_elements_text(p."Settings"->'RequestReminderDays') d WHERE d::int >= 0), 0),
                                   GREATEST(0, (p."Settings"->>'ExtensionNoticeReminderDays')::int)) AS request_horizon,
                 now() - make_interval(days => GREATEST(1, (p."Settings"->>'IdentityCheckReminderDays')::int)) AS identity_since,
                 now() - make_interval(hours => COALESCE((SELECT min(h::int) FROM jsonb_array_elements_text(p."Settings"->'BreachReminderHours') h WHERE h::int > 0), 72)) AS aware_before,
                 @today + GREATEST(0, (p."Settings"->>'SupplementReminderDays')::int) AS supplement_by,
                 (@today - make_interval(months => GREATEST(1, (p."Settings"->>'DrillIntervalMonths')::int)))::date AS drill_after
          FROM parties p WHERE p.is_active)
        SELECT t.id FROM t
        WHERE EXISTS (SELECT 1 FROM requests r WHERE r.party_id = t.id AND r.status = ANY(@open) AND r.effective_due_on <= t.request_horizon)
           OR EXISTS (SELECT 1 FROM requests r WHERE r.party_id = t.id AND r.status = 'IdentityCheck' AND r.identity_confirmed_at IS NULL AND r.identity_check_asked_at <= t.identity_since)
           OR EXISTS (SELECT 1 FROM breaches b WHERE b.party_id = t.id AND b.reported_at IS NULL AND b.reportable IS DISTINCT FROM false AND b.status <> 'Closed' AND b.aware_at <= t.aware_before)
           OR EXISTS (SELECT 1 FROM breaches b WHERE b.party_id = t.id AND b.status = 'ReportedToImy' AND b.supplement_due_on <= t.supplement_by)
           OR EXISTS (SELECT 1 FROM dpo_allocations a WHERE a.party_id = t.id AND a.ends_on BETWEEN @today AND @today + 30)
           OR EXISTS (SELECT 1 FROM dpo_allocations a WHERE a.party_id = t.id AND a.role = 'Ordinarie' AND a.imy_reported_on IS NULL AND a.starts_on < @today - 14 AND (a.ends_on IS NULL OR a.ends_on >= @today))
           OR EXISTS (SELECT 1 FROM data_controllers c WHERE c.party_id = t.id AND c.is_active AND NOT EXISTS (
                SELECT 1 FROM dpo_allocations a WHERE a.party_id = t.id AND a.role = 'Ordinarie' AND c.id = ANY(a.controller_ids) AND a.starts_on <= @today AND (a.ends_on IS NULL OR a.ends_on >= @today)))
           OR NOT EXISTS (SELECT 1 FROM drills d WHERE d.party_id = t.id AND d.held_on > t.drill_after)
           OR EXISTS (SELECT 1 FROM maturity_rounds m WHERE m.status = 'Open' AND m.closes_on BETWEEN @today AND @today + 7
                        AND NOT EXISTS (SELECT 1 FROM maturity_answers x WHERE x.party_id = t.id AND x.round_id = m.id))
           OR EXISTS (SELECT 1 FROM outbox_messages o WHERE o.party_id = t.id AND o.status = 'Held' AND o.hold_until <= now())
        """;
}
