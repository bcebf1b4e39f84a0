using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BreachRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    controller_ids = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occurred_from = table.Column<long>(type: "INTEGER", nullable: true),
                    occurred_to = table.Column<long>(type: "INTEGER", nullable: true),
                    discovered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    aware_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ceased_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reported_internally_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    types = table.Column<int>(type: "INTEGER", nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    systems = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    data_kinds = table.Column<int>(type: "INTEGER", nullable: false),
                    approx_records = table.Column<int>(type: "INTEGER", nullable: true),
                    consequences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    measures_taken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    measures_proposed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    risk = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    risk_reasoning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    reportable = table.Column<bool>(type: "INTEGER", nullable: true),
                    not_reportable_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    assessed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    subject_notice_required = table.Column<bool>(type: "INTEGER", nullable: true),
                    subject_notice_not_required_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    subject_notice_sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    subject_notice_method = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    imy_deadline_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reported_at = table.Column<long>(type: "INTEGER", nullable: true),
                    imy_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    late_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    supplement_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Groups = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breaches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drills",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    scenario = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drills", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "breach_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    breach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breach_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_breach_events_breaches_breach_id",
                        column: x => x.breach_id,
                        principalTable: "breaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "breach_supplements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    breach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breach_supplements", x => x.id);
                    table.ForeignKey(
                        name: "fk_breach_supplements_breaches_breach_id",
                        column: x => x.breach_id,
                        principalTable: "breaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_breach_events_breach_id",
                table: "breach_events",
                column: "breach_id");

            migrationBuilder.CreateIndex(
                name: "ix_breach_events_tenant_id_breach_id_at",
                table: "breach_events",
                columns: new[] { "tenant_id", "breach_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_breach_supplements_breach_id",
                table: "breach_supplements",
                column: "breach_id");

            migrationBuilder.CreateIndex(
                name: "ix_breach_supplements_tenant_id_breach_id_submitted_at",
                table: "breach_supplements",
                columns: new[] { "tenant_id", "breach_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_tenant_id_case_number",
                table: "breaches",
                columns: new[] { "tenant_id", "case_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_breaches_tenant_id_imy_deadline_at",
                table: "breaches",
                columns: new[] { "tenant_id", "imy_deadline_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_tenant_id_status_aware_at",
                table: "breaches",
                columns: new[] { "tenant_id", "status", "aware_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_tenant_id_supplement_due_on",
                table: "breaches",
                columns: new[] { "tenant_id", "supplement_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_drills_tenant_id_held_on",
                table: "drills",
                columns: new[] { "tenant_id", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "breach_events");

            migrationBuilder.DropTable(
                name: "breach_supplements");

            migrationBuilder.DropTable(
                name: "drills");

            migrationBuilder.DropTable(
                name: "breaches");
        }
    }
}
