using System.Globalization;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

public enum IndicatorUnit
{
    Count,
    Share,
    Days,
    Hours,
    Percent,
    Months,
}

/// <summary>
/// One measured indicator. <paramref name="CaseCount"/>: a count of cases, shown "&lt; 5" below five on cross-party views;
/// a share or median over cases is not shown there when fewer than five cases lie under it (<see cref="SmallNumbers"/>).
/// </summary>
public sealed record IndicatorDef(string Key, string Title, string Group, IndicatorUnit Unit, bool CaseCount, bool HigherIsBetter, string Explanation,
    IndicatorTime Time = IndicatorTime.Period);

/// <summary>What moment a figure describes: the chosen period, today (open cases), or the state on the period's last day.</summary>
public enum IndicatorTime
{
    Period,
    Today,
    AsOf,
}

/// <summary>A value as a view may show it: <see cref="Suppressed"/> values are never shown as numbers.</summary>
public sealed record IndicatorCell(double? Value, bool Suppressed, string? Note = null);

public sealed record ComparisonRow(Guid PartyId, string PartyName, IReadOnlyDictionary<string, IndicatorCell> Cells);

/// <summary>The measured comparison for a period: every party's indicators, and the regional median of each.</summary>
public sealed record MeasuredComparison(Period Period, DateOnly AsOf, DateOnly Today, IReadOnlyList<ComparisonRow> Rows, IReadOnlyDictionary<string, IndicatorCell> Medians)
{
    /// <summary>
    /// A column's heading with the moment it describes where that is not the period: "Öppna nu (30 november 2026)",
    /// "Dataskyddsombud, andel av tjänst per 31 december 2025".
    /// </summary>
    public string Heading(IndicatorDef def)
    {
        ArgumentNullException.ThrowIfNull(def);
        return def.Time switch
        {
            IndicatorTime.Today => $"{def.Title} ({SwedishDates.Long(Today)})",
            IndicatorTime.AsOf => $"{def.Title} per {SwedishDates.Long(AsOf)}",
            _ => def.Title,
        };
    }

    public ComparisonRow? Row(Guid partyId) => Rows.FirstOrDefault(r => r.PartyId == partyId);
}

/// <summary>The self-assessed side of one round: levels by party and dimension, and the regional median per dimension.</summary>
public sealed record AssessedComparison(MaturityRound Round, IReadOnlyList<(Guid PartyId, string PartyName, IReadOnlyDictionary<string, int> Levels, double? Mean)> Parties, IReadOnlyDictionary<string, double?> Medians, IReadOnlyList<(Guid PartyId, string PartyName)> NotAnswered);

/// <summary>A trend: each party's value per year (the mean self-assessed level, or a measured share), with the regional median.</summary>
public sealed record TrendSeries(IReadOnlyList<int> Years, IReadOnlyList<(Guid PartyId, string PartyName, IReadOnlyDictionary<int, double> ByYear)> Parties, IReadOnlyDictionary<int, double?> MedianByYear);

