using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres;

/// <inheritdoc />
public partial class RecipientNotices : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "no_recipients_recorded_at",
            table: "requests",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.AddColumn<DateOnly>(
            name: "recipients_asked_on",
            table: "requests",
            type: "date",
            nullable: true);

        migrationBuilder.AddColumn<DateOnly>(
            name: "recipients_told_on",
            table: "requests",
            type: "date",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "request_recipients",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                party_id = table.Column<Guid>(type: "uuid", nullable: false),
                request_id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                disclosed_on = table.Column<DateOnly>(type: "date", nullable: true),
                state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                told_on = table.Column<DateOnly>(type: "date", nullable: true),
                told_how = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                exemption = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_request_recipients", x => x.id);
                table.ForeignKey(
                    name: "fk_request_recipients_requests_request_id",
                    column: x => x.request_id,
                    principalTable: "requests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_request_recipients_party_id_request_id",
            table: "request_recipients",
            columns: new[] { "party_id", "request_id" });

        migrationBuilder.CreateIndex(
            name: "ix_request_recipients_request_id",
            table: "request_recipients",
            column: "request_id");

        // Party-owned: row-level security on app.party_id, as every party-owned table.
        migrationBuilder.EnablePartyIsolation("request_recipients");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "request_recipients");

        migrationBuilder.DropColumn(
            name: "no_recipients_recorded_at",
            table: "requests");

        migrationBuilder.DropColumn(
            name: "recipients_asked_on",
            table: "requests");

        migrationBuilder.DropColumn(
            name: "recipients_told_on",
            table: "requests");
    }
}
