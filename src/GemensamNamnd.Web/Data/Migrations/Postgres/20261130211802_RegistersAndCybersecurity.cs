using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistersAndCybersecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "cross_border",
                table: "breaches",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "early_warning_due_at",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "early_warning_sent_at",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "final_report_due_at",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "final_report_sent_at",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lessons_learned",
                table: "breaches",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notification_decided_by",
                table: "breaches",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notification_due_at",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "notification_sent_at",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reported_to_cert_se",
                table: "breaches",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reported_to_police",
                table: "breaches",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "significant_incident",
                table: "breaches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "supplier_id",
                table: "breaches",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "supplier_incident_id",
                table: "breaches",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dpo_consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    controller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    advice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    followed = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    followed_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_dpo_consultations_data_controllers_controller_id",
                        column: x => x.controller_id,
                        principalTable: "data_controllers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "processing_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    controller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    as_processor = table.Column<bool>(type: "boolean", nullable: false),
                    external_controller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    purposes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    special_category_condition = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    criminal_offence_data = table.Column<bool>(type: "boolean", nullable: false),
                    swedish_law = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    data_subject_categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    personal_data_categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recipients = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    third_country_transfers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    transfer_safeguard = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    retention_period = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    retention_rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    retention_plan_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    retention_plan_decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    security_measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    system_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    supplier_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    screening_criteria = table.Column<string[]>(type: "text[]", nullable: false),
                    screening_mandatory = table.Column<string[]>(type: "text[]", nullable: false),
                    screened_on = table.Column<DateOnly>(type: "date", nullable: true),
                    dpia_required = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processing_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_processing_activities_data_controllers_controller_id",
                        column: x => x.controller_id,
                        principalTable: "data_controllers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "processor_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    controller_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    standard = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    standard_note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    instructions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false),
                    Audits = table.Column<string>(type: "jsonb", nullable: true),
                    Notices = table.Column<string>(type: "jsonb", nullable: true),
                    SubProcessors = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processor_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_processor_agreements_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supplier_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    supplier_aware_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    party_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
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
                name: "impact_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    necessity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    residual_likelihood = table.Column<int>(type: "integer", nullable: true),
                    residual_severity = table.Column<int>(type: "integer", nullable: true),
                    dpo_advice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    dpo_advice_on = table.Column<DateOnly>(type: "date", nullable: true),
                    dpo_advice_followed = table.Column<bool>(type: "boolean", nullable: true),
                    dpo_advice_not_followed_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    prior_consultation_on = table.Column<DateOnly>(type: "date", nullable: true),
                    review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false),
                    Risks = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_impact_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_impact_assessments_processing_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "processing_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supplier_incident_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_incident_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_incident_updates_supplier_incidents_supplier_incid~",
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
                name: "ix_dpo_consultations_controller_id",
                table: "dpo_consultations",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "ix_dpo_consultations_party_id_asked_on",
                table: "dpo_consultations",
                columns: new[] { "party_id", "asked_on" });

            migrationBuilder.CreateIndex(
                name: "ix_impact_assessments_activity_id",
                table: "impact_assessments",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_impact_assessments_party_id_activity_id",
                table: "impact_assessments",
                columns: new[] { "party_id", "activity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_impact_assessments_party_id_review_on",
                table: "impact_assessments",
                columns: new[] { "party_id", "review_on" });

            migrationBuilder.CreateIndex(
                name: "ix_processing_activities_controller_id",
                table: "processing_activities",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "ix_processing_activities_party_id_controller_id_name",
                table: "processing_activities",
                columns: new[] { "party_id", "controller_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_processor_agreements_party_id_supplier_id",
                table: "processor_agreements",
                columns: new[] { "party_id", "supplier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_processor_agreements_supplier_id",
                table: "processor_agreements",
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

            // Party-owned: row-level security on app.party_id, as every party-owned table. (The supplier incidents are
            // committee-level data without personal data: no party column.)
            migrationBuilder.EnablePartyIsolation("processing_activities");
            migrationBuilder.EnablePartyIsolation("impact_assessments");
            migrationBuilder.EnablePartyIsolation("processor_agreements");
            migrationBuilder.EnablePartyIsolation("dpo_consultations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_breaches_suppliers_supplier_id",
                table: "breaches");

            migrationBuilder.DropTable(
                name: "dpo_consultations");

            migrationBuilder.DropTable(
                name: "impact_assessments");

            migrationBuilder.DropTable(
                name: "processor_agreements");

            migrationBuilder.DropTable(
                name: "supplier_incident_updates");

            migrationBuilder.DropTable(
                name: "processing_activities");

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