/// <summary>
/// Builds the comparison from the cross-party aggregates (<see cref="MaturityCrossParty"/>, <see cref="DpoMatrix"/>).
/// What leaves here across parties is suppressed for small numbers; only <see cref="OwnRow"/> gives a party its own exact figures.
/// </summary>
public sealed class MaturityComparison(AppDbContext db, MaturityCrossParty crossParty, DpoMatrix dpoMatrix)
{
    public static readonly IReadOnlyList<IndicatorDef> Defs =
    [
        new("req.count", "Begäranden", "Begäranden", IndicatorUnit.Count, true, false, "Begäranden mottagna under perioden."),
        new("req.ontime", "Besvarade i tid", "Begäranden", IndicatorUnit.Share, false, true, "Andel besvarade inom tidsfristen (art. 12.3) av de besvarade och de öppna som passerat fristen."),
        new("req.median", "Median dagar till svar", "Begäranden", IndicatorUnit.Days, false, false, "Median antal dagar från mottagande till svar."),
        new("req.extended", "Förlängda", "Begäranden", IndicatorUnit.Share, false, false, "Andel förlängda med två månader (art. 12.3)."),
        new("req.refused", "Avslag helt eller delvis", "Begäranden", IndicatorUnit.Share, false, false, "Andel besvarade begäranden där någon rättighet avslogs helt eller delvis, t.ex. efter sekretessprövning (art. 12.4)."),
        new("req.open", "Öppna nu", "Begäranden", IndicatorUnit.Count, true, false, "Öppna begäranden i dag, oavsett när de kom in.", IndicatorTime.Today),
        new("req.overdue", "Försenade nu", "Begäranden", IndicatorUnit.Count, true, false, "Öppna begäranden i dag vars tidsfrist har passerat.", IndicatorTime.Today),
        new("br.count", "Incidenter", "Incidenter", IndicatorUnit.Count, true, false, "Personuppgiftsincidenter som blev kända under perioden."),
        new("br.72h", "Anmälda inom 72 timmar", "Incidenter", IndicatorUnit.Share, false, true, "Andel anmälningspliktiga incidenter anmälda till IMY inom 72 timmar (art. 33.1)."),
        new("br.median", "Median timmar till anmälan", "Incidenter", IndicatorUnit.Hours, false, false, "Median timmar från kännedom till anmälan."),
        new("br.art34", "Hög risk: registrerade informerade", "Incidenter", IndicatorUnit.Share, false, true, "Andel incidenter med hög risk där de registrerade har informerats (art. 34)."),
        new("dpo.share", "Dataskyddsombud, andel av tjänst", "Dataskyddsombud", IndicatorUnit.Percent, false, true, "Summa andel av en heltid för partens dataskyddsombud, mot partens mål (art. 38.2).", IndicatorTime.AsOf),
        new("dpo.uncovered", "Personuppgiftsansvariga utan ombud", "Dataskyddsombud", IndicatorUnit.Count, false, false, "Personuppgiftsansvariga utan ordinarie dataskyddsombud (art. 37.1 a).", IndicatorTime.AsOf),
        new("dpo.warnings", "Varningar om oberoende", "Dataskyddsombud", IndicatorUnit.Count, false, false, "Öppna varningar: motstridiga roller, rapportering, för liten andel, över heltid (art. 38).", IndicatorTime.AsOf),
        new("drill.months", "Månader sedan senaste övning", "Övningar", IndicatorUnit.Months, false, false, "Hela månader sedan incidentrutinen senast övades (art. 32.1 d).", IndicatorTime.AsOf),
        // Issue 21: the record of processing and the impact assessments, as they stand today.
        new("rec.basis", "Behandlingar med rättslig grund", "Registerförteckning", IndicatorUnit.Share, false, true, "Andel av partens behandlingar (som personuppgiftsansvarig) där den rättsliga grunden är angiven (art. 30.1, 6.1).", IndicatorTime.Today),
        new("rec.dpia", "Konsekvensbedömningar gjorda där de krävs", "Registerförteckning", IndicatorUnit.Share, false, true, "Andel av behandlingarna vars tröskelbedömning kräver en konsekvensbedömning där en sådan är gjord och beslutad (art. 35).", IndicatorTime.Today),

        // Issue 21, processors and the DPO's log.
        new("proc.agreements", "Biträden i bruk med gällande avtal", "Register", IndicatorUnit.Share, false, true, "Andel av personuppgiftsbiträdena i bruk (leverantörer av system i bruk) som har ett gällande personuppgiftsbiträdesavtal (art. 28.3).", IndicatorTime.AsOf),
        new("dpo.consultations", "Rådgivningar med dataskyddsombudet", "Register", IndicatorUnit.Count, true, true, "Frågor till dataskyddsombudet under perioden enligt rådgivningsloggen (art. 38.1)."),
    ];

    public static IndicatorDef Def(string key) => Defs.First(d => d.Key == key);

    private static readonly DpoWarningKind[] IndependenceKinds =
        [DpoWarningKind.ConflictingRole, DpoWarningKind.ReportingLine, DpoWarningKind.ShareBelowMinimum, DpoWarningKind.OverAllocated];

    /// <summary>The measured comparison across the active parties, suppressed for small numbers.</summary>
    public async Task<MeasuredComparison> MeasuredAsync(Period period, DateOnly today, CancellationToken ct)
    {
        var (comparison, _) = await BuildAsync(period, today, ct);
        return comparison;
    }

    /// <summary>A party's own exact figures, beside the suppressed comparison (whose medians it is shown against).</summary>
    public async Task<(MeasuredComparison Comparison, ComparisonRow Own)> OwnRowAsync(Guid partyId, Period period, DateOnly today, CancellationToken ct)
    {
        var (comparison, exact) = await BuildAsync(period, today, ct);
        return (comparison, exact.FirstOrDefault(r => r.PartyId == partyId) ?? new ComparisonRow(partyId, string.Empty, new Dictionary<string, IndicatorCell>()));
    }

