using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>The committee's view for the e-strateg and administrators: parties × DPOs on a chosen day (exported by <see cref="ExportModel"/>).</summary>
[Authorize(Policy = Policies.EStrategist)]
public sealed class CommitteeModel(DpoMatrix matrix, AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "datum")]
    public string? Date { get; set; }

    public CommitteeMatrix Matrix { get; private set; } = null!;

    public bool BadDate { get; private set; }

    public bool IsAdministrator { get; private set; }

    /// <summary>For administrators: every person, to open and change.</summary>
    public List<NamedRef> AllPersons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Matrix = await matrix.BuildAsync(Day(), ct);
        Date = DpoWords.Iso(Matrix.On);
        IsAdministrator = (await authorization.AuthorizeAsync(User, Policies.GlobalAdministrator)).Succeeded;
        if (IsAdministrator)
        {
            AllPersons = await db.DpoPersons.AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync(ct);
        }
    }

    private DateOnly Day()
    {
        var on = DpoApi.DayOrToday(Date, Swedish.Today(clock));
        BadDate = on is null;
        return on ?? Swedish.Today(clock);
    }
}
