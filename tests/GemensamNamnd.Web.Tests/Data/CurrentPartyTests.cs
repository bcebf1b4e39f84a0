using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.PersonalData;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Data;

[Collection(AppCollection.Name)]
public sealed class CurrentPartyTests(AppFactory app)
{
    [PostgresFact]
    public async Task QueryFilter_ReadsThePartyOfEachLease_SoPoolingLeaksNothing()
    {
        // Many leases alternate between parties on the same pool; each sees only its own party's rows.
        for (var i = 0; i < 20; i++)
        {
            var slug = i % 2 == 0 ? "ostersund" : "berg";
            var (currentParty, owners) = await app.InParty(slug, async db =>
                (db.CurrentPartyId!.Value, await db.DataControllers.Select(c => c.PartyId).Distinct().ToListAsync()));
            Assert.Equal([currentParty], owners);
        }
    }

    [PostgresFact]
    public async Task WithNoParty_NoPartyRowsAreVisible()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.DataControllers.CountAsync());
    }

    [PostgresFact]
    public async Task SaveChanges_StampsNewRows_AndRefusesRowsOfAnotherParty()
    {
        var berg = await app.InParty("berg", db => Task.FromResult(db.CurrentPartyId!.Value));
        var stamped = await app.InParty("ostersund", async db =>
        {
            var c = new DataController { Name = "Stämplad " + Guid.NewGuid().ToString("N")[..6], Kind = DataControllerKind.Namnd };
            db.DataControllers.Add(c);
            await db.SaveChangesAsync();
            return (c.PartyId, db.CurrentPartyId);
        });
        Assert.Equal(stamped.CurrentPartyId, stamped.PartyId);

        await Assert.ThrowsAsync<PartyBoundaryException>(() => app.InParty("ostersund", async db =>
        {
            db.DataControllers.Add(new DataController { PartyId = berg, Name = "Smuggel", Kind = DataControllerKind.Namnd });
            return await db.SaveChangesAsync();
        }));
    }

    [PostgresFact]
    public async Task SaveChanges_WithoutAParty_IsRefused()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataControllers.Add(new DataController { Name = "Utan part", Kind = DataControllerKind.Namnd });
        await Assert.ThrowsAsync<PartyBoundaryException>(() => db.SaveChangesAsync());
    }

    [PostgresFact]
    public async Task CrossParty_IsTheOneNamedPath_ThatSeesEveryParty_AndIsReadOnly()
    {
        using var scope = app.Services.CreateScope();
        var crossParty = scope.ServiceProvider.GetRequiredService<CrossParty>();
        var partiesWithControllers = await crossParty.ReadAsync(s => s.Set<DataController>().Select(c => c.PartyId).Distinct().CountAsync());
        Assert.True(partiesWithControllers >= 9, $"saw {partiesWithControllers} parties");
    }

    [PostgresFact]
    public async Task Changes_AreAudited_WithWhoAndWhat_ByTheInterceptor()
    {
        var name = "Granskad " + Guid.NewGuid().ToString("N")[..6];
        var id = await app.InParty("krokom", async db =>
        {
            var c = new DataController { Name = name, Kind = DataControllerKind.Bolag };
            db.DataControllers.Add(c);
            await db.SaveChangesAsync();
            c.Name = name + " ändrad";
            await db.SaveChangesAsync();
            return c.Id;
        });
        var entries = await app.InParty("krokom", db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.At).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Modified], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("system:krokom", e.ActorId));
        Assert.Contains(name + " ändrad", entries[1].Changes, StringComparison.Ordinal);
        Assert.Empty(await app.InParty("ostersund", db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).ToListAsync()));
    }

    [PostgresFact]
    public async Task Model_HasNoPendingChanges_OnEitherProvider()
    {
        using var scope = app.Services.CreateScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.HasPendingModelChanges(), "PostgreSQL: add a migration");
        await using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: add a migration");
    }

    [PostgresFact]
    public async Task SqliteMigrations_ApplyToAnEmptyDatabase()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        await sqlite.Database.MigrateAsync();
        Assert.Empty(await sqlite.Database.GetPendingMigrationsAsync());
    }

    [PostgresFact]
    public void PersonalIdentityNumbers_AreEncrypted_FindableByKeyedHash_AndMasked()
    {
        var numbers = app.Services.GetRequiredService<PersonalIdentityNumbers>();
        var pnr = PersonalIdentityNumber.Parse("19811218-9876", new DateOnly(2026, 11, 23));
        var stored = numbers.Protect(pnr);
        Assert.DoesNotContain("9876", stored, StringComparison.Ordinal);
        Assert.Equal(pnr.Value, numbers.Unprotect(stored));
        Assert.Equal(numbers.Hash(pnr), numbers.Hash(PersonalIdentityNumber.Parse("8112189876", new DateOnly(2026, 11, 23))));
        Assert.Equal("19811218-****", pnr.Masked);
    }
}

[Collection(AppCollection.Name)]
public sealed class PersonalDataReadLogTests(AppFactory app)
{
    [PostgresFact]
    public async Task Reads_AreLoggedPerParty_AndCannotBeChanged()
    {
        var id = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync("are", default);
            await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, sp =>
                sp.GetRequiredService<PersonalDataReadLog>().RecordAsync("Request", id, "Handläggning av begäran"));
        }

        var rows = await app.InParty("are", db => db.PersonalDataReads.Where(r => r.EntityId == id.ToString()).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("system:are", row.ActorId);
        Assert.Empty(await app.InParty("berg", db => db.PersonalDataReads.Where(r => r.EntityId == id.ToString()).ToListAsync()));

        await Assert.ThrowsAsync<PartyBoundaryException>(() => app.InParty("are", async db =>
        {
            var tracked = await db.PersonalDataReads.FirstAsync(r => r.EntityId == id.ToString());
            db.PersonalDataReads.Remove(tracked);
            return await db.SaveChangesAsync();
        }));
    }
}
