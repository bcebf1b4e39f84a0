using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>Each feature declares its recurring jobs in its own AddX; all of them reach Hangfire, in Swedish time.</summary>
public sealed class RecurringJobsTests
{
    private sealed class NoMigrationFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStartup", "false");
        }
    }

    [PostgresFact]
    public void EveryFeaturesRecurringJob_IsRegisteredWithHangfire_InSwedishTime()
    {
        using var factory = new NoMigrationFactory();
        var entries = factory.Services.GetServices<RecurringJobEntry>().ToList();
        Assert.Equal(["reminder-sweep", "retention-sweep"], entries.Select(e => e.Id).Order().ToArray());

        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        var options = new JobsOptions();
        foreach (var entry in entries)
        {
            entry.Register(manager, options, new RecurringJobOptions { TimeZone = Swedish.TimeZone });
        }

        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal(options.ReminderSweepCron, jobs["reminder-sweep"].Cron);
        Assert.Equal(options.RetentionSweepCron, jobs["retention-sweep"].Cron);
        Assert.All(jobs.Values, j => Assert.Equal(Swedish.TimeZone.Id, j.TimeZoneId));
    }
}
