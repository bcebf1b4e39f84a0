using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Letters;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// <c>/{party}/arsrapport?ar=2026&amp;personuppgiftsansvarig=&lt;id&gt;[&amp;format=pdf|docx]</c>: the DPO's annual report to a
/// nämnd, printable, and as PDF or DOCX through the letters' document model. Aggregates only: every member of the party.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class AnnualReportPageModel(AppDbContext db, AnnualReport reports, CurrentParty currentParty, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "personuppgiftsansvarig")]
    public Guid? ControllerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public List<Controllers.DataController> PartyControllers { get; private set; } = [];

    public AnnualReportData? Report { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var thisYear = Swedish.Today(clock).Year;
        Year ??= thisYear;
        if (Year < FormValues.MinYear || Year > thisYear)
        {
            return BadRequest($"Välj ett år mellan {FormValues.MinYear} och {thisYear}.");
        }

        PartyControllers = await db.DataControllers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        if (ControllerId is { } id)
        {
            Report = await reports.BuildAsync(id, Year.Value, currentParty.Required.Name, ct);
            if (Report is null)
            {
                return NotFound();
            }
        }

        if (Format is null)
        {
            return Page();
        }

        if (Report is null || LetterKinds.ParseFormat(Format) is not { } format)
        {
            return BadRequest("Välj en personuppgiftsansvarig och format=pdf eller format=docx.");
        }

        var file = reports.Write(Report, format);
        return File(file.Bytes, file.ContentType, file.FileName);
    }
}
