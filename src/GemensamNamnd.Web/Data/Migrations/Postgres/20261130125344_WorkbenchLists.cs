using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "saved_filters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.EnablePartyIsolation("saved_filters");
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
