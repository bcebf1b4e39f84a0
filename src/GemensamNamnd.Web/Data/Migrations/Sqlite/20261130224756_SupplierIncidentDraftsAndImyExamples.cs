using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierIncidentDraftsAndImyExamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_breaches_party_id_supplier_incident_id",
                table: "breaches");

            migrationBuilder.AddColumn<long>(
                name: "parties_told_at",
                table: "supplier_incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Incidents recorded before the time was kept: the parties were told when it was recorded.
            migrationBuilder.Sql("UPDATE supplier_incidents SET parties_told_at = recorded_at;");

            // The screening's "always requires" kinds are now IMY's own examples; two earlier ones were not IMY's words.
            migrationBuilder.Sql("UPDATE processing_activities SET screening_mandatory = (SELECT json_group_array(value) FROM json_each(processing_activities.screening_mandatory) WHERE value NOT IN ('LocationData', 'NewTechnologyVulnerable')) WHERE screening_mandatory LIKE '%LocationData%' OR screening_mandatory LIKE '%NewTechnologyVulnerable%';");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_supplier_incident_id",
                table: "breaches",
                columns: new[] { "party_id", "supplier_incident_id" },
                unique: true,
                filter: "supplier_incident_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_breaches_party_id_supplier_incident_id",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "parties_told_at",
                table: "supplier_incidents");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_supplier_incident_id",
                table: "breaches",
                columns: new[] { "party_id", "supplier_incident_id" });
        }
    }
}
