using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestChecklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_systems",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_systems", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "request_system_searches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    system_id = table.Column<Guid>(type: "uuid", nullable: false),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    marked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_system_searches", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_system_searches_party_systems_system_id",
                        column: x => x.system_id,
                        principalTable: "party_systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_request_system_searches_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_party_systems_tenant_id_name",
                table: "party_systems",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_request_system_searches_request_id",
                table: "request_system_searches",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_system_searches_system_id",
                table: "request_system_searches",
                column: "system_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_system_searches_tenant_id_request_id_system_id",
                table: "request_system_searches",
                columns: new[] { "tenant_id", "request_id", "system_id" },
                unique: true);

            migrationBuilder.EnableTenantIsolation("party_systems");
            migrationBuilder.EnableTenantIsolation("request_system_searches");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_system_searches");

            migrationBuilder.DropTable(
                name: "party_systems");
        }
    }
}
