using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// <c>GET /{party}/registerforteckning/export?format=xlsx|csv|pdf&amp;personuppgiftsansvarig=…</c>: one controller's record
/// (Art. 30(4)); without a controller the party's whole record (xlsx, csv). A controller of another party is 404.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ExportModel(AppDbContext db, CurrentParty currentParty, ProcessingQueries queries, TimeProvider clock) : PageModel
{
    public const string PdfFormat = "pdf";

    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "personuppgiftsansvarig")]
    public Guid? ControllerId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var pdf = string.Equals(Format?.Trim(), PdfFormat, StringComparison.OrdinalIgnoreCase);
        var format = Exports.ParseFormat(Format);
        if (!pdf && format is null)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                Content = "Okänt format. Välj format=xlsx (Excel), format=csv eller format=pdf.",
                ContentType = "text/plain; charset=utf-8",
            };
        }

        string? controllerName = null;
        if (ControllerId is { } id && (controllerName = await db.DataControllers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct)) is null)
        {
            return NotFound();
        }

        var party = currentParty.Required;
        var rows = await queries.ListAsync(ControllerId, ct);
        var name = $"registerforteckning-{party.Slug}{(ControllerId is null ? "" : "-" + FileSlug(controllerName!))}";
        if (pdf)
        {
            var bytes = ProcessingExport.Pdf(rows, party.Name, controllerName ?? party.Name, Swedish.Today(clock));
            return File(bytes, "application/pdf", name + ".pdf");
        }

        return Exports.File(format!.Value, name, ProcessingExport.Sheet(rows));
    }

    /// <summary>A file name part: "Barn- och utbildningsnämnden" → "barn-och-utbildningsnamnden".</summary>
    private static string FileSlug(string name)
    {
        var chars = name.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
