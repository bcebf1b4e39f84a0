using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Todo;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

/// <summary><c>/{party}</c>: the party's key figures and its part of the user's to-do list, then its rules and registers.</summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class PartyStartModel(
    CurrentParty currentParty, CurrentUser currentUser, Drills.LastDrill lastDrill, TodoList todo, RequestViewers viewers, AppDbContext db, TimeProvider clock) : PageModel
{
    public Party Party => currentParty.Required;

    public IReadOnlySet<PartyRole> Roles { get; private set; } = new HashSet<PartyRole>();

    /// <summary>The last test of the incident routine, and whether one is overdue.</summary>
    public Drills.LastDrill.Status Drill { get; private set; } = null!;

    public RequestFigures Requests { get; private set; } = new(0, 0);

    public int RunningClocks { get; private set; }

    public IReadOnlyList<TodoItem> Todo { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Roles = await currentUser.RolesInAsync(Party.Id, ct);
        Drill = await lastDrill.GetAsync(ct);
        Requests = await RequestFigureQueries.FiguresAsync(db, await viewers.CurrentAsync(ct), Swedish.Date(Now), ct);
        RunningClocks = await BreachFigureQueries.RunningClocksAsync(db, Now, ct);
        if (await currentUser.GetAsync(ct) is { } me)
        {
            Todo = await todo.ForUserAsync(me, Party.Id, ct);
        }
    }
}
