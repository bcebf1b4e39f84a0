using System.Linq.Expressions;
using Hangfire;

namespace GemensamNamnd.Web.Infrastructure.Jobs;

/// <summary>A recurring job as a feature declares it; <see cref="JobsExtensions"/> registers them all with Hangfire at start.</summary>
public sealed record RecurringJobEntry(string Id, Action<IRecurringJobManager, JobsOptions, RecurringJobOptions> Register);

public static class RecurringJobs
{
    /// <summary>
    /// Declares a recurring job of the feature: its id, its cron (from <see cref="JobsOptions"/>, in Swedish time) and what
    /// it runs. The job itself keeps no state: it derives its work from the database (ADR-007).
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, Func<JobsOptions, string> cron, Expression<Func<TJob, Task>> run)
    {
        ArgumentNullException.ThrowIfNull(cron);
        return services.AddSingleton(new RecurringJobEntry(id, (jobs, options, swedish) => jobs.AddOrUpdate(id, run, cron(options), swedish)));
    }
}
