using Microsoft.EntityFrameworkCore.Migrations;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// PostgreSQL row-level security for party-owned tables, used from the Postgres migrations. The policy reads the
/// per-connection setting that <see cref="PostgresPartyConnectionInterceptor"/> sets on every open; with no party
/// set the value is '' (not NULL) on a reset pooled connection, hence NULLIF. Not FORCEd: the owner role, used only by
/// migrations and <see cref="CrossParty"/>, is not restricted; the application role owns nothing.
/// </summary>
public static class RowLevelSecurity
{
    public const string CurrentPartySql = "NULLIF(current_setting('app.party_id', true), '')::uuid";

    public static void EnablePartyIsolation(this MigrationBuilder migration, string table) => migration.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY party_isolation ON {table}
            USING (party_id = {CurrentPartySql})
            WITH CHECK (party_id = {CurrentPartySql});
        """);

    /// <summary>The audit trail also holds rows for global data (party_id NULL: parties, users, memberships).</summary>
    public static void EnableAuditIsolation(this MigrationBuilder migration, string table) => migration.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY party_isolation ON {table}
            USING (party_id IS NULL OR party_id = {CurrentPartySql})
            WITH CHECK (party_id IS NULL OR party_id = {CurrentPartySql});
        """);
}
