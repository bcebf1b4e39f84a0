using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupplementReminderSetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Settings are one JSON document: a party saved before this setting existed gets its default, not 0.
            migrationBuilder.Sql(@"UPDATE parties SET ""Settings"" = ""Settings"" || '{""SupplementReminderDays"": 3}'::jsonb WHERE NOT jsonb_exists(""Settings"", 'SupplementReminderDays');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
