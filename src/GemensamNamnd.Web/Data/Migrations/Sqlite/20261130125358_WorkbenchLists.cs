using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkbenchLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "handler_id",
                table: "breaches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "saved_filters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    list = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_filters", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_received_at",
                table: "requests",
                columns: new[] { "party_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_filters_party_id_user_id_list_name",
                table: "saved_filters",
                columns: new[] { "party_id", "user_id", "list", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_filters");

            migrationBuilder.DropIndex(
                name: "ix_requests_party_id_received_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "handler_id",
                table: "breaches");
        }
    }
}
