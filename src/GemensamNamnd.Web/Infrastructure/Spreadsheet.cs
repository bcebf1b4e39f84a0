using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>What a <see cref="Cell"/> holds, and so how Excel and CSV show it.</summary>
public enum CellKind
{
    Empty,
    Text,
    Number,
    Date,
    DateTime,
    Percent,
}

/// <summary>
/// One typed value of an export. The feature says what each column is (a case number is <see cref="Text"/>, a count a
/// <see cref="Number"/>, a deadline a <see cref="Date"/>), so Excel sorts and sums it right and never turns a personnummer
/// or "KS 2026/0042" into a number or a date. A string converts to a text cell.
/// </summary>
public readonly record struct Cell
{
    private Cell(CellKind kind, string? text, double number, int? decimals)
    {
        Kind = kind;
        TextValue = text;
        NumberValue = number;
        Decimals = decimals;
    }

    public CellKind Kind { get; }

    /// <summary>The text of a <see cref="CellKind.Text"/> cell.</summary>
    public string? TextValue { get; }

    /// <summary>A number, a percentage as a fraction (0.8 is 80 %), or Excel's serial day of a date or date-time.</summary>
    public double NumberValue { get; }

    /// <summary>Decimals shown for a number or percentage; null: as many as the number has.</summary>
    public int? Decimals { get; }

    public static Cell Empty => default;

    public static Cell Text(string? text) => text is null ? Empty : new(CellKind.Text, text, 0, null);

    /// <summary>A number; <paramref name="decimals"/> (0–2) fixes how many decimals are shown.</summary>
    public static Cell Number(double? value, int? decimals = null) =>
        value is { } v && double.IsFinite(v) ? new(CellKind.Number, null, v, decimals is { } d ? Math.Clamp(d, 0, 2) : null) : Empty;

    public static Cell Date(DateOnly? date) =>
        date is { } d ? new(CellKind.Date, null, d.DayNumber - ExcelDayZero.DayNumber, null) : Empty;

    /// <summary>An instant, shown as its Swedish local date and time (instants are stored in UTC).</summary>
    public static Cell Instant(DateTimeOffset? at)
    {
        if (at is not { } a)
        {
            return Empty;
        }

        var local = Swedish.ToLocal(a).DateTime;
        var serial = DateOnly.FromDateTime(local).DayNumber - ExcelDayZero.DayNumber + local.TimeOfDay.TotalDays;
        return new(CellKind.DateTime, null, serial, null);
    }

    /// <summary>A share as a fraction (0.8 shows as 80 %), with 0 or 1 decimal.</summary>
    public static Cell Percent(double? fraction, int decimals = 0) =>
        fraction is { } f && double.IsFinite(f) ? new(CellKind.Percent, null, f, Math.Clamp(decimals, 0, 1)) : Empty;

    /// <summary>A yes/no fact as the Swedish words, so a reader sees Ja/Nej rather than TRUE/1.</summary>
    public static Cell YesNo(bool? value) => value is { } b ? Text(b ? "Ja" : "Nej") : Empty;

    public static implicit operator Cell(string? text) => Text(text);

    /// <summary>Excel's serial day number (1900 system) counts from 30 December 1899.</summary>
    private static readonly DateOnly ExcelDayZero = new(1899, 12, 30);

    /// <summary>The date or local date-time back from its serial day, to the whole second (a double's last bits are noise).</summary>
    internal DateTime AsDateTime =>
        new(ExcelDayZero.ToDateTime(TimeOnly.MinValue).Ticks + (long)Math.Round(NumberValue * TimeSpan.SecondsPerDay) * TimeSpan.TicksPerSecond);
}

