using System.Diagnostics;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Hangfire;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>
/// The recurring sweep: a cheap cross-party pre-check (<see cref="CrossParty.ReminderCandidatesAsync"/>, party ids
/// only) finds the active parties that may have a reminder or digest due, and one <see cref="PartyReminderJob"/> is
/// enqueued for each of those — the rest have nothing to do, and enqueueing a job costs several round trips to
/// Hangfire's storage. Each job still runs in its own party's scope. Job arguments are ids only — the dashboard shows
/// them — never personal data.
/// </summary>
public sealed class ReminderSweepJob(
    CrossParty crossParty,
    IEnumerable<IReminderSource> sources,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<ReminderSweepJob> logger)
{
    public const string RecurringId = "reminder-sweep";

    private const int EnqueueConcurrency = 4;

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var candidates = await crossParty.ReminderCandidatesAsync(sources, clock.GetUtcNow(), cancellationToken);

        // Each enqueue is its own short transaction in the storage (a few round trips): a few at a time when many parties
        // have something due.
        await Parallel.ForEachAsync(candidates.PartyIds, new ParallelOptions { MaxDegreeOfParallelism = EnqueueConcurrency, CancellationToken = cancellationToken },
            (id, _) =>
            {
                jobs.Enqueue<PartyReminderJob>(j => j.RunAsync(id, CancellationToken.None));
                return ValueTask.CompletedTask;
            });

        // Infra's alert queries this exact text (infra/modules/alerts.bicep): none for 45 minutes raises it.
        using (logger.BeginScope(new Dictionary<string, object>
        {
            ["Parties"] = candidates.ActiveParties,
            ["Enqueued"] = candidates.PartyIds.Count,
            ["ElapsedMs"] = watch.ElapsedMilliseconds,
        }))
        {
            logger.LogInformation("Reminder sweep completed");
        }
    }
}

/// <summary>One party's reminders, run as that party (<see cref="PartyScope"/>, so row-level security applies).</summary>
public sealed class PartyReminderJob(PartyScope scope, ILogger<PartyReminderJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task<PartyReminderResult> RunAsync(Guid partyId, CancellationToken cancellationToken)
    {
        var result = await scope.RunIfActiveAsync(partyId, sp => sp.GetRequiredService<PartyReminders>().RunAsync(cancellationToken),
            new PartyReminderResult(0, 0, 0), cancellationToken);
        if (result.Reminders + result.Digests > 0)
        {
            logger.LogInformation("Party {PartyId}: {Reminders} reminders, {Mails} mails, {Digests} digests", partyId, result.Reminders, result.Mails, result.Digests);
        }

        return result;
    }
}
