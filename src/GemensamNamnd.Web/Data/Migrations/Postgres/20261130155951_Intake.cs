using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hand_over_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hand_over_by",
                table: "requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "identity_assurance",
                table: "requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "identity_check",
                table: "requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "intake_id",
                table: "requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "representative_checked_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_checked_by",
                table: "requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_checked_how",
                table: "requests",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_kind",
                table: "requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative_name",
                table: "requests",
                type: "character varying(200)",
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
