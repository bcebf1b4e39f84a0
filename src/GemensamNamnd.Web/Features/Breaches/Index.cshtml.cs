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
/// The breach register: filtered and searched by GET query (status, risk, the clock; case number or title), 50 a page,
/// one query. By default the breaches whose 72-hour clock runs (or ran out unreported) come first, fewest hours left
/// first, then the others newest awareness first; a column header sorts by that column instead. The table of the same
/// filter and order is what <see cref="ExportModel"/> writes as .xlsx or CSV.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(
    AppDbContext db, CurrentParty currentParty, CurrentUser currentUser, IAuthorizationService authorization, PersonalDataReadLog reads, TimeProvider clock) : PageModel
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

    [BindProperty(SupportsGet = true, Name = TextSearch.Field)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.ColumnField)]
    public string? SortColumn { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.OrderField)]
    public string? SortOrder { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int? PageParameter { get; set; }

    /// <summary>Sort keys of the list's columns; <see cref="SortClock"/> is the list's own order.</summary>
    public const string SortClock = "frist";

    public const string SortCaseNumber = "diarienummer";

    public const string SortAware = "kannedom";

    public const string SortHandler = "handlaggare";

    public static readonly string[] SortColumns = [SortClock, SortCaseNumber, SortAware, SortHandler];

    public static readonly ListSort DefaultSort = new(SortClock, false);

    public ListSort Sort { get; private set; } = DefaultSort;

    /// <summary>The assigned handlers' names of the rows shown, by user id.</summary>
    public Dictionary<Guid, string> HandlerNames { get; private set; } = [];

    /// <summary>The user's saved filters of this list.</summary>
    public List<SavedFilters.SavedFilterRow> SavedFilters { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public List<Breach> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool CanRegister { get; private set; }

    public string Slug => currentParty.Required.Slug;

    /// <summary>A DPO or global administrator: the committee's supplier incidents are linked.</summary>
    public bool MaySeeSupplierIncidents { get; private set; }

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRegister = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        MaySeeSupplierIncidents = (await authorization.AuthorizeAsync(User, Policies.SupplierEditor)).Succeeded;
        PageNumber = Math.Clamp(PageParameter ?? 1, 1, 10_000);
        var rows = await Ordered(Query())
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        var handlerIds = Rows.Select(b => b.HandlerId).OfType<Guid>().Distinct().ToList();
        HandlerNames = handlerIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var userId = (await currentUser.GetAsync(ct))?.Id ?? Guid.Empty;
        SavedFilters = await GemensamNamnd.Web.Features.SavedFilters.SavedFilterQueries.ForUserAsync(db, userId, GemensamNamnd.Web.Features.SavedFilters.SavedFilterQueries.Breaches, ct);
        await reads.RecordManyAsync(nameof(Breach), Rows.Select(b => b.Id), "Visade incidentlistan", ct);
    }

    /// <summary>
    /// The sort in force. The list's own order (<see cref="SortClock"/>): breaches awaiting a report (the clock running or
    /// run out, <see cref="BreachQueries.AwaitingReport"/>) first, by their deadline — fewest hours left first — then the
    /// others by awareness, newest first.
    /// </summary>
    private IOrderedQueryable<Breach> Ordered(IQueryable<Breach> query)
    {
        var ordered = (Sort.Column, Sort.Descending) switch
        {
            (SortCaseNumber, false) => query.OrderBy(b => b.CaseNumber),
            (SortCaseNumber, true) => query.OrderByDescending(b => b.CaseNumber),
            (SortAware, false) => query.OrderBy(b => b.AwareAt),
            (SortAware, true) => query.OrderByDescending(b => b.AwareAt),
            (SortHandler, var descending) => descending
                ? query.OrderBy(b => b.HandlerId == null).ThenByDescending(b => db.Users.Where(u => u.Id == b.HandlerId).Select(u => u.DisplayName).FirstOrDefault())
                : query.OrderBy(b => b.HandlerId == null).ThenBy(b => db.Users.Where(u => u.Id == b.HandlerId).Select(u => u.DisplayName).FirstOrDefault()),
            (_, var descending) => BreachQueries.ByHoursLeft(query, descending),
        };
        return ordered.ThenByDescending(b => b.AwareAt).ThenBy(b => b.Id);
    }

    /// <summary>
    /// The filtered register as a table for <see cref="ExportModel"/>: the facts IMY asks for, no personal data of the
    /// people affected; instants in Swedish time, counts and hours as numbers.
    /// </summary>
    public async Task<Spreadsheet> ExportSheetAsync(CancellationToken ct)
    {
        var rows = await Ordered(Query()).Take(100_000).ToListAsync(ct);
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
        var status = FormValues.Choice<BreachStatus>(Status);
        if (status is null)
        {
            Status = null;
        }

        var risk = FormValues.Choice<RiskLevel>(Risk);
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

        Search = TextSearch.Normalise(Search);
        Sort = ListSort.Parse(SortColumn, SortOrder, SortColumns, DefaultSort);
        (SortColumn, SortOrder) = Sort == DefaultSort ? (null, null) : (Sort.Column, Sort.Descending ? ListSort.DescendingValue : null);
        return BreachQueries.Search(BreachQueries.Filter(db.Breaches.AsNoTracking(), status, risk, clockFilter, Now), Search);
    }

    /// <summary>The list sorted by <paramref name="column"/>'s header: the other direction when already sorted by it.</summary>
    public string SortUrl(string column)
    {
        var (sortColumn, sortOrder) = (SortColumn, SortOrder);
        var next = Sort.Toggle(column);
        (SortColumn, SortOrder) = next == DefaultSort ? (null, null) : (next.Column, next.Descending ? ListSort.DescendingValue : null);
        var url = ListUrl(1);
        (SortColumn, SortOrder) = (sortColumn, sortOrder);
        return url;
    }

    /// <summary>The current filter's query without <c>?</c> or page, as a saved filter keeps it.</summary>
    public string SavedQuery => ListUrl(1)[$"/{Slug}/incidenter".Length..].TrimStart('?');

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

        if (Search is not null)
        {
            query.Add(TextSearch.Field, Search);
        }

        if (SortColumn is not null)
        {
            query.Add(ListSort.ColumnField, SortColumn);
        }

        if (SortOrder is not null)
        {
            query.Add(ListSort.OrderField, SortOrder);
        }

        if (page > 1)
        {
            query.Add("sida", page.ToString(Swedish.Culture));
        }

        return $"/{Slug}/incidenter{(export is null ? string.Empty : "/export")}{query}";
    }
}
