using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>The party's last drill and whether one is overdue (the party's interval, <see cref="PartySettings.DrillIntervalMonths"/>).</summary>
public sealed class LastDrill(AppDbContext db, CurrentParty currentParty, TimeProvider clock)
{
    public sealed record Status(string Slug, DateOnly? HeldOn, string? Scenario, int IntervalMonths, bool Overdue);

    public async Task<Status> GetAsync(CancellationToken ct)
    {
        var last = await db.Drills.AsNoTracking().OrderByDescending(d => d.HeldOn).Select(d => new { d.HeldOn, d.Scenario }).FirstOrDefaultAsync(ct);
        var months = Math.Max(1, currentParty.Required.Settings.DrillIntervalMonths);
        return new Status(currentParty.Required.Slug, last?.HeldOn, last?.Scenario, months, DrillRules.IsOverdue(last?.HeldOn, Swedish.Today(clock), months));
    }
}
