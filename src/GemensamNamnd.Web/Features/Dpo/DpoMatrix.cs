using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>One party × person cell: the allocations in force on the day.</summary>
public sealed record MatrixCell(Guid PartyId, Guid PersonId, List<(DpoRole Role, int SharePercent)> Shares, List<WarningView> Warnings)
{
    public int TotalPercent => Shares.Sum(s => s.SharePercent);

    /// <summary>"25 % ordinarie; 10 % ersättare".</summary>
    public string Text => string.Join("; ", Shares.Select(s => $"{s.SharePercent} % {s.Role.Swedish().ToLowerInvariant()}"));
}

public sealed record MatrixParty(Guid Id, string Name, int TotalPercent, int? TargetPercent, int ControllerCount, int ControllersWithoutDpo, List<WarningView> Warnings);

public sealed record MatrixPerson(Guid Id, string Name, int TotalPercent, List<string> OtherRoles, List<WarningView> Warnings);

/// <summary>The committee view: parties × DPOs with shares and warnings on one day. For the e-strateg and administrators.</summary>
public sealed record CommitteeMatrix(DateOnly On, List<MatrixParty> Parties, List<MatrixPerson> Persons, List<MatrixCell> Cells)
{
    public MatrixCell? Cell(Guid partyId, Guid personId) => Cells.FirstOrDefault(c => c.PartyId == partyId && c.PersonId == personId);

    public IEnumerable<WarningView> AllWarnings =>
        Parties.SelectMany(p => p.Warnings).Concat(Persons.SelectMany(p => p.Warnings)).Concat(Cells.SelectMany(c => c.Warnings));
}

