using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>The nightly sweep: one <see cref="PartyRetentionJob"/> per active party (arguments: ids only), as the reminders do (ADR-007).</summary>
public sealed class RetentionSweepJob(CrossParty crossParty, IBackgroundJobClient jobs, ILogger<RetentionSweepJob> logger)
{
    public const string RecurringId = "retention-sweep";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var parties = await crossParty.ReadAsync(s => s.Set<Party>().Where(p => p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken), cancellationToken);
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
        scope.RunAsync(partyId, sp => sp.GetRequiredService<TenantContext>().Required is { IsActive: false }
            ? Task.FromResult(new RetentionResult(0, 0, 0))
            : sp.GetRequiredService<RetentionRun>().RunAsync(cancellationToken), cancellationToken);
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
        return services;
    }
}
