namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// The lists' free-text search: a term from the query (<c>sok</c>) as a SQL <c>LIKE</c> pattern on a lowered column —
/// <c>EF.Functions.Like(x.Column.ToLower(), pattern, TextSearch.Escape)</c> — the same on PostgreSQL (where
/// <c>lower(col) LIKE lower(term)</c> is <c>ILIKE</c>) and SQLite. The term's own <c>%</c>, <c>_</c> and <c>\</c> are
/// escaped, so they match themselves. The database does the matching; a list never reads its rows to search them.
/// </summary>
public static class TextSearch
{
    /// <summary>The query key of the search field.</summary>
    public const string Field = "sok";

    /// <summary>The escape character of the patterns.</summary>
    public const string Escape = "\\";

    /// <summary>Longest term searched for; a longer one is cut (a case number or a name is far shorter).</summary>
    public const int MaxLength = 100;

    /// <summary>The term trimmed and cut to <see cref="MaxLength"/>, or null when there is nothing to search for.</summary>
    public static string? Normalise(string? term)
    {
        var trimmed = term?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxLength ? trimmed[..MaxLength].TrimEnd() : trimmed;
    }

    /// <summary>"KS 2026" → <c>%ks 2026%</c>: contains the lowered term, its wildcards escaped.</summary>
    public static string Contains(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var lowered = term.ToLowerInvariant()
            .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
        return "%" + lowered + "%";
    }
}

/// <summary>
/// A list's sort from the query (<c>sortera</c>, <c>ordning</c>): a column key the list knows and a direction. The
/// header of each sortable column is a link to the other direction, with <c>aria-sort</c> on the sorted one.
/// </summary>
public sealed record ListSort(string Column, bool Descending)
{
    public const string ColumnField = "sortera";

    public const string OrderField = "ordning";

    public const string Ascending = "stigande";

    public const string DescendingValue = "fallande";

    /// <summary>The sort asked for when <paramref name="column"/> is one of <paramref name="known"/>, else the list's default.</summary>
    public static ListSort Parse(string? column, string? order, IReadOnlyCollection<string> known, ListSort fallback)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(fallback);
        if (column is null || !known.Contains(column))
        {
            return fallback;
        }

        return new ListSort(column, order == DescendingValue);
    }

    /// <summary><c>aria-sort</c> for the header of <paramref name="column"/>: ascending, descending, or none (omitted).</summary>
    public string? AriaSort(string column) => column != Column ? null : Descending ? "descending" : "ascending";

    /// <summary>The sort a click on <paramref name="column"/>'s header asks for: the other direction when sorted by it, else ascending.</summary>
    public ListSort Toggle(string column) => column == Column ? this with { Descending = !Descending } : new ListSort(column, false);
}
