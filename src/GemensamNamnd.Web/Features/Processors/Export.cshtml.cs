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

/// <summary>
/// <c>GET /{party}/personuppgiftsbitraden/export?format=xlsx|csv</c>: the party's processors with their agreement status,
/// and (in the workbook) the agreements with sub-processors, audits and notices. CSV holds the processors.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ExportModel(AppDbContext db, ProcessorList list, CurrentParty currentParty, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Exports.ParseFormat(Format) is not { } format)
        {
            return Exports.UnknownFormat();
        }

        var today = Swedish.Today(clock);
        var rows = await list.BuildAsync(today, ct);
        var controllers = await db.DataControllers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var suppliers = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var agreements = await db.ProcessorAgreements.AsNoTracking().OrderBy(a => a.ValidFrom).ToListAsync(ct);
        string Names(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => controllers.GetValueOrDefault(id, "okänd")));

        var processors = new Spreadsheet("Personuppgiftsbiträden",
            ["Leverantör", "Land", "System i bruk", "Avtalsstatus", "Gäller till", "Personuppgiftsansvariga", "Meddelanden som väntar"],
            [.. rows.Select(r => (IReadOnlyList<Cell>)[r.Name, r.Country, string.Join(", ", r.Systems), r.Status.Swedish(),
                Cell.Date(r.Current?.ValidTo), r.Current is { } c ? Names(c.ControllerIds) : null, Cell.Number(r.PendingNotices)])]);
        var details = new Spreadsheet("Avtal",
            ["Leverantör", "Personuppgiftsansvariga", "Undertecknat", "Gäller från", "Gäller till", "Status", "Mall", "Instruktioner", "Underbiträden", "Granskningar", "Meddelanden om underbiträden"],
            [.. agreements.Select(a => (IReadOnlyList<Cell>)[suppliers.GetValueOrDefault(a.SupplierId), Names(a.ControllerIds), Cell.Date(a.SignedOn),
                Cell.Date(a.ValidFrom), Cell.Date(a.ValidTo), AgreementRules.StatusOf(a.ValidFrom, a.ValidTo, today).Swedish(),
                a.StandardNote is null ? a.Standard.Swedish() : $"{a.Standard.Swedish()} ({a.StandardNote})", a.Instructions,
                string.Join("; ", a.SubProcessors.Select(s => $"{s.Name} ({s.Country})")),
                string.Join("; ", a.Audits.Select(x => $"{x.On:yyyy-MM-dd}: {x.Note}")),
                string.Join("; ", a.Notices.Select(n => $"{n.ReceivedOn:yyyy-MM-dd}: {n.Description} – {n.Decision.Swedish()}{(n.DecidedOn is { } d ? $" {d:yyyy-MM-dd}" : string.Empty)}"))])]);
        return Exports.File(format, $"personuppgiftsbitraden-{currentParty.Required.Slug}-{today:yyyy-MM-dd}", processors, details);
    }
}
