using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GemensamNamnd.Web.Data;

public static class DataExtensions
{
    /// <summary>
    /// EF Core on PostgreSQL or SQLite. Contexts are pooled; each lease is bound to the scope's party and actor,
    /// so pooling never carries a party from one request to the next.
    /// </summary>
    /// <param name="migrateOnly">The migrate command: the owner connection suffices, the app role's is not needed.</param>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder, bool migrateOnly = false)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var ownerSetting = builder.Configuration.GetConnectionString("Owner");
        var app = migrateOnly && !string.IsNullOrWhiteSpace(ownerSetting) ? ownerSetting : ConnectionString(builder, "App", options.Provider);
        var owner = string.IsNullOrWhiteSpace(ownerSetting) ? app : ownerSetting;

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartyBoundaryInterceptor>();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<PostgresPartyConnectionInterceptor>();
        builder.Services.AddMemoryCache();
        builder.Services.AddOptions<DirectoryCacheOptions>().BindConfiguration(DirectoryCacheOptions.Section);
        builder.Services.AddSingleton<DirectoryCache>();
        builder.Services.AddSingleton<DirectoryChangeInterceptor>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => Configure(o, sp, DatabaseProvider.Postgres, app, rowLevelSecurity: true));
            builder.Services.AddScoped<AppDbContext>(sp => Lease(sp, sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>().CreateDbContext()));
            if (!migrateOnly)
            {
                builder.Services.AddHostedService<DirectoryListener>();
            }
        }
        else
        {
            builder.Services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => Configure(o, sp, DatabaseProvider.Sqlite, app, rowLevelSecurity: false));
            builder.Services.AddScoped<AppDbContext>(sp => Lease(sp, sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>().CreateDbContext()));
        }

        builder.Services.AddSingleton(sp => new CrossPartyContextFactory(() => CreateOwnerContext(sp, options.Provider, owner)));
        builder.Services.AddScoped<CrossParty>();
        builder.Services.AddScoped<CurrentParty>();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<PartyDirectory>();
        builder.Services.AddSingleton<PartyScope>();
        builder.Services.AddScoped<DatabaseSetup>();
        builder.Services.AddScoped<PersonalDataReadLog>();
        builder.Services.AddScoped<Seed.PartySeed>();
        builder.Services.AddScoped<Seed.DemoSeed>();
        builder.Services.AddScoped<Seed.RequestDemoSeed>();
        return builder;
    }

    /// <summary>A context on the owner connection: migrations and the cross-party path. Not subject to RLS.</summary>
    public static AppDbContext CreateOwnerContext(IServiceProvider sp, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var o = new DbContextOptionsBuilder<PostgresAppDbContext>();
            Configure(o, sp, provider, connectionString, rowLevelSecurity: false);
            return new PostgresAppDbContext(o.Options);
        }

        var s = new DbContextOptionsBuilder<SqliteAppDbContext>();
        Configure(s, sp, provider, connectionString, rowLevelSecurity: false);
        return new SqliteAppDbContext(s.Options);
    }

    private static AppDbContext Lease(IServiceProvider sp, AppDbContext db)
    {
        db.Lease(sp.GetRequiredService<CurrentParty>(), sp.GetRequiredService<CurrentActor>());
        return db;
    }

    private static void Configure(DbContextOptionsBuilder o, IServiceProvider sp, DatabaseProvider provider, string connectionString, bool rowLevelSecurity)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations_history"));
        }
        else
        {
            o.UseSqlite(connectionString);
        }

        o.AddInterceptors(sp.GetRequiredService<PartyBoundaryInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<DirectoryChangeInterceptor>());
        if (rowLevelSecurity)
        {
            o.AddInterceptors(sp.GetRequiredService<PostgresPartyConnectionInterceptor>());
        }

        // A save that fails on a constraint is a user-facing error handled where it happens, not a logged error.
        o.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }

    private static string ConnectionString(IHostApplicationBuilder builder, string name, DatabaseProvider provider)
    {
        var value = builder.Configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, "gemensamnamnd.db")}";
        }

        throw new InvalidOperationException(
            $"Inställningen 'ConnectionStrings:{name}' saknas (miljövariabel ConnectionStrings__{name}). Den krävs när Database:Provider är Postgres.");
    }
}
