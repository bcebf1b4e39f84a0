using System.Diagnostics;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Hangfire;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>
/// The recurring sweep: one <see cref="PartyReminderJob"/> per active party. Job arguments are ids only — the
/// dashboard shows them — never personal data.
/// </summary>
public sealed class ReminderSweepJob(CrossParty crossParty, IBackgroundJobClient jobs, ILogger<ReminderSweepJob> logger)
{
    public const string RecurringId = "reminder-sweep";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var parties = await crossParty.ActivePartyIdsAsync(cancellationToken);
        foreach (var id in parties)
        {
            jobs.Enqueue<PartyReminderJob>(j => j.RunAsync(id, CancellationToken.None));
        }

        // Infra's alert queries this exact text (infra/modules/alerts.bicep): none for 45 minutes raises it.
        using (logger.BeginScope(new Dictionary<string, object> { ["Parties"] = parties.Count, ["ElapsedMs"] = watch.ElapsedMilliseconds }))
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