    private async Task<(MeasuredComparison, List<ComparisonRow> Exact)> BuildAsync(Period period, DateOnly today, CancellationToken ct)
    {
        var asOf = period.To < today ? period.To : today;
        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        // A quarter is shown beside its year: what it may show is decided over the year's four quarters, measured once
        // (the chosen quarter among them).
        Dictionary<Guid, PartyMeasured> measured;
        HashSet<(Guid PartyId, string Key)> hiddenInQuarter = [];
        if (period.QuarterNumber is { } quarter)
        {
            var byQuarter = new List<Dictionary<Guid, PartyMeasured>>();
            for (var q = 1; q <= 4; q++)
            {
                byQuarter.Add(await crossParty.MeasuredAsync(Period.Quarter(period.From.Year, q), today, ct));
            }

            measured = byQuarter[quarter - 1];
            hiddenInQuarter = HiddenInQuarter(byQuarter, period.From.Year, quarter, parties.Select(p => p.Id), today);
        }
        else
        {
            measured = await crossParty.MeasuredAsync(period, today, ct);
        }
        var matrix = await dpoMatrix.BuildAsync(asOf, ct);
        var exact = new List<ComparisonRow>();
        var shown = new List<ComparisonRow>();
        foreach (var p in parties)
        {
            measured.TryGetValue(p.Id, out var m);
            var r = m?.Requests ?? Indicators.Requests([], period, today);
            var b = m?.Breaches ?? Indicators.Breaches([], period, Swedish.Date, DateTimeOffset.MinValue);
            var dpo = matrix.Parties.FirstOrDefault(x => x.Id == p.Id);
            var cells = matrix.Cells.Where(c => c.PartyId == p.Id).ToList();
            var personIds = cells.Select(c => c.PersonId).ToHashSet();
            var warnings = cells.SelectMany(c => c.Warnings).Concat(dpo?.Warnings ?? [])
                .Concat(matrix.Persons.Where(x => personIds.Contains(x.Id)).SelectMany(x => x.Warnings))
                .Count(w => IndependenceKinds.Contains(w.Kind));

            // (value, base): the base is how many cases lie under a share or median; counts are their own base.
            var values = new Dictionary<string, (double? Value, int Base, string? Note)>
            {
                ["req.count"] = (r.Count, r.Count, null),
                ["req.ontime"] = (r.ShareOnTime, r.Decided, null),
                ["req.median"] = (r.MedianDaysToAnswer, r.Answered, null),
                ["req.extended"] = (r.ShareExtended, r.Count, null),
                ["req.refused"] = (r.ShareRefused, r.Answered, null),
                ["req.open"] = (r.OpenNow, r.OpenNow, null),
                ["req.overdue"] = (r.OverdueNow, r.OverdueNow, null),
                ["br.count"] = (b.Count, b.Count, null),
                ["br.72h"] = (b.ShareWithin72Hours, b.Reportable, null),
                ["br.median"] = (b.MedianHoursToReport, b.Reported, null),
                ["br.art34"] = (b.ShareHighRiskNoticed, b.HighRisk, null),
                ["dpo.share"] = (dpo?.TotalPercent ?? 0, int.MaxValue, dpo?.TargetPercent is { } t ? $"mål {t} %" : null),
                ["dpo.uncovered"] = (dpo?.ControllersWithoutDpo ?? 0, int.MaxValue, dpo is null ? null : $"av {dpo.ControllerCount}"),
                ["dpo.warnings"] = (warnings, int.MaxValue, null),
                ["drill.months"] = (Indicators.MonthsSince(m?.LastDrillOn, asOf), int.MaxValue, m?.LastDrillOn is null ? "ingen övning" : null),
                // Issue 21: shares over the party's activities (suppressed as other shares when fewer than five lie under them).
                ["rec.basis"] = (m?.Records?.ShareWithLegalBasis, m?.Records?.Activities ?? 0, null),
                ["rec.dpia"] = (m?.Records?.ShareDpiaDone, m?.Records?.DpiaRequired ?? 0, null),

                // Issue 21, processors and the DPO's log.
                ["proc.agreements"] = (Indicators.ShareOfProcessorsWithAgreement(m?.ProcessorsInUse ?? 0, m?.ProcessorsWithAgreement ?? 0), m?.ProcessorsInUse ?? 0, null),
                ["dpo.consultations"] = (m?.Consultations ?? 0, m?.Consultations ?? 0, null),
            };
            exact.Add(new ComparisonRow(p.Id, p.Name, values.ToDictionary(v => v.Key, v => new IndicatorCell(v.Value.Value, false, v.Value.Note))));
            shown.Add(new ComparisonRow(p.Id, p.Name, values.ToDictionary(v => v.Key, v =>
            {
                var def = Def(v.Key);
                var suppressed = (def.CaseCount ? SmallNumbers.IsSuppressed((int)(v.Value.Value ?? 0)) : v.Value.Value is not null && SmallNumbers.IsSuppressed(v.Value.Base))
                    || hiddenInQuarter.Contains((p.Id, v.Key));
                // A suppressed value is dropped here, so no chart, sort or export can show it by mistake.
                return new IndicatorCell(suppressed ? null : v.Value.Value, suppressed, v.Value.Note);
            })));
        }

        var medians = Defs.ToDictionary(d => d.Key, d =>
        {
            // A share or median enters the regional median only where it is shown, so the median never reveals a hidden
            // value; a count enters always, and a median count below five is itself shown as "< 5".
            var values = d.CaseCount
                ? exact.Select(row => row.Cells[d.Key].Value)
                : shown.Select(row => row.Cells[d.Key]).Where(c => !c.Suppressed).Select(c => c.Value);
            var median = Medians.Regional(values);
            // A median of counts is the middle count, or the mean of two: hidden when one of them is (or is below five).
            var hidden = d.CaseCount && median is { } v && (SmallNumbers.IsSuppressed((int)Math.Ceiling(v))
                || SmallNumbers.MedianGivesAwayAHiddenValue(exact.Zip(shown, (e, s) => (e.Cells[d.Key].Value ?? 0, s.Cells[d.Key].Suppressed))));
            return new IndicatorCell(hidden ? null : median, hidden);
        });
        return (new MeasuredComparison(period, asOf, today, shown, medians), exact);
    }

