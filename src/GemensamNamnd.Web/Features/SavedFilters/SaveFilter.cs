using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SavedFilters;

/// <summary>
/// Saves a list's filter under a name for the signed-in user, or deletes one of the user's own. A filter is the user's
/// and the party's: another user's id (or another party's) is not found. The query is kept as the list's query string,
/// rebuilt from its keys and values (no page number), so applying it is only ever a link to the list.
/// </summary>
public sealed class SaveFilter(AppDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<SavedFilter>> CreateAsync(Guid userId, string? list, string? name, string? query, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (userId == Guid.Empty)
        {
            return CommandResult<SavedFilter>.Forbidden("Bara en inloggad användare kan spara filter.");
        }

        if (!SavedFilterQueries.IsList(list))
        {
            errors.Add(new Error("List", "Okänd lista."));
        }

        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > SavedFilterQueries.NameLimit)
        {
            errors.Add(new Error("Name", $"Ge filtret ett namn (högst {SavedFilterQueries.NameLimit} tecken)."));
        }

        var cleaned = Clean(query);
        if (cleaned.Length > SavedFilterQueries.QueryLimit)
        {
            errors.Add(new Error("Query", $"Filtret är för långt för att sparas (högst {SavedFilterQueries.QueryLimit} tecken)."));
        }

        if (errors.Count == 0)
        {
            var count = await db.SavedFilters.CountAsync(f => f.UserId == userId && f.List == list, ct);
            if (count >= SavedFilterQueries.MaxPerList)
            {
                errors.Add(new Error("Name", $"Du har redan {SavedFilterQueries.MaxPerList} sparade filter för listan. Ta bort något först."));
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult<SavedFilter>.Invalid(errors);
        }

        var filter = new SavedFilter { UserId = userId, List = list!, Name = trimmed!, Query = cleaned, CreatedAt = clock.GetUtcNow() };
        db.SavedFilters.Add(filter);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            db.ChangeTracker.Clear();
            return CommandResult<SavedFilter>.Invalid("Name", $"Du har redan ett filter som heter ”{trimmed}”. Välj ett annat namn.");
        }

        return CommandResult.Done(filter);
    }

    public async Task<CommandResult<SavedFilter>> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var filter = await db.SavedFilters.FirstOrDefaultAsync(f => f.Id == id && f.UserId == userId, ct);
        if (filter is null || userId == Guid.Empty)
        {
            return CommandResult<SavedFilter>.NotFound();
        }

        db.SavedFilters.Remove(filter);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(filter);
    }

    /// <summary>The query string rebuilt from its keys and values, without a leading <c>?</c>, a page number or a handler.</summary>
    public static string Clean(string? query)
    {
        var parsed = QueryHelpers.ParseQuery(query is null ? null : query.StartsWith('?') ? query : "?" + query);
        var builder = new QueryBuilder();
        foreach (var (key, values) in parsed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is "sida" or "handler" || key.Length == 0)
            {
                continue;
            }

            foreach (var value in values.OfType<string>().Where(v => v.Length > 0))
            {
                builder.Add(key, value);
            }
        }

        var text = builder.ToQueryString().Value ?? string.Empty;
        return text.TrimStart('?');
    }
}
