using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplementReminderSetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Settings are one JSON document: a party saved before this setting existed gets its default, not 0.
            migrationBuilder.Sql(@"UPDATE parties SET Settings = json_set(Settings, '$.SupplementReminderDays', 3) WHERE json_type(Settings, '$.SupplementReminderDays') IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