    /// <summary>
    /// The figures of <paramref name="quarter"/> to hide for its year's sake (<see cref="SmallNumbers.HiddenQuarters"/>):
    /// for each party and figure, the cases under it in each quarter decide.
    /// </summary>
    private static HashSet<(Guid PartyId, string Key)> HiddenInQuarter(
        List<Dictionary<Guid, PartyMeasured>> byQuarter, int year, int quarter, IEnumerable<Guid> partyIds, DateOnly today)
    {
        var hidden = new HashSet<(Guid, string)>();
        foreach (var partyId in partyIds)
        {
            var bases = byQuarter.Select((m, q) => CasesUnder(m.GetValueOrDefault(partyId), Period.Quarter(year, q + 1), today)).ToList();
            foreach (var key in bases[0].Keys)
            {
                if (SmallNumbers.HiddenQuarters([.. bases.Select(b => b[key])]).Contains(quarter - 1))
                {
                    hidden.Add((partyId, key));
                }
            }
        }

        return hidden;
    }

    /// <summary>How many cases lie under each figure that depends on the period (the "now" and DPO figures do not).</summary>
    private static Dictionary<string, int> CasesUnder(PartyMeasured? m, Period period, DateOnly today)
    {
        var r = m?.Requests ?? Indicators.Requests([], period, today);
        var b = m?.Breaches ?? Indicators.Breaches([], period, Swedish.Date, DateTimeOffset.MinValue);
        return new()
        {
            ["req.count"] = r.Count,
            ["req.ontime"] = r.Decided,
            ["req.median"] = r.Answered,
            ["req.extended"] = r.Count,
            ["req.refused"] = r.Answered,
            ["br.count"] = b.Count,
            ["br.72h"] = b.Reportable,
            ["br.median"] = b.Reported,
            ["br.art34"] = b.HighRisk,

            // Issue 21, processors and the DPO's log.
            ["dpo.consultations"] = m?.Consultations ?? 0,
        };
    }

    /// <summary>The self-assessed levels of a round, by party, with the regional median per dimension and who has not answered.</summary>
    public async Task<AssessedComparison> AssessedAsync(MaturityRound round, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var levels = (await crossParty.LevelsAsync([round.Id], ct)).ToDictionary(l => l.PartyId, l => l.Levels);
        var answered = parties.Where(p => levels.ContainsKey(p.Id))
            .Select(p => (p.Id, p.Name, levels[p.Id], RoundRules.MeanLevel(levels[p.Id].Values))).ToList();
        var medians = round.Dimensions.ToDictionary(d => d.Key, d => Medians.Regional(answered.Select(a => a.Item3.TryGetValue(d.Key, out var l) ? (double?)l : null)));
        var missing = parties.Where(p => !levels.ContainsKey(p.Id)).Select(p => (p.Id, p.Name)).ToList();
        return new AssessedComparison(round, answered, medians, missing);
    }

