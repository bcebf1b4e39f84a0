using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>
/// Downloads a document of a case the user may open: always as an attachment, with the type found in its content and
/// <c>nosniff</c>, so a browser never renders it in the app's origin. The download is logged as a read of the case's
/// personal data before anything is sent. Another party's document, a deleted one or one of a case the user may not
/// open is 404.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class DownloadModel(CaseDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await documents.DownloadAsync(id, ct) is not { } download)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(download.Content, download.Document.ContentType, download.Document.FileName);
    }
}
