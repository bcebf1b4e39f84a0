using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hand_over",
                table: "requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "hand_over_at",
                table: "requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hand_over_by",
                table: "requests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "identity_assurance",
                table: "requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "identity_check",
                table: "requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "intake_id",
                table: "requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "representative_checked_at",
                table: "requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_checked_by",
                table: "requests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_checked_how",
                table: "requests",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_kind",
                table: "requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_name",
                table: "requests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_intake_id",
                table: "requests",
                columns: new[] { "party_id", "intake_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_party_id_intake_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "hand_over",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "hand_over_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "hand_over_by",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "identity_assurance",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "identity_check",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "intake_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "representative_checked_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "representative_checked_by",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "representative_checked_how",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "representative_kind",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "representative_name",
                table: "requests");
        }
    }
}
