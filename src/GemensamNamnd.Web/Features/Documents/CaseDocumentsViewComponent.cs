using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>What the "Handlingar" list shows: the case, where its documents page is, the rows and whether the user may change them.</summary>
public sealed record CaseDocumentsView(
    string Slug, CaseRef Case, string DocumentsPath, IReadOnlyList<DocumentRow> Documents, bool MayChange, string LimitText, string? Notice, int HeadingLevel = 2);

/// <summary>
/// The "Handlingar" section of a request's or a breach's page, one line in the page:
/// <c>@await Component.InvokeAsync("CaseDocuments", new { kind = CaseKind.Request, caseId = Model.Case.Id })</c>.
/// Renders nothing when the case is not open to the user (skyddad identitet: <see cref="DocumentCaseAccess"/>).
/// </summary>
public sealed class CaseDocumentsViewComponent(AppDbContext db, DocumentCaseAccess access, CaseDocuments documents, CurrentParty currentParty, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CaseKind kind, Guid caseId)
    {
        var ct = HttpContext.RequestAborted;
        var @case = new CaseRef(kind, caseId);
        if (await access.CaseNumberAsync(@case, ct) is null)
        {
            return Content("");
        }

        var slug = currentParty.Required.Slug;
        var rows = await CaseDocumentQueries.ForCaseAsync(db, @case, ct);
        var mayChange = (await authorization.AuthorizeAsync(HttpContext.User, Policies.PartyOfficer)).Succeeded;
        var notice = TempData[CaseDocumentsPageModel.NoticeKey] as string;
        return View("/Features/Documents/_DocumentList.cshtml",
            new CaseDocumentsView(slug, @case, DocumentCaseAccess.CasePath(slug, @case) + "/handlingar", rows, mayChange, DocumentSizes.Swedish(documents.MaxBytes), notice));
    }
}
