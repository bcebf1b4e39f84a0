using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// Row-level security: on every connection open, tells PostgreSQL which party the connection serves
/// (<c>app.party_id</c>, read by the policies). An empty value means no party: the policies then show no party rows.
/// Npgsql resets session settings when a pooled connection is returned, so a party never leaks to the next lease.
/// </summary>
public sealed class PostgresPartyConnectionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Build(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Build(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Build(DbConnection connection, ConnectionEndEventData eventData)
    {
        var currentParty = (eventData.Context as AppDbContext)?.CurrentPartyId;
        var command = new NpgsqlCommand("SELECT set_config('app.party_id', @party, false)", (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("party", currentParty?.ToString() ?? string.Empty);
        return command;
    }
}
