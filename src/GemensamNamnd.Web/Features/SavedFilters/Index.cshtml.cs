using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.SavedFilters;

/// <summary>
/// The signed-in user's saved filters in the party (<c>/{party}/sparade-filter</c>): each a link that applies it and a
/// button that deletes it. The lists' "Spara filtret" form posts here (handler <c>Save</c>) and comes back to the list
/// with the filter applied; a refused name is shown here, with the form again.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, CurrentParty currentParty, SaveFilter save) : FormPageModel
{
    [BindProperty]
    public string? List { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public Guid? FilterId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public List<SavedFilterRow> Requests { get; private set; } = [];

    public List<SavedFilterRow> Breaches { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    /// <summary>The list's address with a saved query.</summary>
    public string Apply(string list, string query) => $"/{Slug}/{list}{(query.Length == 0 ? string.Empty : "?" + query)}";

    public static string ListName(string? list) => list == SavedFilterQueries.Breaches ? "Incidenter" : "Begäranden";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.CreateAsync(await UserIdAsync(ct), List, Name, Query, ct);
        if (!result.Ok)
        {
            if (result.Status == CommandStatus.Forbidden)
            {
                return Forbid();
            }

            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Refusal(result)!;
        }

        Notice = $"Filtret ”{result.Value!.Name}” är sparat.";
        return LocalRedirect(Apply(result.Value.List, result.Value.Query));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.DeleteAsync(await UserIdAsync(ct), FilterId ?? Guid.Empty, ct);
        if (!result.Ok)
        {
            return NotFound();
        }

        Notice = $"Filtret ”{result.Value!.Name}” är borttaget.";
        return LocalRedirect($"/{Slug}/sparade-filter");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = await UserIdAsync(ct);
        Requests = await SavedFilterQueries.ForUserAsync(db, userId, SavedFilterQueries.Requests, ct);
        Breaches = await SavedFilterQueries.ForUserAsync(db, userId, SavedFilterQueries.Breaches, ct);
    }

    private async Task<Guid> UserIdAsync(CancellationToken ct) => (await currentUser.GetAsync(ct))?.Id ?? Guid.Empty;
}
