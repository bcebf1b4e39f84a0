using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// <c>GET /{tenant}/incidenter/export?format=xlsx|csv&amp;status=…&amp;risk=…&amp;klocka=…</c>: the list's filter as a file.
/// The list page binds the filter and builds the table, so its columns and filters live in one place.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ExportModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var list = ActivatorUtilities.CreateInstance<IndexModel>(HttpContext.RequestServices);
        await TryUpdateModelAsync(list, string.Empty, l => l.Status, l => l.Risk, l => l.Clock);
        return Exports.File(format, list.ExportName, await list.ExportSheetAsync(ct));
    }
}
