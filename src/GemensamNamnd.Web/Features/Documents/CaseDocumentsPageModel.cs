using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>
/// A case's documents (<c>…/begaranden/{id}/handlingar</c>, <c>…/incidenter/{id}/handlingar</c>): the list, the upload
/// (handler <c>Upload</c>, multipart) and delete with a reason, asked first (<see cref="Confirmation"/>). The case page's
/// "Handlingar" section posts here; a done upload or delete goes back to the case page. Officers add and delete; every
/// member who may open the case lists and downloads. A case not open to the user is 404.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public abstract class CaseDocumentsPageModel(
    AppDbContext db, DocumentCaseAccess access, CaseDocuments documents, CurrentParty currentParty, IAuthorizationService authorization) : FormPageModel
{
    public const string NoticeKey = "DocumentNotice";

    protected abstract CaseKind Kind { get; }

    [BindProperty]
    public Guid? DocumentId { get; set; }

    [BindProperty]
    public string? DeleteReason { get; set; }

    public CaseRef Case { get; private set; } = null!;

    public string CaseNumber { get; private set; } = string.Empty;

    public List<DocumentRow> Documents { get; private set; } = [];

    public bool MayChange { get; private set; }

    /// <summary>The document whose deletion is asked (the reason form); null when none.</summary>
    public DocumentRow? DeleteTarget { get; private set; }

    public Confirmation? Confirm { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string CasePath => DocumentCaseAccess.CasePath(Slug, Case);

    public string DocumentsPath => CasePath + "/handlingar";

    public string LimitText => DocumentSizes.Swedish(documents.MaxBytes);

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "ta-bort")] Guid? remove, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (remove is { } documentId)
        {
            DeleteTarget = Documents.FirstOrDefault(d => d.Id == documentId && !d.IsDeleted);
            if (DeleteTarget is null)
            {
                return NotFound();
            }

            if (!MayChange)
            {
                return Forbid();
            }

            DocumentId = documentId;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!MayChange)
        {
            return Forbid();
        }

        CommandResult<DocumentRow> result;
        if (file is null)
        {
            result = CommandResult<DocumentRow>.Invalid(CaseDocuments.FileField, "Välj en fil att ladda upp.");
        }
        else if (file.Length > documents.MaxBytes)
        {
            result = CommandResult<DocumentRow>.Invalid(CaseDocuments.FileField, documents.TooLargeMessage);
        }
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            result = await documents.AddAsync(Case, file.FileName, buffer.ToArray(), ct);
        }

        if (Refusal(result) is { } refusal)
        {
            if (refusal is not NotFoundResult)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return refusal;
        }

        TempData[NoticeKey] = $"Handlingen ”{result.Value!.FileName}” ({result.Value.TypeName}, {result.Value.SizeText}) är sparad i ärendet.";
        return LocalRedirect(CasePath + "#handlingar");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var target = DocumentId is { } documentId ? Documents.FirstOrDefault(d => d.Id == documentId && !d.IsDeleted) : null;
        if (target is null)
        {
            return NotFound();
        }

        if (!MayChange)
        {
            return Forbid();
        }

        DeleteTarget = target;
        if (string.IsNullOrWhiteSpace(DeleteReason) || !Confirmation.IsConfirmed(Request))
        {
            if (string.IsNullOrWhiteSpace(DeleteReason))
            {
                AddErrors([new Error(CaseDocuments.ReasonField, "Ange varför handlingen tas bort (högst 1 000 tecken).")]);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            Confirm = new Confirmation("Delete", $"Ta bort ”{target.FileName}”?",
                "Filens innehåll raderas och kan inte återskapas. Namnet, vem som tog bort den, när och skälet står kvar i ärendets lista över handlingar.",
                "Ja, ta bort handlingen", [new(nameof(DocumentId), target.Id.ToString()), new(nameof(DeleteReason), DeleteReason)], DocumentsPath);
            return Page();
        }

        var result = await documents.DeleteAsync(target.Id, DeleteReason, ct);
        if (Refusal(result) is { } refusal)
        {
            return refusal;
        }

        TempData[NoticeKey] = $"Handlingen ”{target.FileName}” är borttagen.";
        return LocalRedirect(CasePath + "#handlingar");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Case = new CaseRef(Kind, id);
        if (await access.CaseNumberAsync(Case, ct) is not { } number)
        {
            return false;
        }

        CaseNumber = number;
        Documents = await CaseDocumentQueries.ForCaseAsync(db, Case, ct);
        MayChange = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        return true;
    }
}

public sealed class RequestDocumentsModel(AppDbContext db, DocumentCaseAccess access, CaseDocuments documents, CurrentParty currentParty, IAuthorizationService authorization)
    : CaseDocumentsPageModel(db, access, documents, currentParty, authorization)
{
    protected override CaseKind Kind => CaseKind.Request;
}

public sealed class BreachDocumentsModel(AppDbContext db, DocumentCaseAccess access, CaseDocuments documents, CurrentParty currentParty, IAuthorizationService authorization)
    : CaseDocumentsPageModel(db, access, documents, currentParty, authorization)
{
    protected override CaseKind Kind => CaseKind.Breach;
}
