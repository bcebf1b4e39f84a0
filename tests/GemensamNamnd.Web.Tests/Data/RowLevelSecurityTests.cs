using System.Net.Http.Json;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Data;

/// <summary>The database itself keeps the party boundary, whatever the application does.</summary>
[Collection(AppCollection.Name)]
public sealed class RowLevelSecurityTests(AppFactory app)
{
    private async Task<(Guid a, Guid b)> PartiesAsync()
    {
        var a = await app.InParty("ostersund", db => Task.FromResult(db.CurrentPartyId!.Value));
        var b = await app.InParty("berg", db => Task.FromResult(db.CurrentPartyId!.Value));
        return (a, b);
    }

    private async Task<NpgsqlConnection> AppConnectionAsync(Guid? currentParty)
    {
        var connection = new NpgsqlConnection(app.Database.AppConnection);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand("SELECT set_config('app.party_id', @t, false)", connection);
        set.Parameters.AddWithValue("t", currentParty?.ToString() ?? string.Empty);
        await set.ExecuteNonQueryAsync();
        return connection;
    }

    [PostgresFact]
    public async Task RawSql_OnAConnectionSetToA_SeesNoneOfBsRows()
    {
        var (a, b) = await PartiesAsync();
        await using var connection = await AppConnectionAsync(a);
        await using var count = new NpgsqlCommand("SELECT count(*) FILTER (WHERE party_id = @b), count(*) FILTER (WHERE party_id = @a) FROM data_controllers", connection);
        count.Parameters.AddWithValue("a", a);
        count.Parameters.AddWithValue("b", b);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(0, reader.GetInt64(0));
        Assert.True(reader.GetInt64(1) > 0, "A's own rows must be visible");
    }

    [PostgresFact]
    public async Task RawSql_WithNoPartySet_SeesNoPartyRows()
    {
        await using var connection = await AppConnectionAsync(null);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM data_controllers", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [PostgresFact]
    public async Task RawInsert_ForB_OnAConnectionSetToA_IsRejected()
    {
        var (a, b) = await PartiesAsync();
        await using var connection = await AppConnectionAsync(a);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO data_controllers (id, party_id, name, kind, is_active, version) VALUES (@id, @b, 'Inbrott', 'Namnd', true, @id)", connection);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("b", b);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [PostgresFact]
    public async Task AuditTrail_IsAppendOnly_ForTheApplicationRole()
    {
        var (a, _) = await PartiesAsync();
        await using var connection = await AppConnectionAsync(a);
        await using var update = new NpgsqlCommand("UPDATE audit_entries SET actor_name = 'x'", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [PostgresFact]
    public async Task ApplicationRole_CannotBypassRls_AndOwnsNoTable()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnection);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand(
            "SELECT r.rolbypassrls, (SELECT count(*) FROM pg_tables t WHERE t.tableowner = current_user) FROM pg_roles r WHERE r.rolname = current_user", connection);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.False(reader.GetBoolean(0));
        Assert.Equal(0L, reader.GetInt64(1));
    }

    [PostgresFact]
    public async Task EveryPartyOwnedTable_HasRowLevelSecurityAndAPolicy()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes().Where(e => typeof(IPartyOwned).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!).ToList();
        Assert.Contains("data_controllers", tables);
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnection);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var check = new NpgsqlCommand(
                "SELECT c.relrowsecurity, (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname) FROM pg_class c WHERE c.relname = @t", connection);
            check.Parameters.AddWithValue("t", table);
            await using var reader = await check.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), table);
            Assert.True(reader.GetBoolean(0), $"{table}: RLS not enabled");
            Assert.True(reader.GetInt64(1) > 0, $"{table}: no policy");
        }
    }
    [PostgresFact]
    public async Task RequestsOfTwoParties_Alternating_AtOnce_EachSeeOnlyTheirOwnRows_OnReusedConnections()
    {
        // The request keeps one connection with its party set once: a connection that served Östersund and went back to
        // the pool must show Krokom's request nothing of Östersund's, and the other way round.
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var own = new Dictionary<string, HashSet<Guid>>();
        foreach (var (client, slug) in new[] { (anna, "ostersund"), (bo, "krokom") })
        {
            var controllerId = await app.InParty(slug, db => db.DataControllers.Where(c => c.IsActive).Select(c => c.Id).FirstAsync());
            var created = await client.PostAsJsonAsync($"/api/v1/{slug}/requests", new
            {
                receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
                channel = "Email",
                controllerId,
                rights = new[] { "Access" },
                requesterName = "Växla Partsson",
                protectedIdentity = false,
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            own[slug] = await app.InParty(slug, async db => (await db.Requests.Select(r => r.Id).ToListAsync()).ToHashSet());
        }

        var calls = Enumerable.Range(0, 60).Select(async i =>
        {
            var (client, slug) = i % 2 == 0 ? (anna, "ostersund") : (bo, "krokom");
            var rows = await client.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/v1/{slug}/requests");
            return (slug, ids: rows!.Select(r => r.GetProperty("id").GetGuid()).ToList());
        });

        var seen = await Task.WhenAll(calls);
        Assert.All(new[] { "ostersund", "krokom" }, slug => Assert.Contains(seen, s => s.slug == slug && s.ids.Count > 0));
        foreach (var (slug, ids) in seen)
        {
            Assert.All(ids, id => Assert.Contains(id, own[slug]));
        }
    }
}
