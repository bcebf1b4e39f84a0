using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrustFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One series per party and year across the registers (issue 22): each year's series goes on after the highest
            // number any register took, so no number is handed out twice.
            migrationBuilder.Sql("""
                UPDATE case_number_series SET last_number = (SELECT MAX(b.last_number) FROM case_number_series b
                    WHERE b.party_id = case_number_series.party_id AND b.year = case_number_series.year);
                DELETE FROM case_number_series WHERE series > (SELECT MIN(b.series) FROM case_number_series b
                    WHERE b.party_id = case_number_series.party_id AND b.year = case_number_series.year);
                """);

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_number_series",
                table: "case_number_series");

            migrationBuilder.DropColumn(
                name: "series",
                table: "case_number_series");

            migrationBuilder.AddColumn<string>(
                name: "clock_rule",
                table: "requests",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "eves_are_holidays",
                table: "requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // A case keeps the rules its deadline was counted with; existing cases get the party's settings of today, the
            // best record there is of what they were counted with.
            migrationBuilder.Sql("""
                UPDATE requests SET
                    clock_rule = COALESCE((SELECT json_extract(p.Settings, '$.RequestClockStart') FROM parties p WHERE p.id = requests.party_id), 'Receipt'),
                    eves_are_holidays = COALESCE((SELECT json_extract(p.Settings, '$.EvesAreHolidays') FROM parties p WHERE p.id = requests.party_id), 0);
                """);


            migrationBuilder.AddColumn<long>(
                name: "aware_at_as_reported",
                table: "breaches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_number_series",
                table: "case_number_series",
                columns: new[] { "party_id", "year" });

            migrationBuilder.CreateTable(
                name: "form_submissions",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_submissions", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_user_id_at",
                table: "form_submissions",
                columns: new[] { "user_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_submissions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_number_series",
                table: "case_number_series");

            migrationBuilder.DropColumn(
                name: "clock_rule",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "eves_are_holidays",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "aware_at_as_reported",
                table: "breaches");

            migrationBuilder.AddColumn<string>(
                name: "series",
                table: "case_number_series",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_number_series",
                table: "case_number_series",
                columns: new[] { "party_id", "series", "year" });
        }
    }
}
