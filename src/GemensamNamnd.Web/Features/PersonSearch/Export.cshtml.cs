using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.PersonSearch;

/// <summary>
/// <c>POST /{party}/personsok/export</c> with the search's fields, its reason and <c>format=xlsx|csv</c>: the hits as a
/// file. A POST like the search itself, so the personnummer never lands in an address; the search is run and logged
/// again with its reason, as every search is.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class ExportModel(PersonSearch search, CurrentParty currentParty, RequestViewers viewers, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? PersonalNumber { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty(Name = Exports.FormatField)] public string? Format { get; set; }

    public string Slug => currentParty.Required.Slug;

    /// <summary>The export is the search page's button; a typed-in address goes there.</summary>
    public IActionResult OnGet() => Redirect($"/{Slug}/personsok");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var (hits, errors) = await search.RunAsync(new PersonQuery(PersonalNumber, Name, Email, Reason), Slug, await viewers.CurrentAsync(ct), ct);
        if (hits is null)
        {
            // The fields are on the search page, not here: the errors are listed without links to them.
            foreach (var message in errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(string.Empty, message);
            }

            return Page();
        }

        return Exports.File(format, $"personsokning-{Slug}-{Swedish.Today(clock):yyyy-MM-dd}", PersonSearch.ToSpreadsheet(hits));
    }
}
