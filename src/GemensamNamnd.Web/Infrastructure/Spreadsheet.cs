using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// A table to print or open in Excel: the one way the product exports. CSV is what Swedish Excel opens on a double
/// click (semicolons, UTF-8 with BOM, CRLF); .xlsx keeps text as text (inline strings, so a personnummer never turns
/// into a number) with a bold, frozen header row.
/// </summary>
public sealed record Spreadsheet(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        foreach (var line in Rows.Prepend(Headers))
        {
            text.AppendJoin(';', line.Select(CsvCell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, Headers, bold: true);
                foreach (var row in Rows)
                {
                    WriteRow(writer, row, bold: false);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(Title) }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string?> values, bool bold)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value ?? string.Empty))) };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>Quotes when needed, and defuses formula injection (a cell starting with = + - @ is data, not a formula).</summary>
    private static string CsvCell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>XML 1.0 cannot carry most control characters; a pasted one must not break the file.</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\t')]) : text;

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return name.Length > 31 ? name[..31] : name.Length == 0 ? "Blad1" : name;
    }
}
