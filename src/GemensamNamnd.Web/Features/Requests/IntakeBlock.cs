using GemensamNamnd.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>What the case page's intake block shows: the other cases of the intake the user may open, and who asks.</summary>
public sealed record IntakeBlockModel(string Slug, DataSubjectRequest Case, IReadOnlyList<IntakeModel.IntakeCase> Others, int Total);

/// <summary>
/// The block on a request's case page, one line in the page:
/// <c>@await Component.InvokeAsync("IntakeBlock", new { request = Model.Case })</c>. It names the other controllers' cases
/// of the same intake with their status (only those the user may open, <see cref="RequestAccessQueries.OpenTo"/>), the
/// representative, and links to "Begäran och ombud" (<see cref="IntakeModel"/>).
/// </summary>
public sealed class IntakeBlockViewComponent(AppDbContext db, RequestViewers viewers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DataSubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ct = HttpContext.RequestAborted;
        var slug = HttpContext.GetRouteValue("party") as string ?? string.Empty;
        if (request.IntakeId is not { } intake)
        {
            return View("/Features/Requests/_IntakeBlock.cshtml", new IntakeBlockModel(slug, request, [], 1));
        }

        var viewer = await viewers.CurrentAsync(ct);
        var total = await db.Requests.CountAsync(r => r.IntakeId == intake, ct);
        var others = await db.Requests.AsNoTracking().Where(r => r.IntakeId == intake && r.Id != request.Id).OpenTo(viewer)
            .OrderBy(r => r.CaseNumber)
            .Join(db.DataControllers, r => r.ControllerId, c => c.Id, (r, c) => new { r.Id, r.CaseNumber, c.Name, r.Status, r.EffectiveDueOn })
            .ToListAsync(ct);
        return View("/Features/Requests/_IntakeBlock.cshtml", new IntakeBlockModel(
            slug, request, [.. others.Select(o => new IntakeModel.IntakeCase(o.Id, o.CaseNumber, o.Name, o.Status, o.EffectiveDueOn, false))], total));
    }
}
