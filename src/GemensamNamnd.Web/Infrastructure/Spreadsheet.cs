using System.Text;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// A table of text to print or open in Excel. CSV is what Swedish Excel opens on a double click (semicolons, UTF-8 with
/// BOM, CRLF; a cell starting with = + - @ is defused so it is data, not a formula); .xlsx goes through
/// <see cref="XlsxWriter"/>, where text stays text (a personnummer never turns into a number).
/// </summary>
public sealed record Spreadsheet(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        foreach (var line in Rows.Prepend(Headers))
        {
            text.AppendJoin(';', line.Select(CsvCell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx() =>
        XlsxWriter.Write([new XlsxSheet(Title, Headers, [.. Rows.Select(row => (IReadOnlyList<object?>)[.. row])])]);

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
}
