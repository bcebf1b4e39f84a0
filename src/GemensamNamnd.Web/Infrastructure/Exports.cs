using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Infrastructure;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// The one way to export: <c>GET &lt;the list's address&gt;/export?format=xlsx|csv&amp;&lt;the list's filters&gt;</c>, or a
/// POST form to the same address with the same <c>format</c> field when the export needs a logged reason.
/// </summary>
public static class Exports
{
    public const string FormatField = "format";

    public const string UnknownFormatMessage = "Okänt format. Välj format=xlsx (Excel) eller format=csv.";

    public static ExportFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    /// <summary>The download: every table as a sheet of one .xlsx workbook, or the first table as CSV.</summary>
    public static FileContentResult File(ExportFormat format, string baseName, params IReadOnlyList<Spreadsheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        return format == ExportFormat.Csv
            ? new FileContentResult(sheets[0].ToCsv(), Spreadsheet.CsvContentType) { FileDownloadName = baseName + ".csv" }
            : new FileContentResult(Spreadsheet.ToXlsx(sheets), Spreadsheet.XlsxContentType) { FileDownloadName = baseName + ".xlsx" };
    }

    /// <summary>400 with the Swedish reason, for an export address asked for a format it does not have.</summary>
    public static ContentResult UnknownFormat() => new()
    {
        StatusCode = StatusCodes.Status400BadRequest,
        Content = UnknownFormatMessage,
        ContentType = "text/plain; charset=utf-8",
    };
}
