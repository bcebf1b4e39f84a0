using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// <c>GET /dataskyddsombud/export?format=xlsx|csv&amp;datum=ÅÅÅÅ-MM-DD</c>: the committee's matrix on a day (today without
/// <c>datum</c>). The workbook holds the matrix and the warnings; CSV, one table, holds the matrix.
/// </summary>
[Authorize(Policy = Policies.EStrategist)]
public sealed class ExportModel(DpoMatrix matrix, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "datum")]
    public string? Date { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var on = DpoApi.DayOrToday(Date, Swedish.Today(clock));
        if (on is not { } day)
        {
            return new ContentResult { StatusCode = StatusCodes.Status400BadRequest, Content = FormValues.DateOutOfRange("Datum", Swedish.Today(clock).Year + 1), ContentType = "text/plain; charset=utf-8" };
        }

        return Exports.File(format, Path.GetFileNameWithoutExtension(DpoApi.MatrixFileName(day)), DpoMatrix.ToSheets(await matrix.BuildAsync(day, ct)));
    }
}