/// <summary>
/// One table of an export: a title, the column headers and rows of typed <see cref="Cell"/>s. Written as .xlsx with
/// DocumentFormat.OpenXml (one sheet per table, a bold and frozen header row, typed cells) or as the CSV Swedish Excel
/// opens on a double click (semicolons, UTF-8 with BOM, CRLF, numbers with a decimal comma).
/// </summary>
public sealed record Spreadsheet(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Swedish numbers for CSV, but with an ASCII minus: Excel reads "−3" (U+2212, .NET's sv-SE sign) as text.</summary>
    private static readonly NumberFormatInfo CsvNumbers = CsvNumberFormat();

    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(';', Headers.Select(CsvHeader)).Append("\r\n");
        foreach (var row in Rows)
        {
            text.AppendJoin(';', row.Select(CsvCell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>This table alone as an .xlsx workbook.</summary>
    public byte[] ToXlsx() => ToXlsx([this]);

    /// <summary>A workbook of one sheet per table (sheet names cleaned and made unique as Excel requires).</summary>
    public static byte[] ToXlsx(IReadOnlyList<Spreadsheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new X.Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Stylesheet();
            var sheetList = workbook.Workbook.AppendChild(new X.Sheets());
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet.Worksheet();
                sheetList.Append(new X.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Title, usedNames) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private X.Worksheet Worksheet()
    {
        var data = new X.SheetData();
        var header = new X.Row { RowIndex = 1 };
        for (var c = 0; c < Headers.Count; c++)
        {
            var cell = XlsxCell(Cell.Text(Headers[c]), c, 1);
            cell.StyleIndex = Styles.Bold;
            header.Append(cell);
        }

        data.Append(header);
        uint r = 2;
        foreach (var row in Rows)
        {
            var line = new X.Row { RowIndex = r };
            for (var c = 0; c < row.Count; c++)
            {
                line.Append(XlsxCell(row[c], c, r));
            }

            data.Append(line);
            r++;
        }

        var columns = new X.Columns();
        var widths = ColumnWidths();
        for (var c = 0; c < widths.Count; c++)
        {
            columns.Append(new X.Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        }

        // The header row stays in view while scrolling.
        var view = new X.SheetView(new X.Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = X.PaneValues.BottomLeft, State = X.PaneStateValues.Frozen }) { WorkbookViewId = 0 };
        return widths.Count == 0 ? new X.Worksheet(new X.SheetViews(view), data) : new X.Worksheet(new X.SheetViews(view), columns, data);
    }

    /// <summary>Each column as wide as its longest shown value (the header included), within 8 and 60 characters.</summary>
    private List<double> ColumnWidths()
    {
        var count = Math.Max(Headers.Count, Rows.Count == 0 ? 0 : Rows.Max(r => r.Count));
        var widths = new List<double>(count);
        for (var c = 0; c < count; c++)
        {
            var longest = c < Headers.Count ? Longest(Headers[c]) : 0;
            foreach (var row in Rows)
            {
                if (c < row.Count)
                {
                    longest = Math.Max(longest, ShownLength(row[c]));
                }
            }

            widths.Add(Math.Clamp(longest, 8, 60) + 2);
        }

        return widths;

        static int Longest(string text) => text.Split('\n').Max(line => line.Length);

        static int ShownLength(Cell cell) => cell.Kind switch
        {
            CellKind.Text => Longest(cell.TextValue!),
            CellKind.Date => 10,
            CellKind.DateTime => 16,
            CellKind.Empty => 0,
            _ => CsvCell(cell).Length,
        };
    }

    private static X.Cell XlsxCell(Cell value, int column, uint row)
    {
        var cell = new X.Cell { CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture) };
        switch (value.Kind)
        {
            case CellKind.Text:
                // Inline text is never evaluated, so "=HYPERLINK(...)" and "19121212-1212" stay text. XML-invalid control
                // characters are dropped.
                cell.DataType = X.CellValues.InlineString;
                cell.InlineString = new X.InlineString(new X.Text(new string([.. value.TextValue!.Where(c => c is '\t' or '\n' or '\r' || c >= ' ')])) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case CellKind.Number:
                cell.DataType = X.CellValues.Number;
                cell.CellValue = new X.CellValue(value.NumberValue.ToString("R", CultureInfo.InvariantCulture));
                cell.StyleIndex = Styles.Number(value.Decimals);
                break;
            case CellKind.Date or CellKind.DateTime or CellKind.Percent:
                cell.CellValue = new X.CellValue(value.NumberValue.ToString("R", CultureInfo.InvariantCulture));
                cell.StyleIndex = value.Kind switch
                {
                    CellKind.Date => Styles.Date,
                    CellKind.DateTime => Styles.DateTime,
                    _ => value.Decimals == 1 ? Styles.Percent1 : Styles.Percent0,
                };
                break;
        }

        return cell;
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

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

    /// <summary>A cell in Swedish form: 12,5 · 2026-11-23 · 2026-11-23 14:05 · 80 % · text always quoted.</summary>
    private static string CsvCell(Cell cell) => cell.Kind switch
    {
        CellKind.Text => CsvText(cell.TextValue!),
        CellKind.Number => cell.NumberValue.ToString(cell.Decimals switch { 0 => "0", 1 => "0.0", 2 => "0.00", _ => "0.##########" }, CsvNumbers),
        CellKind.Date => cell.AsDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CellKind.DateTime => cell.AsDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        CellKind.Percent => (cell.NumberValue * 100).ToString(cell.Decimals == 1 ? "0.0" : "0", CsvNumbers) + " %",
        _ => string.Empty,
    };

    /// <summary>
    /// Text is defused (a leading = + - @ tab or CR gets an apostrophe, so it is data, not a formula) and always quoted,
    /// so a comma-separated reader, too, sees no cell start with a formula character.
    /// </summary>
    private static string CsvText(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A column name, quoted only when it must be (our own words, but a DPO's name could hold a semicolon).</summary>
    private static string CsvHeader(string header) =>
        header.Length > 0 && (header[0] is '=' or '+' or '-' or '@' or '\t' or '\r' || header.IndexOfAny([';', '"', '\n', '\r']) >= 0) ? CsvText(header) : header;

    private static NumberFormatInfo CsvNumberFormat()
    {
        var format = (NumberFormatInfo)Swedish.Culture.NumberFormat.Clone();
        format.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(format);
    }

    /// <summary>The workbook's cell formats; the indexes are the <c>s</c> attribute of a cell.</summary>
    private static class Styles
    {
        public const uint Bold = 1;
        public const uint Date = 2;
        public const uint DateTime = 3;
        public const uint Percent0 = 4;
        public const uint Percent1 = 5;
        private const uint Decimals0 = 6;
        private const uint Decimals1 = 7;
        private const uint Decimals2 = 8;

        public static uint? Number(int? decimals) => decimals switch
        {
            0 => Decimals0,
            1 => Decimals1,
            2 => Decimals2,
            _ => null,
        };

        public static X.Stylesheet Stylesheet() => new(
            // Format codes are stored in the invariant notation; Excel shows them in the reader's own (a decimal comma in Swedish).
            new X.NumberingFormats(
                new X.NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                new X.NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" },
                new X.NumberingFormat { NumberFormatId = 166, FormatCode = "0 %" },
                new X.NumberingFormat { NumberFormatId = 167, FormatCode = "0.0 %" },
                new X.NumberingFormat { NumberFormatId = 168, FormatCode = "0.0" })
            { Count = 5 },
            new X.Fonts(new X.Font(), new X.Font(new X.Bold())) { Count = 2 },
            new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }), new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })) { Count = 2 },
            new X.Borders(new X.Border()) { Count = 1 },
            new X.CellFormats(
                new X.CellFormat(),
                new X.CellFormat { FontId = 1, ApplyFont = true },
                new X.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new X.CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                new X.CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
                new X.CellFormat { NumberFormatId = 167, ApplyNumberFormat = true },
                // 1 and 2: Excel's built-in "0" and "0.00".
                new X.CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
                new X.CellFormat { NumberFormatId = 168, ApplyNumberFormat = true },
                new X.CellFormat { NumberFormatId = 2, ApplyNumberFormat = true })
            { Count = 9 });
    }
}