/// <summary>Builds <see cref="CommitteeMatrix"/>; callers are authorised by <c>Policies.EStrategist</c> (e-strateg or global administrator).</summary>
public sealed class DpoMatrix(AppDbContext db, DpoCrossParty crossParty)
{
    public async Task<CommitteeMatrix> BuildAsync(DateOnly on, CancellationToken ct)
    {
        var policy = (await db.DpoRules.AsNoTracking().FirstOrDefaultAsync(ct))?.Policy ?? IndependencePolicy.Default;
        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        var (allocations, controllers) = await crossParty.MatrixAsync(ct);
        var active = allocations.Where(a => a.Span.Contains(on)).ToList();
        var personIds = active.Select(a => a.PersonId).Distinct().ToList();
        var persons = await db.DpoPersons.AsNoTracking().Where(p => personIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        var partyNames = parties.ToDictionary(p => p.Id, p => p.Name);

        var matrixPersons = persons.Select(p =>
        {
            var timeline = ShareTotals.Timeline(allocations.Where(a => a.PersonId == p.Id).Select(a => (a.Span, a.SharePercent)));
            var total = ShareTotals.On(timeline, on);
            var warnings = Independence.ConflictingRoles(p.OtherRoles, policy).Select(w => WarningView.From(p.Name, w)).ToList();
            if (total > 100)
            {
                warnings.Add(WarningView.From(p.Name, new DpoWarning(DpoWarningKind.OverAllocated,
                    $"Sammanlagt {total} % av en heltidstjänst den {Domain.Deadlines.SwedishDates.Long(on)}: mer än en heltid går inte att utföra", "art. 38.2")));
            }

            return new MatrixPerson(p.Id, p.Name, total, p.OtherRoles, warnings);
        }).ToList();
        var personNames = persons.ToDictionary(p => p.Id, p => p.Name);

        var cells = active.Where(a => partyNames.ContainsKey(a.PartyId)).GroupBy(a => (a.PartyId, a.PersonId)).Select(g =>
        {
            var subject = $"{personNames[g.Key.PersonId]} hos {partyNames[g.Key.PartyId]}";
            var warnings = g.SelectMany(a => new[]
                {
                    FollowUp.ImyNotTold(a.Role, a.Span, a.ImyReportedOn is { } r && r <= on ? r : null, on),
                    Independence.ReportingLine(a.ReportingLevel, a.ReportsTo),
                    a.Role == DpoRole.Ordinarie ? Independence.Share(a.SharePercent, policy) : null,
                })
                .OfType<DpoWarning>().DistinctBy(w => w.Text).Select(w => WarningView.From(subject, w)).ToList();
            return new MatrixCell(g.Key.PartyId, g.Key.PersonId, [.. g.OrderBy(a => a.Role).Select(a => (a.Role, a.SharePercent))], warnings);
        }).ToList();

        var matrixParties = parties.Select(p =>
        {
            var own = controllers.Where(c => c.PartyId == p.Id).Select(c => c.ControllerId).ToList();
            var facts = allocations.Where(a => a.PartyId == p.Id)
                .Select(a => new AllocationFacts(Guid.Empty, a.PersonId, a.Role, a.ControllerIds, a.Span, a.SharePercent));
            var uncovered = CoverageGaps.Find(own, facts, on, on).Select(g => g.ControllerId).Distinct().Count();
            var total = active.Where(a => a.PartyId == p.Id).Sum(a => a.SharePercent);
            var warnings = new List<WarningView>();
            if (uncovered > 0)
            {
                warnings.Add(WarningView.From(p.Name, new DpoWarning(DpoWarningKind.Gap,
                    $"{uncovered} av {own.Count} personuppgiftsansvariga saknar ordinarie dataskyddsombud", "art. 37.1 a")));
            }

            if (FollowUp.BelowTarget(total, p.Settings.DpoTargetSharePercent) is { } below)
            {
                warnings.Add(WarningView.From(p.Name, below));
            }

            return new MatrixParty(p.Id, p.Name, total, p.Settings.DpoTargetSharePercent, own.Count, uncovered, warnings);
        }).ToList();

        return new CommitteeMatrix(on, matrixParties, matrixPersons, cells);
    }

    /// <summary>
    /// The matrix as tables: the matrix sheet (shares as percentages, counts as numbers; a cell holding a role and a share
    /// stays text, "25 % ordinarie") and a sheet of warnings, each with its article.
    /// </summary>
    public static IReadOnlyList<Spreadsheet> ToSheets(CommitteeMatrix m)
    {
        var header = new List<string> { "Part" };
        header.AddRange(m.Persons.Select(p => p.Name));
        header.AddRange(["Summa andel", "Mål", "Personuppgiftsansvariga", "Utan ordinarie dataskyddsombud"]);
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var party in m.Parties)
        {
            var row = new List<Cell> { party.Name };
            row.AddRange(m.Persons.Select(p => Cell.Text(m.Cell(party.Id, p.Id)?.Text)));
            row.AddRange([Share(party.TotalPercent), Share(party.TargetPercent), Cell.Number(party.ControllerCount), Cell.Number(party.ControllersWithoutDpo)]);
            rows.Add(row);
        }

        var totals = new List<Cell> { "Summa per person (alla parter)" };
        totals.AddRange(m.Persons.Select(p => Share(p.TotalPercent)));
        rows.Add(totals);

        var warnings = m.AllWarnings.Select(w => (IReadOnlyList<Cell>)[w.Subject, w.IsError ? "Fel" : "Varning", w.Text, w.Article]).ToList();
        return
        [
            new Spreadsheet("Matris " + m.On.ToString("yyyy-MM-dd", Swedish.Culture), header, rows),
            new Spreadsheet("Varningar", ["Gäller", "Slag", "Beskrivning", "Artikel"], warnings),
        ];

        // Whole percent of a full-time post, as a fraction Excel shows as "25 %".
        static Cell Share(int? percent) => Cell.Percent(percent / 100.0);
    }

    /// <summary>The matrix as an Excel workbook (the API's <c>matrix.xlsx</c> and the committee page's export).</summary>
    public static byte[] ToExcel(CommitteeMatrix m) => Spreadsheet.ToXlsx(ToSheets(m));
}
