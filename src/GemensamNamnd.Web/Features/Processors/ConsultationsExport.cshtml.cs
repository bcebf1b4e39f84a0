using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary><c>GET /{party}/radgivningslogg/export?format=xlsx|csv[&amp;personuppgiftsansvarig=]</c>: the consultation log.</summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class ConsultationsExportModel(AppDbContext db, CurrentParty currentParty, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "personuppgiftsansvarig")]
    public Guid? ControllerId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var controllers = await db.DataControllers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var query = db.DpoConsultations.AsNoTracking();
        if (ControllerId is { } id)
        {
            query = query.Where(c => c.ControllerId == id);
        }

        var rows = await query.OrderBy(c => c.AskedOn).ToListAsync(ct);
        var sheet = new Spreadsheet("Rådgivningslogg",
            ["Tillfrågad", "Personuppgiftsansvarig", "Fråga", "Råd", "Beslutat", "I god tid", "Rådet följdes", "Motivering"],
            [.. rows.Select(c => (IReadOnlyList<Cell>)[Cell.Date(c.AskedOn), controllers.GetValueOrDefault(c.ControllerId), c.Subject, c.Advice,
                Cell.Date(c.DecidedOn), Cell.YesNo(ConsultationRules.InGoodTime(c.AskedOn, c.DecidedOn)), c.Followed.Swedish(), c.FollowedNote])]);
        return Exports.File(format, $"radgivningslogg-{currentParty.Required.Slug}-{Swedish.Today(clock):yyyy-MM-dd}", sheet);
    }
}
