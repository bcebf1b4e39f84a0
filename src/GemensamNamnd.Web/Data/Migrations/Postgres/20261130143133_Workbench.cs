using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "original_received_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "received_time_unknown",
                table: "requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "request_system_searches",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "user_id",
                table: "dpo_persons",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "handler_id",
                table: "breaches",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            // A party-owned table: row-level security as on every other (Data/PartyIsolation).
            migrationBuilder.EnablePartyIsolation("saved_filters");

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
