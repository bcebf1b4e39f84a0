using System.ComponentModel.DataAnnotations;

namespace GemensamNamnd.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>; connection strings come from <c>ConnectionStrings:App</c> and <c>ConnectionStrings:Owner</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations and seed at start-up: for the embedded default only; production runs <c>migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>PostgreSQL role the application connects as (no BYPASSRLS, owns nothing); the migrate command grants it its rights.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Database:ApplicationRole måste vara ett enkelt rollnamn (a–z, 0–9, _).")]
    public string? ApplicationRole { get; set; }
}
