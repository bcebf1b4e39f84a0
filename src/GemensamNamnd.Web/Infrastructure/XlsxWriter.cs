using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>One worksheet: a bold header row and rows of values (string, number, DateOnly, bool or null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// A small Excel (.xlsx) writer on DocumentFormat.OpenXml for exports (DPO matrix, registers, maturity). Numbers are
/// numbers, dates are dates (Excel shows them in the reader's format), text is inline so no shared-string table is
/// needed; cells starting with =, +, -, @ are written as text and never as formulas (no formula injection).
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row([.. sheet.Header.Cast<object?>()], BoldStyle));
                foreach (var row in sheet.Rows)
                {
                    data.Append(Row(row, null));
                }

                part.Worksheet = new Worksheet(
                    new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                    new Columns(new Column { Min = 1, Max = (uint)Math.Max(1, sheet.Header.Count), Width = 22, CustomWidth = true }),
                    data);
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name, usedNames) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row();
        foreach (var value in values)
        {
            var cell = Cell(value);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.Append(cell);
        }

        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or short or decimal or double or float => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        DateOnly d => new Cell
        {
            // Excel's serial day number (1900 system): 30 Dec 1899 is day 0.
            CellValue = new CellValue((d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture)),
            StyleIndex = DateStyle,
        },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        // Inline text is never evaluated, so "=HYPERLINK(...)" stays text. XML-invalid control characters are dropped.
        InlineString = new InlineString(new Text(new string([.. text.Where(c => c is '\t' or '\n' or '\r' || c >= ' ')])) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string SheetName(string name, HashSet<string> used)
    {
        // Excel: at most 31 characters, none of : \ / ? * [ ], unique within the workbook.
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        clean = clean.Length == 0 ? "Blad" : clean[..Math.Min(31, clean.Length)];
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            // 14: the built-in short date format.
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
}
