using Npgsql;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database on the real PostgreSQL that scripts/test.sh starts (GN_TEST_PG), with the production role layout:
/// an owner role that migrates and a non-owner application role without BYPASSRLS.
/// </summary>
public sealed class TestDatabase
{
    public const string OwnerRole = "gn_test_owner";
    public const string AppRole = "gn_test_app";

    public string Name { get; } = "gn_test_" + Guid.NewGuid().ToString("N")[..12];

    public static string Admin => Environment.GetEnvironmentVariable("GN_TEST_PG")
        ?? throw new InvalidOperationException("GN_TEST_PG saknas: kör testerna med scripts/test.sh, som startar PostgreSQL.");

    /// <summary>Whether PostgreSQL is there (GN_TEST_PG set); tests that need it are [PostgresFact]/[PostgresTheory].</summary>
    public static bool Available => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GN_TEST_PG"));

    public const string SkipReason = "Kräver PostgreSQL: sätt GN_TEST_PG eller kör scripts/test.sh";

    public string OwnerConnection => Connection(OwnerRole);

    public string AppConnection => Connection(AppRole);

    // Roles are cluster-wide: test classes that start in parallel must not race to create them.
    private static readonly SemaphoreSlim RoleLock = new(1, 1);

    public async Task CreateAsync()
    {
        await RoleLock.WaitAsync();
        try
        {
            await CreateCoreAsync();
        }
        finally
        {
            RoleLock.Release();
        }
    }

    private async Task CreateCoreAsync()
    {
        await using var admin = new NpgsqlConnection(Admin);
        await admin.OpenAsync();
        foreach (var (role, attributes) in new[] { (OwnerRole, "LOGIN CREATEDB"), (AppRole, "LOGIN NOBYPASSRLS NOSUPERUSER") })
        {
            await using var create = new NpgsqlCommand($"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} {attributes} PASSWORD 'test'; END IF; END $$;", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var db = new NpgsqlCommand($"CREATE DATABASE {Name} OWNER {OwnerRole}", admin);
        await db.ExecuteNonQueryAsync();
    }

    // Without GN_TEST_PG a placeholder server: factories that switch to SQLite still build their settings on this one.
    private string Connection(string role) =>
        new NpgsqlConnectionStringBuilder(Available ? Admin : "Host=gn-test-pg-saknas") { Database = Name, Username = role, Password = "test" }.ConnectionString;
}
