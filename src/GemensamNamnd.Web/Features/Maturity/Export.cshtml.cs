using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// <c>GET /mognad/export?format=xlsx|csv&amp;ar=…</c> (or <c>fran=…&amp;till=…</c>, with <c>sortera</c>, <c>ordning</c>,
/// <c>omgang</c> as on the page): the comparison table as shown. The comparison page binds the period and builds the
/// table, so its columns and its small-number rules live in one place.
/// </summary>
[Authorize(Policy = Policies.EStrategist)]
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

        var comparison = ActivatorUtilities.CreateInstance<CommitteeModel>(HttpContext.RequestServices);
        await TryUpdateModelAsync(comparison, string.Empty, c => c.Year, c => c.From, c => c.To, c => c.Sort, c => c.Order, c => c.RoundYear);
        return await comparison.ExportSheetAsync(ct) is { } sheet
            ? Exports.File(format, comparison.ExportName, sheet)
            : BadRequest(comparison.PeriodError ?? string.Empty);
    }
}
