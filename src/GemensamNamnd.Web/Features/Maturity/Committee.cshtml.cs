using System.Globalization;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// The e-strateg's comparison (<c>/mognad</c>): parties × measured indicators for a year or a chosen period with the
/// regional median, sortable; bar charts, the heat map of a round's self-assessed levels, the trend over the years;
/// CSV and Excel. Aggregates only, suppressed for small numbers (<see cref="MaturityComparison"/>).
/// </summary>
[Authorize(Policy = Policies.EStrategist)]
public sealed class CommitteeModel(MaturityComparison comparison, AppDbContext db, TimeProvider clock) : PageModel
{
    public const string PartyColumn = "part";
    public const string LevelColumn = "sjalvskattning";

    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "fran")] public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")] public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortera")] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordning")] public string? Order { get; set; }

    [BindProperty(SupportsGet = true, Name = "omgang")] public int? RoundYear { get; set; }

    public MeasuredComparison Measured { get; private set; } = null!;

    public AssessedComparison? Assessed { get; private set; }

    public TrendSeries Trend { get; private set; } = null!;

    /// <summary>The measured trend: each party's share of requests answered within the deadline, year by year.</summary>
    public TrendSeries OnTime { get; private set; } = null!;

    public List<int> RoundYears { get; private set; } = [];

    public string? PeriodError { get; private set; }

    public IReadOnlyList<ComparisonRow> SortedRows { get; private set; } = [];

    public bool Descending => Order == "fallande";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>
    /// For <see cref="ExportModel"/>: the table as shown (suppressed values as on the page, sorted as asked), or null
    /// when the period cannot be used (<see cref="PeriodError"/> says why).
    /// </summary>
    public async Task<Spreadsheet?> ExportSheetAsync(CancellationToken ct) => await LoadAsync(ct, trends: false) ? Sheet() : null;

    /// <summary>The comparison for the chosen period; the trends only for the page (the exports hold the table alone).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct, bool trends = true)
    {
        var today = Swedish.Today(clock);
        RoundYears = await db.MaturityRounds.AsNoTracking().Where(r => r.Status != RoundStatus.Draft).OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(ct);
        var period = ParsePeriod(today, RoundYears.Count > 0 ? Math.Min(RoundYears[0], today.Year) : today.Year);
        Measured = await comparison.MeasuredAsync(period, today, ct);
        var roundYear = RoundYear is { } y && RoundYears.Contains(y) ? y : RoundYears.FirstOrDefault();
        var round = roundYear == 0 ? null : await db.MaturityRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == roundYear, ct);
        RoundYear = round?.Year;
        Assessed = round is null ? null : await comparison.AssessedAsync(round, ct);
        if (trends)
        {
            Trend = await comparison.TrendAsync(ct);
            OnTime = await comparison.OnTimeTrendAsync(today, ct);
        }

        SortedRows = SortRows();
        return PeriodError is null;
    }

    /// <summary>The chosen year or period; by default the year of the latest round, the year the committee compares.</summary>
    private Period ParsePeriod(DateOnly today, int defaultYear)
    {
        var (from, to) = (FormValues.Date(From), FormValues.Date(To));
        if ((from is null && !string.IsNullOrWhiteSpace(From)) || (to is null && !string.IsNullOrWhiteSpace(To)))
        {
            PeriodError = "Datumen kunde inte läsas (skriv ÅÅÅÅ-MM-DD).";
        }
        else if (from is { } f && to is { } t)
        {
            PeriodError = Period.WhyNot(f, t);
            if (PeriodError is null)
            {
                Year = null;
                return new Period(f, t);
            }
        }
        else if (from is not null || to is not null)
        {
            PeriodError = "Ange både första och sista dag för en egen period.";
        }

        if (Year is not { } year || year < 2000 || year > 2100)
        {
            if (Year is not null)
            {
                PeriodError ??= "Ange ett år mellan 2000 och 2100.";
            }

            Year = defaultYear;
        }

        (From, To) = (null, null);
        return Period.Year(Year.Value);
    }

    private List<ComparisonRow> SortRows()
    {
        var rows = Measured.Rows.ToList();
        if (Sort is null || Sort == PartyColumn)
        {
            return Descending ? [.. rows.OrderByDescending(r => r.PartyName, StringComparer.Create(Swedish.Culture, false))] : rows;
        }

        if (Sort == LevelColumn)
        {
            double? Mean(ComparisonRow r) => Assessed?.Parties.FirstOrDefault(p => p.PartyId == r.PartyId).Mean;
            return Ordered(rows, Mean);
        }

        if (MaturityComparison.Defs.All(d => d.Key != Sort))
        {
            Sort = null;
            return rows;
        }

        return Ordered(rows, r => r.Cells[Sort].Value);

        // Values first (ascending or descending), then hidden and missing ones, each group by party name.
        List<ComparisonRow> Ordered(List<ComparisonRow> list, Func<ComparisonRow, double?> key) =>
            Descending
                ? [.. list.OrderBy(r => key(r) is null).ThenByDescending(key).ThenBy(r => r.PartyName, StringComparer.Create(Swedish.Culture, false))]
                : [.. list.OrderBy(r => key(r) is null).ThenBy(key).ThenBy(r => r.PartyName, StringComparer.Create(Swedish.Culture, false))];
    }

    public string PeriodText => Year is { } y ? y.ToString(CultureInfo.InvariantCulture)
        : $"{Domain.Deadlines.SwedishDates.Long(Measured.Period.From)} – {Domain.Deadlines.SwedishDates.Long(Measured.Period.To)}";

    /// <summary>The query string for the same view sorted by <paramref name="column"/> (toggling the order when it is the current one).</summary>
    public string SortLink(string column)
    {
        var order = Sort == column && !Descending ? "fallande" : "stigande";
        return $"/mognad?{PeriodQuery()}&sortera={column}&ordning={order}{(RoundYear is { } r ? $"&omgang={r}" : string.Empty)}";
    }

    public string? AriaSort(string column) => Sort == column || (Sort is null && column == PartyColumn) ? (Descending ? "descending" : "ascending") : null;

    public string PeriodQuery() => Year is { } y ? $"ar={y}" : $"fran={MaturityComparison.Iso(Measured.Period.From)}&till={MaturityComparison.Iso(Measured.Period.To)}";

    /// <summary>The export's query: the period, the sort and the round as on the page, so the file is the table shown.</summary>
    public string ExportQuery() =>
        PeriodQuery() + (Sort is { } s ? $"&sortera={s}&ordning={(Descending ? "fallande" : "stigande")}" : string.Empty) + (RoundYear is { } r ? $"&omgang={r}" : string.Empty);

    public double? MeanLevel(Guid partyId) => Assessed?.Parties.FirstOrDefault(p => p.PartyId == partyId).Mean;

    /// <summary>
    /// Counts, days, hours and months as numbers, shares as percentages; a hidden or missing value stays the text the page
    /// shows ("&lt; 5", "–"). A note beside a value ("mål 25 %") gets a column of its own, so the value stays a number.
    /// </summary>
    private Spreadsheet Sheet()
    {
        var defs = MaturityComparison.Defs;
        var noted = defs.Where(d => SortedRows.Select(r => r.Cells[d.Key]).Append(Measured.Medians[d.Key]).Any(c => c is { Value: not null, Suppressed: false, Note: not null }))
            .Select(d => d.Key).ToHashSet();
        var headers = new List<string> { "Part" };
        foreach (var d in defs)
        {
            headers.Add(Measured.Heading(d));
            if (noted.Contains(d.Key))
            {
                headers.Add($"{Measured.Heading(d)}, anmärkning");
            }
        }

        if (Assessed is not null)
        {
            headers.Add($"Självskattning {Assessed.Round.Year} (medelnivå)");
        }

        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var row in SortedRows)
        {
            rows.Add(Line(row.PartyName, d => row.Cells[d.Key], MeanLevel(row.PartyId)));
        }

        rows.Add(Line("Regional median", d => Measured.Medians[d.Key], Assessed is null ? null : Medians.Regional(Assessed.Parties.Select(p => p.Mean))));
        return new Spreadsheet($"Mognad {PeriodText}", headers, rows);

        List<Cell> Line(string name, Func<IndicatorDef, IndicatorCell> cellOf, double? level)
        {
            var cells = new List<Cell> { name };
            foreach (var d in defs)
            {
                var cell = cellOf(d);
                cells.Add(Typed(d, cell));
                if (noted.Contains(d.Key))
                {
                    cells.Add(cell is { Value: not null, Suppressed: false } ? Cell.Text(cell.Note) : Cell.Empty);
                }
            }

            if (Assessed is not null)
            {
                cells.Add(level is { } l ? Cell.Number(Math.Round(l, 1), 1) : MaturityComparison.Level(null));
            }

            return cells;
        }

        static Cell Typed(IndicatorDef d, IndicatorCell cell) => cell is { Suppressed: false, Value: { } v }
            ? d.Unit switch
            {
                IndicatorUnit.Share => Cell.Percent(v),
                IndicatorUnit.Percent => Cell.Percent(v / 100),
                _ => Cell.Number(Math.Round(v, 1)),
            }
            : MaturityComparison.Format(d, cell);
    }

    /// <summary>The export's file name: the year, or the first and last day of the period.</summary>
    public string ExportName => $"mognad-{PeriodQuery().Replace("ar=", string.Empty, StringComparison.Ordinal).Replace("fran=", string.Empty, StringComparison.Ordinal).Replace("&till=", "--", StringComparison.Ordinal)}";
}
