using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "retention_holds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    register = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    placed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    placed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    register = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_retention_holds_tenant_id_register_case_id",
                table: "retention_holds",
                columns: new[] { "tenant_id", "register", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_retention_log_tenant_id_at",
                table: "retention_log",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_retention_log_tenant_id_register_case_id",
                table: "retention_log",
                columns: new[] { "tenant_id", "register", "case_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retention_holds");

            migrationBuilder.DropTable(
                name: "retention_log");
        }
    }
}
