using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>The party start page's request figures: counts only, over the cases the viewer may open (as the list).</summary>
public static class RequestFigureQueries
{
    public static async Task<RequestFigures> FiguresAsync(AppDbContext db, RequestViewer viewer, DateOnly today, CancellationToken ct)
    {
        var open = db.Requests.AsNoTracking().OpenTo(viewer).Where(r => RequestStatusRules.Open.Contains(r.Status));
        return new RequestFigures(await open.CountAsync(ct), await open.CountAsync(r => r.EffectiveDueOn < today, ct));
    }
}

/// <summary>Open requests, and how many of them are past their deadline in force.</summary>
public sealed record RequestFigures(int Open, int Overdue);
