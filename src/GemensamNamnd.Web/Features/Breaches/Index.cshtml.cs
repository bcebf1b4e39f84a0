using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// The breach register: filtered by GET query (status, risk, the clock), newest awareness first, 50 a page, one query;
/// and the table of the same filter that <see cref="ExportModel"/> writes as .xlsx or CSV.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(AppDbContext db, CurrentParty currentParty, IAuthorizationService authorization, PersonalDataReadLog reads, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Values of the <c>klocka</c> filter.</summary>
    public const string ClockRunning = "pagar";

    public const string ClockLate = "forsenade";

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "risk")]
    public string? Risk { get; set; }

    [BindProperty(SupportsGet = true, Name = "klocka")]
    public string? Clock { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int? PageParameter { get; set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public List<Breach> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool CanRegister { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRegister = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        PageNumber = Math.Clamp(PageParameter ?? 1, 1, 10_000);
        var rows = await Query().OrderByDescending(b => b.AwareAt).ThenBy(b => b.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        await reads.RecordManyAsync(nameof(Breach), Rows.Select(b => b.Id), "Visade incidentlistan", ct);
    }

    /// <summary>
    /// The filtered register as a table for <see cref="ExportModel"/>: the facts IMY asks for, no personal data of the
    /// people affected; instants in Swedish time, counts and hours as numbers.
    /// </summary>
    public async Task<Spreadsheet> ExportSheetAsync(CancellationToken ct)
    {
        var rows = await Query().OrderBy(b => b.AwareAt).ThenBy(b => b.Id).Take(100_000).ToListAsync(ct);
        await reads.RecordManyAsync(nameof(Breach), rows.Select(b => b.Id), "Exporterade incidentlistan", ct);
        string[] header =
        [
            "Diarienummer", "Rubrik", "Status", "Inträffade", "Upptäcktes", "Kännedom", "Upphörde", "Typ", "Orsak", "Grupper",
            "Personuppgifter", "Antal poster", "Risk", "Anmäls", "Frist IMY", "Anmäld", "Timmar till anmälan", "Inom 72 timmar", "IMY:s diarienummer",
            "Komplettering senast", "Registrerade informerade", "Avslutad",
        ];
        var table = rows.Select(b => (IReadOnlyList<Cell>)
        [
            b.CaseNumber, b.Title, b.Status.Swedish(), Cell.Instant(b.OccurredFrom), Cell.Instant(b.DiscoveredAt), Cell.Instant(b.AwareAt), Cell.Instant(b.CeasedAt),
            b.Types.SwedishList(), b.Cause.Swedish(), BreachWords.Groups(b.Groups), BreachWords.Kinds(b.DataKinds),
            Cell.Number(b.ApproxRecords), BreachWords.Risk(b.Risk), BreachWords.Decision(b.Reportable),
            Cell.Instant(b.ImyDeadlineAt), Cell.Instant(b.ReportedAt),
            b.ReportedAt is { } r ? Cell.Number(Math.Round(Domain.Deadlines.BreachClock.HoursToReport(b.AwareAt, r), MidpointRounding.AwayFromZero), 0) : Cell.Empty,
            b.ReportedAt is { } r2 ? Cell.YesNo(!Domain.Deadlines.BreachClock.IsLate(b.AwareAt, r2)) : Cell.Empty,
            b.ImyReference, Cell.Date(b.SupplementDueOn), Cell.Instant(b.SubjectNoticeSentAt), Cell.Instant(b.ClosedAt),
        ]).ToList();

        return new Spreadsheet("Incidenter", header, table);
    }

    /// <summary>The export's file name: the register, the party and today.</summary>
    public string ExportName => $"incidenter-{Slug}-{BreachWords.Iso(Swedish.Today(clock))}";

    private IQueryable<Breach> Query()
    {
        Now = clock.GetUtcNow();
        BreachStatus? status = Enum.TryParse<BreachStatus>(Status, out var s) && Enum.IsDefined(s) && Status == s.ToString() ? s : null;
        if (status is null)
        {
            Status = null;
        }

        RiskLevel? risk = Enum.TryParse<RiskLevel>(Risk, out var r) && Enum.IsDefined(r) && Risk == r.ToString() ? r : null;
        if (risk is null)
        {
            Risk = null;
        }

        var clockFilter = Clock switch
        {
            ClockRunning => BreachQueries.ClockRunning,
            ClockLate => BreachQueries.ClockLate,
            _ => null,
        };
        if (clockFilter is null)
        {
            Clock = null;
        }

        return BreachQueries.Filter(db.Breaches.AsNoTracking(), status, risk, clockFilter, Now);
    }

    /// <summary>This list's address with the current filters and another page, or its export (<c>xlsx</c>, <c>csv</c>) with the filters.</summary>
    public string ListUrl(int page, string? export = null)
    {
        var query = new QueryBuilder();
        if (export is not null)
        {
            query.Add(Exports.FormatField, export);
        }

        if (Status is not null)
        {
            query.Add("status", Status);
        }

        if (Risk is not null)
        {
            query.Add("risk", Risk);
        }

        if (Clock is not null)
        {
            query.Add("klocka", Clock);
        }

        if (page > 1)
        {
            query.Add("sida", page.ToString(Swedish.Culture));
        }

        return $"/{Slug}/incidenter{(export is null ? string.Empty : "/export")}{query}";
    }
}
