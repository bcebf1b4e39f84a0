using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>The party start page's breach figure: how many 72-hour clocks run now (the list's "running" filter).</summary>
public static class BreachFigureQueries
{
    /// <summary>The list's <c>klocka</c> filter value for running clocks, for links to it.</summary>
    public const string RunningFilter = IndexModel.ClockRunning;

    public static Task<int> RunningClocksAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct) =>
        BreachQueries.Filter(db.Breaches.AsNoTracking(), null, null, BreachQueries.ClockRunning, now).CountAsync(ct);
}
