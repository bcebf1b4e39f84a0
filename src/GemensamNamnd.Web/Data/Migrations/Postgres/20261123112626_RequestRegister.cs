using System;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_personal_data_reads_tenant_id",
                table: "personal_data_reads");

            migrationBuilder.DropIndex(
                name: "ix_data_controllers_tenant_id",
                table: "data_controllers");

            migrationBuilder.DropIndex(
                name: "ix_case_number_series_tenant_id",
                table: "case_number_series");

            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    controller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rights = table.Column<int>(type: "integer", nullable: false),
                    requester_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    personal_number_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    personal_number_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    postal_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    protected_identity = table.Column<bool>(type: "boolean", nullable: false),
                    identity_check_asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    identity_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    identity_method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    assigned_officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    clock_start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    extended_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    extension_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    extension_notice_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    refusal_ground = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_data_controllers_controller_id",
                        column: x => x.controller_id,
                        principalTable: "data_controllers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_events_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_request_events_request_id",
                table: "request_events",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_events_tenant_id_request_id_at",
                table: "request_events",
                columns: new[] { "tenant_id", "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_controller_id",
                table: "requests",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_case_number",
                table: "requests",
                columns: new[] { "tenant_id", "case_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_effective_due_on",
                table: "requests",
                columns: new[] { "tenant_id", "effective_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_personal_number_hash",
                table: "requests",
                columns: new[] { "tenant_id", "personal_number_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_status_effective_due_on",
                table: "requests",
                columns: new[] { "tenant_id", "status", "effective_due_on" });

            migrationBuilder.EnableTenantIsolation("requests");
            migrationBuilder.EnableTenantIsolation("request_events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropTable(
                name: "requests");

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_reads_tenant_id",
                table: "personal_data_reads",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_controllers_tenant_id",
                table: "data_controllers",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_number_series_tenant_id",
                table: "case_number_series",
                column: "tenant_id");
        }
    }
}
