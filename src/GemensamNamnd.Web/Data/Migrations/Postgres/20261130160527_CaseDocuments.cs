using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // Party-owned tables: row-level security as on every other (Data/PartyIsolation).
            migrationBuilder.EnablePartyIsolation("case_documents");
            migrationBuilder.EnablePartyIsolation("document_contents");

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_party_id_case_kind_case_id",
                table: "case_documents",
                columns: new[] { "party_id", "case_kind", "case_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_documents");

            migrationBuilder.DropTable(
                name: "document_contents");
        }
    }
}
