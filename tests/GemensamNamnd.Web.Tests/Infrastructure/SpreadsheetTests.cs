using System.Text;
using GemensamNamnd.Web.Infrastructure;
using Cell = GemensamNamnd.Web.Infrastructure.Cell;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace GemensamNamnd.Web.Tests.Infrastructure;

public sealed class SpreadsheetTests
{
    private static readonly Spreadsheet Sample = new("Matris: 2026/11?", ["Diarienummer", "Antal", "Datum", "Kännedom", "Andel", "Text", "Anmäld i tid"],
    [
        ["KS 2026/0042", Cell.Number(25), Cell.Date(new DateOnly(2026, 11, 23)), Cell.Instant(new DateTimeOffset(2026, 11, 23, 13, 5, 0, TimeSpan.Zero)), Cell.Percent(0.805, 1), "=HYPERLINK(\"http://x\")", Cell.YesNo(true)],
        ["19121212-1212", Cell.Number(-12.5), Cell.Empty, Cell.Empty, Cell.Percent(0.8), "rad\u0001två; \"citat\"", Cell.YesNo(false)],
    ]);

    [Fact]
    public void Xlsx_IsValid_NumbersAsNumbers_DatesAsDates_TextStaysText_SheetNamesCleaned()
    {
        using var workbook = XlsxFile.Open(Spreadsheet.ToXlsx([Sample, Sample with { Headers = ["A"], Rows = [] }]));
        Assert.Equal(["Matris 202611", "Matris 202611 (2)"], workbook.SheetNames);

        var rows = workbook.Rows();
        Assert.Equal(Sample.Headers, rows[0].Select(c => c.InnerText));
        var first = rows[1];
        Assert.True(XlsxFile.IsText(first[0]));
        Assert.Equal("KS 2026/0042", first[0].InnerText);
        Assert.Equal(25, workbook.Number(first[1]));
        Assert.Equal("46349", first[2].CellValue!.Text); // Excel's serial day of 23 November 2026
        Assert.Equal(new DateTime(2026, 11, 23), workbook.Date(first[2]));
        // 13:05 UTC is 14:05 in Sweden in November.
        Assert.Equal(new DateTime(2026, 11, 23, 14, 5, 0), workbook.Date(first[3]));
        Assert.Equal("yyyy-mm-dd hh:mm", workbook.NumberFormat(first[3]));
        Assert.Equal(0.805, workbook.Number(first[4]));
        Assert.Equal("0.0 %", workbook.NumberFormat(first[4]));
        Assert.True(XlsxFile.IsText(first[5]));
        Assert.Null(first[5].CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", first[5].InnerText);
        Assert.Equal("Ja", first[6].InnerText);

        var second = rows[2];
        Assert.True(XlsxFile.IsText(second[0])); // a personnummer never becomes a number
        Assert.Equal(-12.5, workbook.Number(second[1]));
        Assert.Null(second[2].CellValue);
        Assert.Equal("0 %", workbook.NumberFormat(second[4]));
        Assert.Equal("radtvå; \"citat\"", second[5].InnerText);
        Assert.Equal("Nej", second[6].InnerText);
    }

    [Fact]
    public void Xlsx_HasABoldFrozenHeader_AndColumnsAsWideAsTheirText()
    {
        var bytes = Sample.ToXlsx();
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(X.PaneStateValues.Frozen, sheet.Descendants<X.Pane>().Single().State!.Value);
        var headerStyle = sheet.Descendants<X.Row>().First().Elements<X.Cell>().First().StyleIndex!.Value;
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<X.CellFormat>().ElementAt((int)headerStyle);
        Assert.NotNull(document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<X.Font>().ElementAt((int)format.FontId!.Value).Bold);
        var widths = sheet.Descendants<X.Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(7, widths.Count);
        Assert.True(widths[5] > widths[1], "the text column is wider than the number column");
    }

    [Fact]
    public void Csv_IsSwedish_QuotesEveryText_AndDefusesFormulas()
    {
        var bytes = Sample.ToCsv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Diarienummer;Antal;Datum;Kännedom;Andel;Text;Anmäld i tid", lines[0]);
        Assert.Equal("\"KS 2026/0042\";25;2026-11-23;2026-11-23 14:05;80,5 %;\"'=HYPERLINK(\"\"http://x\"\")\";\"Ja\"", lines[1]);
        Assert.Equal("\"19121212-1212\";-12,5;;;80 %;\"rad\u0001två; \"\"citat\"\"\";\"Nej\"", lines[2]);

        // A comma-separated reader, too, sees no cell that starts with a formula character.
        var defused = new Spreadsheet("T", ["A"], [["-1+1"], ["@SUM(A1)"], ["a,=1+1"], ["+46 70"]]).ToCsv();
        foreach (var line in Encoding.UTF8.GetString(defused[3..]).Split("\r\n").Skip(1).Where(l => l.Length > 0))
        {
            Assert.StartsWith("\"", line, StringComparison.Ordinal);
            Assert.DoesNotMatch("^\"[=+\\-@]", line);
        }
    }
}
