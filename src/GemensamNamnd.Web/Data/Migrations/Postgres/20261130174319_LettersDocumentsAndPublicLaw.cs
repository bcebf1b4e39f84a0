using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LettersDocumentsAndPublicLaw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcomes",
                table: "requests",
                type: "jsonb",
                nullable: true);

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

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "requests",
                type: "character varying(20)",
                maxLength: 20,
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

            migrationBuilder.AddColumn<string>(
                name: "disclosure",
                table: "request_system_searches",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "osl_provision",
                table: "request_system_searches",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "secrecy_note",
                table: "request_system_searches",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    storage_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    deletion_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_contents",
                columns: table => new
                {
                    storage_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_contents", x => x.storage_key);
                });

            migrationBuilder.CreateTable(
                name: "letter_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_templates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_intake_id",
                table: "requests",
                columns: new[] { "party_id", "intake_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_party_id_case_kind_case_id",
                table: "case_documents",
                columns: new[] { "party_id", "case_kind", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_letter_templates_party_id_kind",
                table: "letter_templates",
                columns: new[] { "party_id", "kind" },
                unique: true);

            // Party-owned: row-level security on app.party_id, as every party-owned table.
            migrationBuilder.EnablePartyIsolation("letter_templates");
            migrationBuilder.EnablePartyIsolation("case_documents");
            migrationBuilder.EnablePartyIsolation("document_contents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_documents");

            migrationBuilder.DropTable(
                name: "document_contents");

            migrationBuilder.DropTable(
                name: "letter_templates");

            migrationBuilder.DropIndex(
                name: "ix_requests_party_id_intake_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "Outcomes",
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
                name: "outcome",
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
