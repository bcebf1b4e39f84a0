using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite;

/// <inheritdoc />
public partial class RecipientNotices : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(
            name: "no_recipients_recorded_at",
            table: "requests",
            type: "INTEGER",
            nullable: true);

        migrationBuilder.AddColumn<DateOnly>(
            name: "recipients_asked_on",
            table: "requests",
            type: "TEXT",
            nullable: true);

        migrationBuilder.AddColumn<DateOnly>(
            name: "recipients_told_on",
            table: "requests",
            type: "TEXT",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "request_recipients",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                disclosed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                told_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                told_how = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                exemption = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
