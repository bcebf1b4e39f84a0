using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "original_received_at",
                table: "requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "received_time_unknown",
                table: "requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "request_system_searches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "user_id",
                table: "dpo_persons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "handler_id",
                table: "breaches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.id);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_dpo_persons_user_id",
                table: "dpo_persons",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_user_id",
                table: "calendar_feeds",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_filters_party_id_user_id_list_name",
                table: "saved_filters",
                columns: new[] { "party_id", "user_id", "list", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_dpo_persons_users_user_id",
                table: "dpo_persons",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dpo_persons_users_user_id",
                table: "dpo_persons");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "saved_filters");

            migrationBuilder.DropIndex(
                name: "ix_requests_party_id_received_at",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_dpo_persons_user_id",
                table: "dpo_persons");

            migrationBuilder.DropColumn(
                name: "original_received_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "received_time_unknown",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "note",
                table: "request_system_searches");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "dpo_persons");

            migrationBuilder.DropColumn(
                name: "handler_id",
                table: "breaches");
        }
    }
}
