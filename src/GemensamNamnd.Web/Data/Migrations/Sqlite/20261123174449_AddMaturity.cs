using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddMaturity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "maturity_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dimensions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_maturity_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "maturity_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_maturity_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_maturity_answers_maturity_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "maturity_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_maturity_answers_round_id",
                table: "maturity_answers",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_maturity_answers_tenant_id_round_id",
                table: "maturity_answers",
                columns: new[] { "tenant_id", "round_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_maturity_rounds_status_closes_on",
                table: "maturity_rounds",
                columns: new[] { "status", "closes_on" });

            migrationBuilder.CreateIndex(
                name: "ix_maturity_rounds_year",
                table: "maturity_rounds",
                column: "year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "maturity_answers");

            migrationBuilder.DropTable(
                name: "maturity_rounds");
        }
    }
}
