using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure.Jobs;
using GemensamNamnd.Web.Parties;
using Hangfire;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>The nightly sweep: one <see cref="PartyRetentionJob"/> per active party (arguments: ids only), as the reminders do (ADR-007).</summary>
public sealed class RetentionSweepJob(CrossParty crossParty, IBackgroundJobClient jobs, ILogger<RetentionSweepJob> logger)
{
    public const string RecurringId = "retention-sweep";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var parties = await crossParty.ActivePartyIdsAsync(cancellationToken);
        foreach (var id in parties)
        {
            jobs.Enqueue<PartyRetentionJob>(j => j.RunAsync(id, CancellationToken.None));
        }

        logger.LogInformation("Retention sweep enqueued {Parties} parties", parties.Count);
    }
}

/// <summary>One party's retention, run as that party (<see cref="PartyScope"/>, so row-level security applies).</summary>
public sealed class PartyRetentionJob(PartyScope scope)
{
    [AutomaticRetry(Attempts = 5)]
    public Task<RetentionResult> RunAsync(Guid partyId, CancellationToken cancellationToken) =>
        scope.RunIfActiveAsync(partyId, sp => sp.GetRequiredService<RetentionRun>().RunAsync(cancellationToken), new RetentionResult(0, 0, 0), cancellationToken);
}

public static class RetentionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RetentionPlan>();
        services.AddScoped<RetentionRun>();
        services.AddScoped<RetentionSweepJob>();
        services.AddScoped<PartyRetentionJob>();
        services.AddScoped<SaveRetentionPlan>();
        services.AddScoped<PlaceRetentionHold>();
        services.AddScoped<ReleaseRetentionHold>();
        services.AddRecurringJob<RetentionSweepJob>(RetentionSweepJob.RecurringId, o => o.RetentionSweepCron, j => j.RunAsync(CancellationToken.None));
        return services;
    }
}
