using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// Two creations of the same unique name at the same moment (issue 22): both pass the command's "finns redan" check, the
/// database's unique index refuses the second, and that one gets the ordinary "finns redan" refusal — not a 500.
/// Played without timing: another connection inserts the name and holds its transaction open, so the command's check does
/// not see it and its insert waits on the index; once the command waits, the other transaction commits.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UniqueNameRaceTests(AppFactory app)
{
    private const string Party = "ostersund";

    private async Task<CommandResult<T>> RaceAsync<T>(string table, string extraColumns, string extraValues, Func<IServiceProvider, Task<CommandResult<T>>> create)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(Party, default);
        await using var other = new NpgsqlConnection(app.Database.OwnerConnection);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand($"INSERT INTO {table} (id, party_id, name, is_active{extraColumns}) VALUES (@id, @party, @name, true{extraValues})", other, transaction))
        {
            insert.Parameters.AddWithValue("id", Guid.NewGuid());
            insert.Parameters.AddWithValue("party", party!.Id);
            insert.Parameters.AddWithValue("name", Name);
            insert.Parameters.AddWithValue("version", Guid.NewGuid());
            await insert.ExecuteNonQueryAsync();
        }

        string xid;
        await using (var current = new NpgsqlCommand("SELECT (txid_current() % 4294967296)::text", other, transaction))
        {
            xid = (string)(await current.ExecuteScalarAsync())!;
        }

        var partyScope = scope.ServiceProvider.GetRequiredService<PartyScope>();
        var command = Task.Run(() => partyScope.RunAsync(party.Id, create));
        await using var watcher = new NpgsqlConnection(app.Database.OwnerConnection);
        await watcher.OpenAsync();
        while (!command.IsCompleted && !await WaitsOnAsync(watcher, xid))
        {
            await Task.Delay(20);
        }

        await transaction.CommitAsync();
        return await command;
    }

    private string Name { get; } = "Samtidigt namn " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Does a session wait for the other transaction (the command's insert on the unique index)?</summary>
    private static async Task<bool> WaitsOnAsync(NpgsqlConnection watcher, string xid)
    {
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid' AND transactionid = @xid::xid", watcher);
        query.Parameters.AddWithValue("xid", xid);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    [PostgresFact]
    public async Task Controller_CreatedTwiceAtOnce_TheSecondIsFinnsRedan()
    {
        var result = await RaceAsync(
            "data_controllers", ", kind, version", ", 'Namnd', @version",
            sp => sp.GetRequiredService<SaveDataController>().SaveAsync(null, Guid.Empty, new DataControllerInput(Name, DataControllerKind.Namnd, null), default));
        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal(SaveDataController.NameTaken, Assert.Single(result.Errors).Message);
        Assert.Equal(1, await app.InParty(Party, db => db.DataControllers.CountAsync(c => c.Name == Name)));
    }

    [PostgresFact]
    public async Task System_CreatedTwiceAtOnce_TheSecondIsFinnsRedan()
    {
        var result = await RaceAsync("party_systems", string.Empty, string.Empty,
            sp => sp.GetRequiredService<AddPartySystem>().RunAsync(Name, null, default));
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal($"Systemet {Name} finns redan i listan.", Assert.Single(result.Errors).Message);
        Assert.Equal(1, await app.InParty(Party, db => db.PartySystems.CountAsync(c => c.Name == Name)));
    }
}
