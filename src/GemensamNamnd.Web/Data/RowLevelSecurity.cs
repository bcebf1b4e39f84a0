using Microsoft.EntityFrameworkCore.Migrations;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// PostgreSQL row-level security for party-owned tables, used from the Postgres migrations. The policy reads the
/// per-connection setting that <see cref="PostgresTenantConnectionInterceptor"/> sets on every open; with no party
/// set the value is '' (not NULL) on a reset pooled connection, hence NULLIF. Not FORCEd: the owner role, used only by
/// migrations and <see cref="CrossParty"/>, is not restricted; the application role owns nothing.
/// </summary>
public static class RowLevelSecurity
{
    public const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    public static void EnableTenantIsolation(this MigrationBuilder migration, string table) => migration.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
            USING (tenant_id = {CurrentTenant})
            WITH CHECK (tenant_id = {CurrentTenant});
        """);

    /// <summary>The audit trail also holds rows for global data (tenant_id NULL: parties, users, memberships).</summary>
    public static void EnableAuditIsolation(this MigrationBuilder migration, string table) => migration.Sql($"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table}
            USING (tenant_id IS NULL OR tenant_id = {CurrentTenant})
            WITH CHECK (tenant_id IS NULL OR tenant_id = {CurrentTenant});
        """);
}
