using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// <c>GET /{party}/incidenter/export?format=xlsx|csv&amp;status=…&amp;risk=…&amp;klocka=…</c>: the list's filter as a file.
/// The list page checks the filter and builds the table, so its columns and its query live in one place.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ExportModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    // The list's filters, under the list's names (IndexModel checks and normalises them).
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "risk")]
    public string? Risk { get; set; }

    [BindProperty(SupportsGet = true, Name = "klocka")]
    public string? Clock { get; set; }

    [BindProperty(SupportsGet = true, Name = TextSearch.Field)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.ColumnField)]
    public string? SortColumn { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.OrderField)]
    public string? SortOrder { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var list = ActivatorUtilities.CreateInstance<IndexModel>(HttpContext.RequestServices);
        (list.Status, list.Risk, list.Clock, list.Search, list.SortColumn, list.SortOrder) = (Status, Risk, Clock, Search, SortColumn, SortOrder);
        return Exports.File(format, list.ExportName, await list.ExportSheetAsync(ct));
    }
}
