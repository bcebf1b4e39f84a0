using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Audit;

/// <summary>A case's "Vem har läst och ändrat": its own lines of the log, and a link to the log filtered on it.</summary>
public sealed record CaseHistoryModel(IReadOnlyList<AuditLine> Lines, string LogUrl, int Max);

/// <summary>
/// "Vem har läst och ändrat" on a request's or a breach's page, one line in the page:
/// <c>@await Component.InvokeAsync("CaseHistory", new { caseId = Model.Case.Id, caseNumber = Model.Case.CaseNumber })</c>.
/// Shown to whom may read the log (<see cref="Policies.PartyOversight"/>) and, for a request, may open it (skyddad
/// identitet, <see cref="RequestAccessQueries.OpenTo"/>); to anyone else it renders nothing.
/// </summary>
public sealed class CaseHistoryViewComponent(AuditTimeline timeline, IAuthorizationService authorization, AppDbContext db, RequestViewers viewers) : ViewComponent
{
    public const int Max = 30;

    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, string caseNumber)
    {
        var ct = HttpContext.RequestAborted;
        if (!(await authorization.AuthorizeAsync(HttpContext.User, Policies.PartyOversight)).Succeeded)
        {
            return Content("");
        }

        var viewer = await viewers.CurrentAsync(ct);
        if (await db.Requests.AsNoTracking().AnyAsync(r => r.Id == caseId, ct) && !await db.Requests.AsNoTracking().OpenTo(viewer).AnyAsync(r => r.Id == caseId, ct))
        {
            return Content("");
        }

        var lines = await timeline.ForCaseAsync(caseId, Max, ct);
        var slug = HttpContext.GetRouteValue("party") as string;
        var url = $"/{slug}/logg?arende={Uri.EscapeDataString(caseNumber)}";
        return View("/Features/Audit/_CaseHistory.cshtml", new CaseHistoryModel(lines, url, Max));
    }
}
