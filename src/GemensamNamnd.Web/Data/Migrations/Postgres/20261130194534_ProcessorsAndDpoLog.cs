using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProcessorsAndDpoLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_dpo_consultations_controller_id",
                table: "dpo_consultations",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "ix_dpo_consultations_party_id_asked_on",
                table: "dpo_consultations",
                columns: new[] { "party_id", "asked_on" });

            migrationBuilder.CreateIndex(
                name: "ix_processor_agreements_party_id_supplier_id",
                table: "processor_agreements",
                columns: new[] { "party_id", "supplier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_processor_agreements_supplier_id",
                table: "processor_agreements",
                column: "supplier_id");

            // Party-owned: row-level security on app.party_id, as every party-owned table.
            migrationBuilder.EnablePartyIsolation("processor_agreements");
            migrationBuilder.EnablePartyIsolation("dpo_consultations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dpo_consultations");

            migrationBuilder.DropTable(
                name: "processor_agreements");
        }
    }
}
