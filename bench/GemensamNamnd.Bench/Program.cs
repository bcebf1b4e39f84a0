// Reminder and outbox benchmark (issue 7): 311 parties and 1,000,000 open requests on PostgreSQL.
// Prints the time of a full sweep when nothing is due, the cost per due reminder, allocations and peak memory, and
// outbox dispatch throughput to a local aiosmtpd beside a raw MailKit send loop in the same run.
// Run with scripts/bench-reminders.sh, which starts PostgreSQL and aiosmtpd; not a test, nothing is asserted.
using System.Diagnostics;
using System.Globalization;
using GemensamNamnd.Web.Data;
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
Console.WriteLine();
Console.WriteLine($"Full sweep, nothing due: {nothing.TotalMilliseconds:F0} ms for {partyIds.Count} party jobs run one after another (goal ≤ 1000 ms); allocated {nothingAlloc / 1024.0 / 1024.0:F1} MB; {nothingRecorded} reminders recorded (must be 0)");
Console.WriteLine($"Full sweep, nothing due, 4 jobs at a time (Hangfire's default worker count here): {parallel.TotalMilliseconds:F0} ms");
Console.WriteLine($"Sweep job itself (enqueue {partyIds.Count} party jobs in Hangfire's PostgreSQL storage): {sweepEnqueue.ElapsedMilliseconds} ms");

// Make some requests due in two days, spread over all parties, and measure the cost per due reminder.
await using (var owner = new NpgsqlConnection(Conn("gn_bench_owner")))
{
    await owner.OpenAsync();
    await Exec(owner, $"UPDATE requests SET effective_due_on = current_date + 2, due_on = current_date + 2 WHERE id IN (SELECT id FROM requests ORDER BY id LIMIT {dueCount}); ANALYZE requests;");
}

var reminders = 0;
var (due, dueAlloc, _) = await MeasureAsync(async () => reminders = await RunAllAsync(partyIds));
var extraTime = due - nothing;
Console.WriteLine($"Sweep with {dueCount:N0} cases due: {due.TotalMilliseconds:F0} ms, {reminders:N0} reminders recorded → {(reminders == 0 ? 0 : extraTime.TotalMilliseconds / reminders):F3} ms and {(reminders == 0 ? 0 : (dueAlloc - nothingAlloc) / (double)reminders / 1024):F1} KB allocated per due reminder (above the empty sweep)");

// Outbox dispatch throughput to aiosmtpd, beside a raw MailKit loop against the same server.
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = DateTimeOffset.UtcNow;
    db.OutboxMessages.AddRange(Enumerable.Range(1, mails).Select(i => new OutboxMessage
    {
        To = $"mottagare{i % 50}@bench.test", From = "bench@gemensamnamnd.test", Subject = $"Bänk {i}",
        TextBody = "Påminnelse: KS 2026/0042, sista dag 24 november 2026.", HtmlBody = "<p>Påminnelse: KS 2026/0042</p>",
        CreatedAt = now, NextAttemptAt = now,
    }));
    await db.SaveChangesAsync();
}

var pending = await CountPendingAsync();
var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
var dispatchWatch = Stopwatch.StartNew();
var dispatched = await dispatcher.DispatchAllAsync();
dispatchWatch.Stop();
Console.WriteLine($"Outbox dispatch: {dispatched:N0} mails in {dispatchWatch.Elapsed.TotalSeconds:F2} s → {dispatched / dispatchWatch.Elapsed.TotalSeconds:F0} mails/s (goal ≥ 300; {pending:N0} were pending, {await CountPendingAsync()} left)");

using (var client = new SmtpClient())
{
    await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None);
    var raw = Stopwatch.StartNew();
    for (var i = 0; i < mails; i++)
    {
        var m = new MimeMessage();
        m.From.Add(MailboxAddress.Parse("bench@gemensamnamnd.test"));
        m.To.Add(MailboxAddress.Parse($"mottagare{i % 50}@bench.test"));
        m.Subject = $"Rå {i}";
        m.Body = new BodyBuilder { TextBody = "Påminnelse", HtmlBody = "<p>Påminnelse</p>" }.ToMessageBody();
        await client.SendAsync(m);
    }

    raw.Stop();
    await client.DisconnectAsync(true);
    Console.WriteLine($"Raw MailKit loop, one connection: {mails:N0} mails in {raw.Elapsed.TotalSeconds:F2} s → {mails / raw.Elapsed.TotalSeconds:F0} mails/s");
}

Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB; total allocated: {GC.GetTotalAllocatedBytes() / 1024 / 1024} MB; GC gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");

await using (var c = new NpgsqlConnection(admin))
{
    await c.OpenAsync();
    NpgsqlConnection.ClearAllPools();
    await Exec(c, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
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
