using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.PersonSearch;

/// <summary>
/// <c>/{party}/personsok</c>: a person's data across the party's registers, for the DPO and the administrator. A POST,
/// so the personnummer never lands in an address, a log of addresses or the browser's history. The hits are exported by
/// <see cref="ExportModel"/>.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(PersonSearch search, AppDbContext db, CurrentParty currentParty, RequestViewers viewers) : FormPageModel
{
    /// <summary>One earlier search: when, who and why (never what was searched for).</summary>
    public sealed record PastSearch(DateTimeOffset At, string Who, string Purpose);

    [BindProperty] public string? PersonalNumber { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public List<PersonHit>? Hits { get; private set; }

    public List<PastSearch> Past { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadPastAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (hits, errors) = await search.RunAsync(new PersonQuery(PersonalNumber, Name, Email, Reason), Slug, await viewers.CurrentAsync(ct), ct);
        if (hits is null)
        {
            AddErrors(errors);
            await LoadPastAsync(ct);
            return Page();
        }

        Hits = hits;
        await LoadPastAsync(ct);
        return Page();
    }

    /// <summary>The party's latest searches, so the DPO can follow up who searched and why.</summary>
    private async Task LoadPastAsync(CancellationToken ct)
    {
        var rows = await db.PersonalDataReads.AsNoTracking().Where(r => r.EntityType == PersonSearch.EntityType)
            .OrderByDescending(r => r.At).Take(50).ToListAsync(ct);
        // The actor id is "tid/oid" (CurrentActor); names come from the users table, read for just those people.
        var oids = rows.Select(r => Guid.TryParse(r.ActorId.Split('/').Last(), out var oid) ? oid : Guid.Empty).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => oids.Contains(u.EntraObjectId)).Select(u => new { u.EntraTenantId, u.EntraObjectId, u.DisplayName }).ToListAsync(ct);
        var names = users.GroupBy(u => $"{u.EntraTenantId}/{u.EntraObjectId}").ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase);
        Past = [.. rows.Select(r => new PastSearch(r.At, names.GetValueOrDefault(r.ActorId, r.ActorId), r.Purpose))];
    }
}
