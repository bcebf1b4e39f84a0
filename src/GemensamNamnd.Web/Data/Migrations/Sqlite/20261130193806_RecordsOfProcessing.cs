using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordsOfProcessing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "processing_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    controller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    as_processor = table.Column<bool>(type: "INTEGER", nullable: false),
                    external_controller = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    purposes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    special_category_condition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    criminal_offence_data = table.Column<bool>(type: "INTEGER", nullable: false),
                    swedish_law = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    data_subject_categories = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    personal_data_categories = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recipients = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    third_country_transfers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    transfer_safeguard = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    retention_period = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    retention_rule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    retention_plan_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    retention_plan_decision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    security_measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    system_ids = table.Column<string>(type: "TEXT", nullable: false),
                    supplier_ids = table.Column<string>(type: "TEXT", nullable: false),
                    screening_criteria = table.Column<string>(type: "TEXT", nullable: false),
                    screening_mandatory = table.Column<string>(type: "TEXT", nullable: false),
                    screened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    dpia_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "impact_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    necessity = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    residual_likelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    residual_severity = table.Column<int>(type: "INTEGER", nullable: true),
                    dpo_advice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    dpo_advice_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    dpo_advice_followed = table.Column<bool>(type: "INTEGER", nullable: true),
                    dpo_advice_not_followed_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    prior_consultation_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    review_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Risks = table.Column<string>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "impact_assessments");

            migrationBuilder.DropTable(
                name: "processing_activities");
        }
    }
}
