using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkbenchAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "user_id",
                table: "dpo_persons",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_dpo_persons_user_id",
                table: "dpo_persons",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_dpo_persons_users_user_id",
                table: "dpo_persons",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dpo_persons_users_user_id",
                table: "dpo_persons");

            migrationBuilder.DropIndex(
                name: "ix_dpo_persons_user_id",
                table: "dpo_persons");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "dpo_persons");
        }
    }
}
