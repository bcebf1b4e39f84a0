using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SavedFilters;

/// <summary>A saved filter as a list shows it: its name and the query that applies it.</summary>
public sealed record SavedFilterRow(Guid Id, string Name, string Query);

/// <summary>
/// The saved filters of the lists, for the lists themselves: the signed-in user's own in the current party (the party by
/// the query filter and row-level security, the user by <c>UserId</c>); nobody else's are ever read.
/// </summary>
public static class SavedFilterQueries
{
    /// <summary>The request list, <c>/{party}/begaranden</c>.</summary>
    public const string Requests = "begaranden";

    /// <summary>The breach list, <c>/{party}/incidenter</c>.</summary>
    public const string Breaches = "incidenter";

    public const int NameLimit = 100;

    public const int QueryLimit = 2000;

    /// <summary>How many filters one user may save for one list.</summary>
    public const int MaxPerList = 50;

    public static bool IsList(string? list) => list is Requests or Breaches;

    /// <summary>The user's filters of <paramref name="list"/> in the current party, by name.</summary>
    public static Task<List<SavedFilterRow>> ForUserAsync(AppDbContext db, Guid userId, string list, CancellationToken ct) =>
        userId == Guid.Empty
            ? Task.FromResult(new List<SavedFilterRow>())
            : db.SavedFilters.AsNoTracking().Where(f => f.UserId == userId && f.List == list)
                .OrderBy(f => f.Name).Select(f => new SavedFilterRow(f.Id, f.Name, f.Query)).ToListAsync(ct);
}

/// <summary>What a list hands the saved-filters partial: its party, its key, the user's filters and its current query.</summary>
public sealed record SavedFiltersView(string Slug, string List, IReadOnlyList<SavedFilterRow> Filters, string CurrentQuery);
