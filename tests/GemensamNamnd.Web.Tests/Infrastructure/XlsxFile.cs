using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>An exported .xlsx opened with DocumentFormat.OpenXml, to ask what kind each cell is.</summary>
public sealed class XlsxFile : IDisposable
{
    private readonly SpreadsheetDocument document;

    private XlsxFile(byte[] bytes)
    {
        document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    public static XlsxFile Open(byte[] bytes) => new(bytes);

    public IReadOnlyList<string> SheetNames => [.. Sheets().Select(s => s.Name!.Value!)];

    /// <summary>The rows of a sheet (the header is row 0), each as its cells in column order.</summary>
    public List<List<Cell>> Rows(int sheet = 0)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(Sheets()[sheet].Id!.Value!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList())];
    }

    /// <summary>The cell under <paramref name="header"/> in the first row whose first cell is <paramref name="firstCell"/>.</summary>
    public Cell At(string firstCell, string header, int sheet = 0)
    {
        var rows = Rows(sheet);
        var column = rows[0].FindIndex(c => c.InnerText == header);
        Assert.True(column >= 0, $"no column {header}");
        return rows.First(r => r[0].InnerText == firstCell)[column];
    }

    public static bool IsText(Cell cell) => cell.DataType?.Value == CellValues.InlineString || cell.DataType?.Value == CellValues.SharedString || cell.DataType?.Value == CellValues.String;

    /// <summary>The cell's number format code ("General" when it has none).</summary>
    public string NumberFormat(Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return id switch
        {
            0 => "General",
            1 => "0",
            2 => "0.00",
            14 => "m/d/yyyy",
            _ => styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!,
        };
    }

    /// <summary>A number cell (not text, not a date) and its value.</summary>
    public double Number(Cell cell)
    {
        Assert.False(IsText(cell), $"{cell.CellReference}: text, not a number");
        Assert.DoesNotContain("yy", NumberFormat(cell), StringComparison.Ordinal);
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    /// <summary>A date cell: a serial day number with a date format.</summary>
    public DateTime Date(Cell cell)
    {
        Assert.False(IsText(cell), $"{cell.CellReference}: text, not a date");
        Assert.Contains("yyyy-mm-dd", NumberFormat(cell), StringComparison.Ordinal);
        return DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
    }

    public void Dispose() => document.Dispose();

    private List<Sheet> Sheets() => [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>()];
}
