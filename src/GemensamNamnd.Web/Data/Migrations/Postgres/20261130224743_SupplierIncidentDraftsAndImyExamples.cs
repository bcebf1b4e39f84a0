using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "parties_told_at",
                table: "supplier_incidents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Incidents recorded before the time was kept: the parties were told when it was recorded.
            migrationBuilder.Sql("UPDATE supplier_incidents SET parties_told_at = recorded_at;");

            // The screening's "always requires" kinds are now IMY's own examples; two earlier ones were not IMY's words.
            migrationBuilder.Sql("UPDATE processing_activities SET screening_mandatory = array_remove(array_remove(screening_mandatory, 'LocationData'), 'NewTechnologyVulnerable');");

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
