using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutcomesAndSecrecy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcomes",
                table: "requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "disclosure",
                table: "request_system_searches",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "osl_provision",
                table: "request_system_searches",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "secrecy_note",
                table: "request_system_searches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Outcomes",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "disclosure",
                table: "request_system_searches");

            migrationBuilder.DropColumn(
                name: "osl_provision",
                table: "request_system_searches");

            migrationBuilder.DropColumn(
                name: "secrecy_note",
                table: "request_system_searches");
        }
    }
}
