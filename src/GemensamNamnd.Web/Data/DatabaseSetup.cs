using GemensamNamnd.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// Migrations, the application role's rights and seeding. Run by the <c>migrate</c> command in production
/// (under the owner role) and at start-up only for the embedded default.
/// </summary>
public sealed class DatabaseSetup(
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<DatabaseOptions> options,
    PartySeed parties,
    DemoSeed demo,
    ILogger<DatabaseSetup> logger)
{
    public async Task MigrateAsync(bool seedDemo, CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider;
        var owner = configuration.GetConnectionString("Owner") ?? configuration.GetConnectionString("App");
        // Migrations run on the owner connection (its own context, disposed here); without one, on the app's context.
        var ownerContext = owner is null ? null : DataExtensions.CreateOwnerContext(services, provider, owner);
        await using (ownerContext)
        {
            var db = ownerContext ?? services.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (provider == DatabaseProvider.Postgres && options.Value.ApplicationRole is { } role)
            {
                await GrantApplicationRoleAsync(db, role, cancellationToken);
            }

            if (provider == DatabaseProvider.Postgres)
            {
                // Hangfire's tables, in their own schema outside the party tables' row-level security.
                var jobs = configuration.GetSection(Infrastructure.Jobs.JobsOptions.Section).Get<Infrastructure.Jobs.JobsOptions>() ?? new();
                await Infrastructure.Jobs.JobsExtensions.InstallPostgresSchemaAsync(db.Database.GetConnectionString()!, options.Value.ApplicationRole, jobs, cancellationToken);
            }
        }

        await parties.EnsureAsync(cancellationToken);
        if (seedDemo)
        {
            await demo.EnsureAsync(cancellationToken);
        }

        logger.LogInformation("Databasen är migrerad ({Provider}).", provider);
    }

    /// <summary>The application role reads and writes data but may only append to the logs, and never sees migration history.</summary>
    private static async Task GrantApplicationRoleAsync(AppDbContext db, string role, CancellationToken cancellationToken)
    {
        // The role name is validated by DatabaseOptions (a plain identifier), so it is safe to quote into DDL.
        var quoted = $"\"{role}\"";
#pragma warning disable EF1002 // identifiers cannot be parameters; the name is validated above.
        await db.Database.ExecuteSqlRawAsync($"""
            GRANT USAGE ON SCHEMA public TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries, personal_data_reads, retention_log FROM {quoted};
            REVOKE ALL ON __ef_migrations_history FROM {quoted};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};
            """, cancellationToken);
#pragma warning restore EF1002
    }
}
