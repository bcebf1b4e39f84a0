using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Audit;

[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    private const int PageSize = 50;

    public List<AuditEntry> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "sida")] int? page, CancellationToken ct)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>The row's changes without the personnummer hash or free text (<see cref="AuditChanges"/>).</summary>
    public string Changes(AuditEntry entry) => AuditChanges.Describe(db.Model, entry.EntityType, entry.Changes);
}
