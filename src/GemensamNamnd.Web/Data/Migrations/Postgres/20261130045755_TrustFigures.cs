using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "eves_are_holidays",
                table: "requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // A case keeps the rules its deadline was counted with; existing cases get the party's settings of today, the
            // best record there is of what they were counted with.
            migrationBuilder.Sql("""
                UPDATE requests r SET
                    clock_rule = COALESCE(p."Settings"->>'RequestClockStart', 'Receipt'),
                    eves_are_holidays = COALESCE((p."Settings"->>'EvesAreHolidays')::boolean, false)
                FROM parties p WHERE p.id = r.party_id;
                """);


            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "aware_at_as_reported",
                table: "breaches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_number_series",
                table: "case_number_series",
                columns: new[] { "party_id", "year" });

            migrationBuilder.CreateTable(
                name: "form_submissions",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                type: "character varying(20)",
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
