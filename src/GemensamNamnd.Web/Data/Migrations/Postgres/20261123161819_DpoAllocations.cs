using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DpoAllocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dpo_persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    work_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    work_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    employing_party_id = table.Column<Guid>(type: "uuid", nullable: true),
                    other_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dpo_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conflicting_roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    minimum_share_percent = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dpo_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    controller_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    share_percent = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reports_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reporting_level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    imy_reported_on = table.Column<DateOnly>(type: "date", nullable: true),
                    public_web_page = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_dpo_allocations_dpo_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "dpo_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dpo_allocations_person_id",
                table: "dpo_allocations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_dpo_allocations_tenant_id_ends_on",
                table: "dpo_allocations",
                columns: new[] { "tenant_id", "ends_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dpo_allocations_tenant_id_person_id_starts_on",
                table: "dpo_allocations",
                columns: new[] { "tenant_id", "person_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dpo_persons_name",
                table: "dpo_persons",
                column: "name");

            migrationBuilder.EnableTenantIsolation("dpo_allocations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dpo_allocations");

            migrationBuilder.DropTable(
                name: "dpo_rules");

            migrationBuilder.DropTable(
                name: "dpo_persons");
        }
    }
}
