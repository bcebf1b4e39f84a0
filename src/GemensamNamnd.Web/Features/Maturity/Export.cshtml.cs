using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// <c>GET /mognad/export?format=xlsx|csv&amp;ar=…</c> (or <c>fran=…&amp;till=…</c>, with <c>sortera</c>, <c>ordning</c>,
/// <c>omgang</c> as on the page): the comparison table as shown. The comparison page checks the period and builds the
/// table, so its columns and its small-number rules live in one place.
/// </summary>
[Authorize(Policy = Policies.EStrategist)]
public sealed class ExportModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    // The page's period, sort and round, under the page's names (CommitteeModel checks them).
    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "fran")] public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")] public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortera")] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordning")] public string? Order { get; set; }

    [BindProperty(SupportsGet = true, Name = "omgang")] public int? RoundYear { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var comparison = ActivatorUtilities.CreateInstance<CommitteeModel>(HttpContext.RequestServices);
        (comparison.Year, comparison.From, comparison.To, comparison.Sort, comparison.Order, comparison.RoundYear) = (Year, From, To, Sort, Order, RoundYear);
        return await comparison.ExportSheetAsync(ct) is { } sheet
            ? Exports.File(format, comparison.ExportName, sheet)
            : BadRequest(comparison.PeriodError ?? string.Empty);
    }
}
