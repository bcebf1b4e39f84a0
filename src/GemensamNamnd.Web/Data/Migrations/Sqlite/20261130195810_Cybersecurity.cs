using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cybersecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "cross_border",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "early_warning_due_at",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "early_warning_sent_at",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "final_report_due_at",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "final_report_sent_at",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lessons_learned",
                table: "breaches",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notification_decided_by",
                table: "breaches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "notification_due_at",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "notification_sent_at",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reported_to_cert_se",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reported_to_police",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "significant_incident",
                table: "breaches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "supplier_id",
                table: "breaches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "supplier_incident_id",
                table: "breaches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "supplier_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    supplier_aware_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    party_ids = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_incidents_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supplier_incident_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    supplier_incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_incident_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_incident_updates_supplier_incidents_supplier_incident_id",
                        column: x => x.supplier_incident_id,
                        principalTable: "supplier_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_supplier_incident_id",
                table: "breaches",
                columns: new[] { "party_id", "supplier_incident_id" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_supplier_id",
                table: "breaches",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_incident_updates_supplier_incident_id_at",
                table: "supplier_incident_updates",
                columns: new[] { "supplier_incident_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_supplier_incidents_recorded_at",
                table: "supplier_incidents",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_incidents_supplier_id",
                table: "supplier_incidents",
                column: "supplier_id");

            migrationBuilder.AddForeignKey(
                name: "fk_breaches_suppliers_supplier_id",
                table: "breaches",
                column: "supplier_id",
                principalTable: "suppliers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_breaches_suppliers_supplier_id",
                table: "breaches");

            migrationBuilder.DropTable(
                name: "supplier_incident_updates");

            migrationBuilder.DropTable(
                name: "supplier_incidents");

            migrationBuilder.DropIndex(
                name: "ix_breaches_party_id_supplier_incident_id",
                table: "breaches");

            migrationBuilder.DropIndex(
                name: "ix_breaches_supplier_id",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "cross_border",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "early_warning_due_at",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "early_warning_sent_at",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "final_report_due_at",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "final_report_sent_at",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "lessons_learned",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "notification_decided_by",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "notification_due_at",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "notification_sent_at",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "reported_to_cert_se",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "reported_to_police",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "significant_incident",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "supplier_id",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "supplier_incident_id",
                table: "breaches");
        }
    }
}
