using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The register, with the list's filters, as .xlsx or CSV: <c>GET /{party}/begaranden/export?format=xlsx|csv&amp;status=…</c>
/// downloads at once; without <c>format</c> the page shows the form, whose POST to the same address (same <c>format</c>
/// field) may add personnummer. Every exported case is logged as a read of personal data. Personnummer are included only
/// when a DPO ticks the box and says why; a case with skyddad identitet never carries its name, contact or number into a file.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ExportModel(
    AppDbContext db,
    CurrentParty currentParty,
    RequestViewers viewers,
    IAuthorizationService authorization,
    PersonalIdentityNumbers personalNumbers,
    PersonalDataReadLog reads,
    TimeProvider clock) : FormPageModel
{
    public const string ReadPurpose = "Export av registret över begäranden";

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "rattighet")]
    public string? Right { get; set; }

    [BindProperty(SupportsGet = true, Name = "handlaggare")]
    public Guid? Officer { get; set; }

    [BindProperty(SupportsGet = true, Name = "mina")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "frist")]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true, Name = TextSearch.Field)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.ColumnField)]
    public string? SortColumn { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.OrderField)]
    public string? SortOrder { get; set; }

    /// <summary><c>xlsx</c> or <c>csv</c>.</summary>
    [BindProperty(SupportsGet = true, Name = Exports.FormatField)]
    public string? Format { get; set; }

    [BindProperty]
    public bool IncludePersonalNumbers { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    public bool IsDpo { get; private set; }

    public RequestFilter Filter { get; private set; } = new(null, null, null, false, null);

    public int Count { get; private set; }

    public string Slug => currentParty.Required.Slug;

    /// <summary>The form; with <c>format</c>, the file itself (without personnummer, which only the form's POST adds).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await PrepareAsync(ct);
        if (Format is null)
        {
            Format = "xlsx";
            return Page();
        }

        return Exports.ParseFormat(Format) is { } format ? await ExportAsync(format, viewer, ct) : Exports.UnknownFormat();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await PrepareAsync(ct);
        Format ??= "xlsx";
        ModelState.Clear();
        var format = Exports.ParseFormat(Format);
        if (format is null)
        {
            ModelState.AddModelError(nameof(Format), "Välj Excel (.xlsx) eller CSV.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (IncludePersonalNumbers && !IsDpo)
        {
            ModelState.AddModelError(nameof(IncludePersonalNumbers), "Bara dataskyddsombudet kan ta med personnummer i en export.");
        }
        else if (IncludePersonalNumbers && (string.IsNullOrWhiteSpace(Purpose) || Purpose.Trim().Length > 500))
        {
            ModelState.AddModelError(nameof(Purpose), "Ange varför personnumren behövs (högst 500 tecken); syftet loggas.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await ExportAsync(format!.Value, viewer, ct);
    }

    private async Task<IActionResult> ExportAsync(ExportFormat format, RequestViewer viewer, CancellationToken ct)
    {
        var today = Swedish.Today(clock);
        var rows = await Filter.Order(Filter.Apply(db.Requests.AsNoTracking(), today, viewer), db.Users)
            .Select(r => new
            {
                Request = r,
                Controller = db.DataControllers.Where(c => c.Id == r.ControllerId).Select(c => c.Name).FirstOrDefault(),
                Officer = db.Users.Where(u => u.Id == r.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var purpose = IncludePersonalNumbers ? $"{ReadPurpose}, med personnummer: {Purpose!.Trim()}" : ReadPurpose;
        await reads.RecordManyAsync(nameof(DataSubjectRequest), rows.Select(r => r.Request.Id), purpose, ct);

        List<string> headers =
        [
            "Diarienummer", "Mottagen", "Kanal", "Personuppgiftsansvarig", "Rättigheter", "Status", "Sista dag", "Dagar kvar",
            "Förlängd", "Identitet bekräftad", "Handläggare", "Besvarad", "Svarssätt", "Utfall", "Den registrerade", "E-post", "Postadress",
        ];
        if (IncludePersonalNumbers)
        {
            headers.Add("Personnummer");
        }

        var table = rows.Select(x =>
        {
            var r = x.Request;
            var shielded = r.ProtectedIdentity;
            List<Cell> line =
            [
                r.CaseNumber,
                Cell.Instant(r.ReceivedAt),
                r.Channel.Swedish(),
                x.Controller,
                RequestWords.Rights(r.Rights),
                r.Status.Swedish(),
                Cell.Date(r.EffectiveDueOn),
                // Days left as a number (negative: overdue), empty once the case is closed.
                Cell.Number(RequestWords.DaysRemaining(r.EffectiveDueOn, today, r.Status)),
                Cell.YesNo(r.Status == RequestStatus.Extended || r.ExtensionNoticeSentOn is not null),
                Cell.Date(r.IdentityConfirmedAt is { } confirmed ? Swedish.Date(confirmed) : null),
                x.Officer,
                Cell.Date(r.AnsweredOn),
                r.Delivery?.Swedish(),
                r.Outcome?.Swedish(),
                shielded ? "Skyddad identitet" : r.RequesterName,
                shielded ? null : r.Email,
                shielded ? null : r.PostalAddress?.Replace('\n', ',').Replace(",", ", ", StringComparison.Ordinal),
            ];
            if (IncludePersonalNumbers)
            {
                line.Add(shielded || r.PersonalNumberProtected is null ? null : personalNumbers.Unprotect(r.PersonalNumberProtected));
            }

            return (IReadOnlyList<Cell>)line;
        }).ToList();

        return Exports.File(format, $"begaranden-{Slug}-{RequestWords.Iso(today)}", new Spreadsheet("Begäranden", headers, table));
    }

    private async Task<RequestViewer> PrepareAsync(CancellationToken ct)
    {
        var viewer = await viewers.CurrentAsync(ct);
        IsDpo = (await authorization.AuthorizeAsync(User, Policies.PartyDpo)).Succeeded;
        Filter = new RequestFilter(Status, Right, Officer, Mine, Due, Search, SortColumn, SortOrder).Normalised();
        (Status, Right, Officer, Due, Search, SortColumn, SortOrder) = (Filter.Status, Filter.Right, Filter.Officer, Filter.Due, Filter.Search, Filter.SortColumn, Filter.SortOrder);
        Count = await Filter.Apply(db.Requests.AsNoTracking(), Swedish.Today(clock), viewer).CountAsync(ct);
        return viewer;
    }
}
