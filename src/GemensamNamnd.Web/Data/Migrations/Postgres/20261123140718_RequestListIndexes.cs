using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_tenant_id_effective_due_on",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_requests_tenant_id_status_effective_due_on",
                table: "requests");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_effective_due_on_case_number_id",
                table: "requests",
                columns: new[] { "tenant_id", "effective_due_on", "case_number", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "status" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_status_effective_due_on_case_number_id",
                table: "requests",
                columns: new[] { "tenant_id", "status", "effective_due_on", "case_number", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_tenant_id_effective_due_on_case_number_id",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_requests_tenant_id_status_effective_due_on_case_number_id",
                table: "requests");

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_effective_due_on",
                table: "requests",
                columns: new[] { "tenant_id", "effective_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_tenant_id_status_effective_due_on",
                table: "requests",
                columns: new[] { "tenant_id", "status", "effective_due_on" });
        }
    }
}
