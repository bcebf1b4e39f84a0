using System.Globalization;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.PersonalData;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The register, with the list's filters, as .xlsx or CSV. Every exported case is logged as a read of personal data.
/// Personnummer are included only when a DPO ticks the box and says why; a case with skyddad identitet never carries
/// its name, contact or number into a file.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class ExportModel(
    AppDbContext db,
    TenantContext tenant,
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

    /// <summary><c>xlsx</c> or <c>csv</c>.</summary>
    [BindProperty]
    public string? Format { get; set; }

    [BindProperty]
    public bool IncludePersonalNumbers { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    public bool IsDpo { get; private set; }

    public RequestFilter Filter { get; private set; } = new(null, null, null, false, null);

    public int Count { get; private set; }

    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = await PrepareAsync(ct);
        ModelState.Clear();
        if (Format is not ("xlsx" or "csv"))
        {
            ModelState.AddModelError(nameof(Format), "Välj Excel (.xlsx) eller CSV.");
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

        var today = Swedish.Today(clock);
        var rows = await Filter.Apply(db.Requests.AsNoTracking(), today, userId)
            .OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.CaseNumber)
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
            "Förlängd", "Identitet bekräftad", "Handläggare", "Besvarad", "Svarssätt", "Den registrerade", "E-post", "Postadress",
        ];
        if (IncludePersonalNumbers)
        {
            headers.Add("Personnummer");
        }

        var table = rows.Select(x =>
        {
            var r = x.Request;
            var shielded = r.ProtectedIdentity;
            List<string?> line =
            [
                r.CaseNumber,
                Swedish.ToLocal(r.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.Channel.Swedish(),
                x.Controller,
                RequestWords.Rights(r.Rights),
                r.Status.Swedish(),
                RequestWords.Iso(r.EffectiveDueOn),
                RequestWords.DaysLeft(r.EffectiveDueOn, today, r.Status),
                r.Status == RequestStatus.Extended || r.ExtensionNoticeSentOn is not null ? "ja" : "nej",
                r.IdentityConfirmedAt is { } confirmed ? Swedish.ToLocal(confirmed).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                x.Officer,
                r.AnsweredOn is { } answered ? RequestWords.Iso(answered) : null,
                r.Delivery?.Swedish(),
                shielded ? "Skyddad identitet" : r.RequesterName,
                shielded ? null : r.Email,
                shielded ? null : r.PostalAddress?.Replace('\n', ',').Replace(",", ", ", StringComparison.Ordinal),
            ];
            if (IncludePersonalNumbers)
            {
                line.Add(shielded || r.PersonalNumberProtected is null ? null : personalNumbers.Unprotect(r.PersonalNumberProtected));
            }

            return (IReadOnlyList<string?>)line;
        }).ToList();

        var sheet = new Spreadsheet("Begäranden", headers, table);
        var name = $"begaranden-{Slug}-{RequestWords.Iso(today)}";
        return Format == "csv"
            ? File(sheet.ToCsv(), Spreadsheet.CsvContentType, name + ".csv")
            : File(sheet.ToXlsx(), XlsxWriter.ContentType, name + ".xlsx");
    }

    private async Task<Guid> PrepareAsync(CancellationToken ct)
    {
        var viewer = await viewers.CurrentAsync(ct);
        IsDpo = (await authorization.AuthorizeAsync(User, Policies.PartyDpo)).Succeeded;
        Filter = new RequestFilter(Status, Right, Officer, Mine, Due).Normalised();
        (Status, Right, Officer, Due) = (Filter.Status, Filter.Right, Filter.Officer, Filter.Due);
        var userId = viewer.UserId;
        Count = await Filter.Apply(db.Requests.AsNoTracking(), Swedish.Today(clock), userId).CountAsync(ct);
        Format ??= "xlsx";
        return userId;
    }
}
