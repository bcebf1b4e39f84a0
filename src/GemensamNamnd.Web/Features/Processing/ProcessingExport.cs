using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Features.Letters;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// The record of processing of one controller (or all) as IMY would ask for it (Art. 30(4)): one row per activity with the
/// Art. 30(1) items (for a processor's record, Art. 30(2)), as a sheet (.xlsx, CSV through <see cref="Exports"/>) or as a
/// PDF/A document written by the letters' one writer (<see cref="PdfLetterWriter"/>).
/// </summary>
public static class ProcessingExport
{
    public static readonly string[] Headers =
    [
        "Personuppgiftsansvarig", "Behandling", "Roll", "Ändamål", "Rättslig grund (art. 6)", "Känsliga uppgifter (art. 9)", "Lagöverträdelser (art. 10)",
        "Svensk lag", "Kategorier av registrerade", "Kategorier av personuppgifter", "Mottagare", "Tredjeland", "Skyddsåtgärd", "Lagringstid",
        "Dokumenthanteringsplan", "Säkerhetsåtgärder (art. 32)", "System", "Personuppgiftsbiträden", "Konsekvensbedömning",
    ];

    public static Spreadsheet Sheet(IReadOnlyList<ActivityRow> rows) => new("Registerförteckning", Headers,
        [.. rows.Select(r =>
        {
            var a = r.Activity;
            return (IReadOnlyList<Cell>)
            [
                Cell.Text(r.ControllerName), Cell.Text(a.Name), Cell.Text(Role(a)), Cell.Text(a.Purposes), Cell.Text(a.LegalBasisText()),
                Cell.Text(a.SpecialCategoryCondition?.WithArticle()), Cell.YesNo(a.CriminalOffenceData), Cell.Text(a.SwedishLaw),
                Cell.Text(a.DataSubjectCategories), Cell.Text(a.PersonalDataCategories), Cell.Text(a.Recipients), Cell.Text(a.ThirdCountryTransfers),
                Cell.Text(a.TransferSafeguard?.Swedish()), Cell.Text(Retention(a)), Cell.Text(Plan(a)), Cell.Text(a.SecurityMeasures),
                Cell.Text(string.Join(", ", r.Systems)), Cell.Text(string.Join(", ", r.Suppliers)), Cell.Text(r.Dpia.Swedish()),
            ];
        })]);

    public static byte[] Pdf(IReadOnlyList<ActivityRow> rows, string partyName, string controllerName, DateOnly today)
    {
        var blocks = new List<LetterBlock>
        {
            new(LetterBlockKind.Title, $"Registerförteckning – {controllerName}"),
            new(LetterBlockKind.Paragraph, $"Förteckning över behandlingar av personuppgifter enligt artikel 30 i dataskyddsförordningen, upprättad {SwedishDates.Long(today)}. {Infrastructure.Swedish.Count(rows.Count, "behandling", "behandlingar")}."),
        };
        foreach (var r in rows)
        {
            var a = r.Activity;
            blocks.Add(new(LetterBlockKind.Heading, a.Name));
            void Item(string label, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    blocks.Add(new(LetterBlockKind.ListItem, $"{label}: {value.ReplaceLineEndings(" ")}"));
                }
            }

            Item("Roll", Role(a));
            Item(a.AsProcessor ? "Slag av behandling" : "Ändamål", a.Purposes);
            if (!a.AsProcessor)
            {
                Item("Rättslig grund", a.LegalBasisText());
                Item("Känsliga uppgifter", a.SpecialCategoryCondition?.WithArticle());
                Item("Lagöverträdelser (art. 10)", a.CriminalOffenceData ? "Ja" : null);
                Item("Svensk lag", a.SwedishLaw);
                Item("Kategorier av registrerade", a.DataSubjectCategories);
                Item("Kategorier av personuppgifter", a.PersonalDataCategories);
                Item("Mottagare", a.Recipients);
            }

            Item("Överföring till tredjeland", a.ThirdCountryTransfers is { } t ? $"{t} ({a.TransferSafeguard?.Swedish()})" : "Ingen");
            Item("Lagringstid", a.AsProcessor ? null : Retention(a));
            Item("Dokumenthanteringsplan", Plan(a));
            Item("Säkerhetsåtgärder", a.SecurityMeasures);
            Item("System", r.Systems.Count == 0 ? null : string.Join(", ", r.Systems));
            Item("Personuppgiftsbiträden", r.Suppliers.Count == 0 ? null : string.Join(", ", r.Suppliers));
            Item("Konsekvensbedömning", r.Dpia.Swedish());
        }

        var frame = new LetterFrame(partyName, controllerName, SwedishDates.Long(today), "–", [], []);
        return PdfLetterWriter.Write(new LetterDocument(frame, blocks), $"Registerförteckning – {controllerName}");
    }

    private static string Role(ProcessingActivity a) => a.AsProcessor ? $"Personuppgiftsbiträde åt {a.ExternalController} (art. 30.2)" : "Personuppgiftsansvarig (art. 30.1)";

    private static string? Retention(ProcessingActivity a) =>
        string.Join("; ", new[] { a.RetentionPeriod, a.RetentionRule }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } text ? text : null;

    private static string? Plan(ProcessingActivity a) => a.RetentionPlanName is { } plan ? $"{plan}, {a.RetentionPlanDecision}" : null;
}
