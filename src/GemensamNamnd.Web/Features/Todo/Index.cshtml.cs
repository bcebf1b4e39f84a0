using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Todo;

/// <summary><c>/att-gora</c>: what is due across all the user's parties, most urgent first; the start page after sign-in.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CurrentUser currentUser, TodoList todo, TimeProvider clock) : PageModel
{
    public List<Party> Parties { get; private set; } = [];

    /// <summary>The page shows at most this many rows, the most urgent; the registers' lists page through the rest.</summary>
    public const int MaxRows = 200;

    /// <summary>The filtered items, at most <see cref="MaxRows"/>.</summary>
    public IReadOnlyList<TodoItem> Items { get; private set; } = [];

    /// <summary>The filtered count, before the cap.</summary>
    public int Matching { get; private set; }

    /// <summary>The whole list's count, before the filters.</summary>
    public int Total { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Filter: a party's slug (one of the user's), or null for all.</summary>
    public string? Party { get; private set; }

    /// <summary>Filter: a register key (<see cref="TodoRegisters"/>), or null for all.</summary>
    public string? Register { get; private set; }

    public async Task OnGetAsync(string? part, string? register, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        if (await currentUser.GetAsync(ct) is not { } me)
        {
            return;
        }

        Parties = [.. me.Memberships.Where(m => m.Party is { IsActive: true }).Select(m => m.Party!).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal)];

        // Unknown filter values (another party's slug, a made-up register) fall back to "all": they name nothing of the user's.
        Party = Parties.Any(p => p.Slug == part) ? part : null;
        Register = TodoRegisters.All.Any(r => r.Key == register) ? register : null;
        var all = await todo.ForUserAsync(me, cancellationToken: ct);
        Total = all.Count;
        var matching = all.Where(i => (Party is null || i.Party == Party) && (Register is null || i.Register == Register)).ToList();
        Matching = matching.Count;
        Items = matching[..Math.Min(MaxRows, matching.Count)];
    }
}
