using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.PersonSearch;

/// <summary>
/// <c>/{tenant}/personsok</c>: a person's data across the party's registers, for the DPO and the administrator. A POST,
/// so the personnummer never lands in an address, a log of addresses or the browser's history.
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(PersonSearch search, TenantContext tenant, CurrentUser currentUser, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? PersonalNumber { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Reason { get; set; }

    /// <summary>Null: show the hits; <c>xlsx</c> or <c>csv</c>: download them.</summary>
    [BindProperty] public string? Format { get; set; }

    public List<PersonHit>? Hits { get; private set; }

    public string Slug => tenant.Required.Slug;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var roles = await currentUser.RolesInAsync(tenant.Required.Id, ct);
        var (hits, errors) = await search.RunAsync(new PersonQuery(PersonalNumber, Name, Email, Reason), Slug, roles.Contains(PartyRole.Dataskyddsombud), ct);
        if (hits is null)
        {
            AddErrors(errors);
            return Page();
        }

        Hits = hits;
        var name = $"personsokning-{Slug}-{Swedish.Today(clock):yyyy-MM-dd}";
        return Format switch
        {
            "xlsx" => File(PersonSearch.ToSpreadsheet(hits).ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            "csv" => File(PersonSearch.ToSpreadsheet(hits).ToCsv(), Spreadsheet.CsvContentType, name + ".csv"),
            _ => Page(),
        };
    }
}