    /// <summary>Each party's mean level per round year (rounds opened or closed; drafts have no answers).</summary>
    public async Task<TrendSeries> TrendAsync(CancellationToken ct)
    {
        var rounds = await db.MaturityRounds.AsNoTracking().Where(r => r.Status != RoundStatus.Draft).OrderBy(r => r.Year)
            .Select(r => new { r.Id, r.Year }).ToListAsync(ct);
        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var levels = await crossParty.LevelsAsync([.. rounds.Select(r => r.Id)], ct);
        var yearOf = rounds.ToDictionary(r => r.Id, r => r.Year);
        var series = parties.Select(p => (p.Id, p.Name, (IReadOnlyDictionary<int, double>)levels.Where(l => l.PartyId == p.Id && l.Levels.Count > 0)
            .ToDictionary(l => yearOf[l.RoundId], l => RoundRules.MeanLevel(l.Levels.Values)!.Value))).ToList();
        var years = rounds.Select(r => r.Year).ToList();
        var medians = years.ToDictionary(y => y, y => Medians.Regional(series.Select(s => s.Item3.TryGetValue(y, out var v) ? (double?)v : null)));
        return new TrendSeries(years, series, medians);
    }

    /// <summary>How many years the measured trend spans, this one included.</summary>
    public const int TrendYears = 5;

    /// <summary>
    /// Each party's share of requests answered within the deadline, by year of receipt, over the last
    /// <see cref="TrendYears"/> years. A year resting on fewer than five decided requests is left out (suppressed, as on
    /// the table), and the regional median per year is over the shown values only.
    /// </summary>
    public async Task<TrendSeries> OnTimeTrendAsync(DateOnly today, CancellationToken ct)
    {
        var years = Enumerable.Range(today.Year - TrendYears + 1, TrendYears).ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var facts = await crossParty.RequestFactsAsync(years[0], years[^1], ct);
        var series = parties.Select(p =>
        {
            var own = facts[p.Id].ToList();
            var byYear = years.Select(y => (Year: y, Figures: Indicators.Requests(own, Period.Year(y), today)))
                .Where(x => x.Figures.ShareOnTime is not null && !SmallNumbers.IsSuppressed(x.Figures.Decided))
                .ToDictionary(x => x.Year, x => x.Figures.ShareOnTime!.Value);
            return (p.Id, p.Name, (IReadOnlyDictionary<int, double>)byYear);
        }).ToList();
        var medians = years.ToDictionary(y => y, y => Medians.Regional(series.Select(s => s.Item3.TryGetValue(y, out var v) ? (double?)v : null)));
        return new TrendSeries(years, series, medians);
    }

    /// <summary>"80 %", "12,5 dagar", "< 5", "–".</summary>
    public static string Format(IndicatorDef def, IndicatorCell cell)
    {
        if (cell.Suppressed)
        {
            return def.CaseCount ? SmallNumbers.Suppressed : "färre än 5 ärenden";
        }

        if (cell.Value is not { } v)
        {
            return cell.Note ?? "–";
        }

        var c = Swedish.Culture;
        var text = def.Unit switch
        {
            IndicatorUnit.Share => (v * 100).ToString("0", c) + " %",
            IndicatorUnit.Days => v.ToString("0.#", c) + " dagar",
            IndicatorUnit.Hours => v.ToString("0.#", c) + " h",
            IndicatorUnit.Percent => v.ToString("0", c) + " %",
            IndicatorUnit.Months => v.ToString("0", c) + " mån",
            _ => v.ToString("0.#", c),
        };
        return cell.Note is { } note ? $"{text} ({note})" : text;
    }

    /// <summary>The number alone, for a chart's scale and a spreadsheet cell (shares in percent).</summary>
    public static double? Plot(IndicatorDef def, IndicatorCell cell) =>
        cell.Suppressed || cell.Value is not { } v ? null : def.Unit == IndicatorUnit.Share ? Math.Round(v * 100, 1) : Math.Round(v, 1);

    public static string Level(double? level) => level is { } l ? l.ToString("0.0", Swedish.Culture) : "–";

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
