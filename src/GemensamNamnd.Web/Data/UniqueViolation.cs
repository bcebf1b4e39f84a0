using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// A save refused by a unique index: two people created the same name at the same moment, both past the command's own
/// "finns redan" check. The command answers with that same message instead of a 500 (issue 22).
/// </summary>
public static class UniqueViolation
{
    /// <summary>PostgreSQL's unique_violation (23505) or SQLite's SQLITE_CONSTRAINT_UNIQUE (2067).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception?.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || exception?.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 };

    /// <summary>Saves; false when a unique index refused the save (nothing is stored then).</summary>
    public static async Task<bool> TrySaveUniqueAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            return false;
        }
    }
}
