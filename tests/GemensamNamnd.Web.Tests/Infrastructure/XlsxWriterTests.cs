using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Tests.Infrastructure;

public sealed class XlsxWriterTests
{
    [Fact]
    public void Write_ValidWorkbook_NumbersAsNumbers_DatesAsDates_FormulasAsText_SheetNamesCleaned()
    {
        var bytes = XlsxWriter.Write([
            new XlsxSheet("Matris: 2026/11?", ["Part", "Andel", "Datum", "Text"], [
                ["Östersunds kommun", 25, new DateOnly(2026, 11, 23), "=HYPERLINK(\"http://x\")"],
                [null, 12.5m, null, "rad\u0001två"],
            ]),
            new XlsxSheet("Matris: 2026/11?", ["A"], []),
        ]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Matris 202611", "Matris 202611 (2)"], sheets);

        var rows = document.WorkbookPart.WorksheetParts.First(p => p.Worksheet.Descendants<Row>().Count() == 3).Worksheet.Descendants<Row>().ToList();
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        Assert.Equal("25", cells[1].CellValue!.Text);
        Assert.Equal("46349", cells[2].CellValue!.Text); // Excel serial day of 23 November 2026
        Assert.Equal(CellValues.InlineString, cells[3].DataType!.Value);
        Assert.Null(cells[3].CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", cells[3].InnerText);
        Assert.Equal("radtvå", rows[2].Elements<Cell>().Last().InnerText);
        Assert.Equal("12.5", rows[2].Elements<Cell>().ElementAt(1).CellValue!.Text);
    }
}
