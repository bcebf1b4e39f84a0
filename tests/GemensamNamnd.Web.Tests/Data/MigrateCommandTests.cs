using System.Diagnostics;
using GemensamNamnd.Web.Tests.Infrastructure;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Data;

/// <summary>The deployment step, run as a deployment runs it: the real program, only database settings, Production.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task MigrateCommand_MigratesGrantsAndSeedsTheParties_WithOnlyTheOwnerConnection()
    {
        var database = new TestDatabase();
        await database.CreateAsync();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GemensamNamnd.Web.dll"), "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Owner"] = database.OwnerConnection;
        start.Environment["Database__ApplicationRole"] = TestDatabase.AppRole;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await output + await errors);

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

    [Fact]
    public async Task MigrateCommand_OutsideProduction_WithTheDemo_SeedsItThroughTheFeatures()
    {
        var database = new TestDatabase();
        await database.CreateAsync();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GemensamNamnd.Web.dll"), "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Owner"] = database.OwnerConnection;
        start.Environment["ConnectionStrings__App"] = database.AppConnection;
        start.Environment["Database__ApplicationRole"] = TestDatabase.AppRole;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["PersonalData__HashKey"] = Convert.ToBase64String(new byte[32]);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, await output + await errors);

        await using var owner = new NpgsqlConnection(database.OwnerConnection);
        await owner.OpenAsync();
        foreach (var table in new[] { "users", "breaches", "dpo_allocations", "maturity_answers" })
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", owner);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0, $"no demo rows in {table}");
        }
    }
}
