using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Data;

/// <summary>A party's settings are one JSON document: a setting added later reaches parties saved before it with its default.</summary>
public sealed class SettingsMigrationTests
{
    [Fact]
    public async Task APartySavedBeforeTheSupplementReminderSetting_GetsItsDefaultOfThreeDays()
    {
        var database = new TestDatabase();
        await database.CreateAsync();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.OwnerConnection, n => n.MigrationsHistoryTable("__ef_migrations_history")).Options;
        await using (var db = new PostgresAppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123162438_BreachRegister");
        }

        await using (var c = new NpgsqlConnection(database.OwnerConnection))
        {
            await c.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO parties (id, slug, name, kind, entra_tenant_ids, is_active, "Settings")
                VALUES (gen_random_uuid(), 'gammal', 'Gamla kommunen', 'Kommun', ARRAY[]::uuid[], true,
                        '{"CaseNumberPrefix": "KS", "DrillIntervalMonths": 12, "RequestReminderDays": [7, 2, 0]}'::jsonb)
                """, c);
            await insert.ExecuteNonQueryAsync();
        }

        await using (var db = new PostgresAppDbContext(options))
        {
            await db.Database.MigrateAsync();
            var party = await db.Parties.AsNoTracking().SingleAsync(p => p.Slug == "gammal");
            Assert.Equal(3, party.Settings.SupplementReminderDays);
            Assert.Equal("KS", party.Settings.CaseNumberPrefix);
        }
    }
}
