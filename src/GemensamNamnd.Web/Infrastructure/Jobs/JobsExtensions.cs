using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GemensamNamnd.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire: PostgreSQL storage (schema <c>hangfire</c>, created and granted by the migrate command) when the app runs
/// on PostgreSQL, in-memory storage on the embedded SQLite default. The features declare their own recurring jobs
/// (<see cref="RecurringJobs.AddRecurringJob{TJob}"/> in their <c>AddX</c>); they are registered here at start.
/// </summary>
public static class JobsExtensions
{

    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        // An invalid cron stops the start too: AddOrUpdate refuses it when the recurring jobs are registered.
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = builder.Configuration.GetConnectionString("App");

        // This host's own storage, registered before AddHangfire (which would otherwise take the process-wide
        // JobStorage.Current): the client, the server and the dashboard all use it, even with several hosts in a process.
        builder.Services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.Postgres
            ? new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connection, StorageOptions(options)), StorageOptions(options))
            : new InMemoryStorage());
        builder.Services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        if (options.ServerEnabled)
        {
            builder.Services.AddHostedService<RecurringJobRegistration>();
            builder.Services.AddHangfireServer(o => o.WorkerCount = options.WorkerCount);
        }

        return builder;
    }

    public static PostgreSqlStorageOptions StorageOptions(JobsOptions options) => new()
    {
        SchemaName = options.Schema,
        // The app role cannot create tables: the migrate command installs the schema (InstallPostgresSchemaAsync).
        PrepareSchemaIfNecessary = false,
        // A long job keeps its claim alive by heartbeat instead of being handed to another server after a fixed timeout.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        QueuePollInterval = TimeSpan.FromSeconds(5),
    };

    /// <summary>Creates or upgrades Hangfire's tables in their own schema and grants the application role its rights.</summary>
    public static async Task InstallPostgresSchemaAsync(string ownerConnection, string? applicationRole, JobsOptions options, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnection);
        await connection.OpenAsync(cancellationToken);
        // The installer takes a static logger from Hangfire's process-wide log provider on first use; that provider may
        // belong to a host already disposed (tests build several), so install with none: Hangfire falls back to no-op.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        PostgreSqlObjectsInstaller.Install(connection, options.Schema);
        if (applicationRole is null)
        {
            return;
        }

        // Both names are validated plain identifiers (DatabaseOptions, JobsOptions).
        await using var grant = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA "{options.Schema}" TO "{applicationRole}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{options.Schema}" TO "{applicationRole}";
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "{options.Schema}" TO "{applicationRole}";
            """, connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The dashboard at /hangfire, for global administrators only (the endpoint's policy decides).</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new EndpointPolicyDecides()],
            AppPath = "/admin",
            DashboardTitle = "GemensamNamnd – bakgrundsjobb",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.GlobalAdministrator);
        return app;
    }

    /// <summary>
    /// Hangfire keeps its log provider in process-wide static state and builds static loggers lazily. Where several hosts
    /// live in one process (the tests), a later first use must not call into an earlier host's disposed logger factory.
    /// </summary>
    private sealed class HostLogProvider(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
    {
        private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

        public Hangfire.Logging.ILog GetLogger(string name)
        {
            try
            {
                return _inner.GetLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return new Silent();
            }
        }

        private sealed class Silent : Hangfire.Logging.ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
        }
    }

    /// <summary>The endpoint already required <see cref="Policies.GlobalAdministrator"/>; Hangfire's default (local only) would refuse all.</summary>
    private sealed class EndpointPolicyDecides : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }

    /// <summary>Every feature's recurring jobs, registered at start (an invalid cron stops the start).</summary>
    private sealed class RecurringJobRegistration(IRecurringJobManager jobs, IEnumerable<RecurringJobEntry> entries, IOptions<JobsOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var swedish = new RecurringJobOptions { TimeZone = Swedish.TimeZone };
            foreach (var entry in entries)
            {
                entry.Register(jobs, options.Value, swedish);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
