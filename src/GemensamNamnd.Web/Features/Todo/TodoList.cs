using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Todo;

/// <summary>
/// A user's to-do list: every <see cref="ITodoSource"/> asked in each party the user is a member of, one party scope at a
/// time (row-level security on, so a source cannot read another party), ordered by when it is due. The page, the API
/// (<c>/api/v1/me/todo</c>), the party start page and the calendar feed all read it here.
/// </summary>
public sealed class TodoList(PartyScope scope, PartyDirectory directory, TimeProvider clock)
{
    /// <summary>The user's items across their active parties (or the one party <paramref name="onlyParty"/>), by due time.</summary>
    public async Task<IReadOnlyList<TodoItem>> ForUserAsync(AppUser user, Guid? onlyParty = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var items = new List<TodoItem>();
        foreach (var membership in user.Memberships.GroupBy(m => m.PartyId).Where(g => onlyParty is null || g.Key == onlyParty))
        {
            if (await directory.FindByIdAsync(membership.Key, cancellationToken) is not { IsActive: true })
            {
                continue;
            }

            var roles = membership.Select(m => m.Role).ToHashSet();
            var viewer = new RequestViewer(user.Id, roles.Contains(PartyRole.Dataskyddsombud));
            items.AddRange(await scope.RunAsync(membership.Key, async sp =>
            {
                var context = new TodoContext(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<CurrentParty>().Required, roles, viewer, now, Infrastructure.Swedish.Date(now));
                var found = new List<TodoItem>();
                foreach (var source in sp.GetServices<ITodoSource>())
                {
                    found.AddRange(await source.FindAsync(context, cancellationToken));
                }

                return found;
            }, cancellationToken));
        }

        return [.. items.OrderBy(i => i.DueAt).ThenBy(i => i.PartyName, StringComparer.Ordinal).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ThenBy(i => i.Kind, StringComparer.Ordinal)];
    }
}
