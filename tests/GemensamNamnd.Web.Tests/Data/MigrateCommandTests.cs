using System.Diagnostics;
using GemensamNamnd.Web.Tests.Infrastructure;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Data;

/// <summary>The migrate command as a deployment runs it (the real program, only database settings, Production), and with the demo outside production.</summary>
public sealed class MigrateCommandTests
{
    [PostgresFact]
    public async Task MigrateCommand_MigratesGrantsAndSeedsTheParties_WithOnlyTheOwnerConnection()
    {
        var database = new TestDatabase();
        await database.CreateAsync();
        await RunMigrateAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Owner"] = database.OwnerConnection,
            ["Database__ApplicationRole"] = TestDatabase.AppRole,
        });

        // The application role can now read the parties but not the migration history.
        await using var app = new NpgsqlConnection(database.AppConnection);
        await app.OpenAsync();
        await using var parties = new NpgsqlCommand("SELECT count(*) FROM parties", app);
        Assert.Equal(9L, await parties.ExecuteScalarAsync());
        await using var users = new NpgsqlCommand("SELECT count(*) FROM users", app);
        Assert.Equal(0L, await users.ExecuteScalarAsync()); // no demo users in Production
        await using var history = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", app);
        var denied = await Assert.ThrowsAsync<PostgresException>(() => history.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [PostgresFact]
    public async Task MigrateCommand_OutsideProduction_WithTheDemo_SeedsItThroughTheFeatures()
    {
        var database = new TestDatabase();
        await database.CreateAsync();
        await RunMigrateAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Owner"] = database.OwnerConnection,
            ["ConnectionStrings__App"] = database.AppConnection,
            ["Database__ApplicationRole"] = TestDatabase.AppRole,
            ["Demo__Enabled"] = "true",
            ["PersonalData__HashKey"] = Convert.ToBase64String(new byte[32]),
        });

        await using var owner = new NpgsqlConnection(database.OwnerConnection);
        await owner.OpenAsync();
        foreach (var table in new[] { "users", "breaches", "dpo_allocations", "maturity_answers" })
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", owner);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0, $"no demo rows in {table}");
        }
    }

    /// <summary>Runs the built program's <c>migrate</c> command in its own process with these settings; it must exit 0.</summary>
    private static async Task RunMigrateAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GemensamNamnd.Web.dll"), "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, await output + await errors);
    }
}
