using System.IO.Compression;
using System.Text;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>A type a case may hold: the content type served, its name in Swedish and the file name endings it goes by.</summary>
public sealed record DocumentType(string ContentType, string Name, IReadOnlyList<string> Extensions);

/// <summary>
/// What a file is, by its content (magic bytes; for Word and Excel the zip's <c>[Content_Types].xml</c>), never by its
/// name or the type the browser sent: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) and plain UTF-8 text without markup.
/// Anything else — a program, HTML, an SVG, a zip — is refused. The name must end as the content's type does.
/// </summary>
public static class DocumentTypes
{
    public const int FileNameLimit = 200;

    public static readonly DocumentType Pdf = new("application/pdf", "PDF", [".pdf"]);
    public static readonly DocumentType Png = new("image/png", "PNG-bild", [".png"]);
    public static readonly DocumentType Jpeg = new("image/jpeg", "JPEG-bild", [".jpg", ".jpeg"]);
    public static readonly DocumentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-dokument", [".docx"]);
    public static readonly DocumentType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-arbetsbok", [".xlsx"]);
    public static readonly DocumentType Text = new("text/plain; charset=utf-8", "Text", [".txt"]);

    public static readonly IReadOnlyList<DocumentType> All = [Pdf, Png, Jpeg, Docx, Xlsx, Text];

    public const string AllowedInWords = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) och vanlig text (.txt, UTF-8)";

    /// <summary>The type's Swedish name, for a stored content type.</summary>
    public static string NameOf(string contentType) => All.FirstOrDefault(t => t.ContentType == contentType)?.Name ?? contentType;

    /// <summary>The type of <paramref name="content"/>, or null when it is none of the allowed.</summary>
    public static DocumentType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeType(content.ToArray());
        }

        return IsPlainText(content) ? Text : null;
    }

    /// <summary>Word or Excel by the package's declared main part; any other zip is refused.</summary>
    private static DocumentType? OfficeType(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1024 * 1024)
            {
                return null;
            }

            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            return xml.Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", StringComparison.Ordinal) ? Docx
                : xml.Contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", StringComparison.Ordinal) ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8, no control characters but tab and line breaks, and no markup (HTML, SVG, XML).</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        text = text.TrimStart('\uFEFF');
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            return false;
        }

        var start = text.TrimStart();
        return !start.StartsWith('<')
            && !new[] { "<html", "<script", "<svg", "<!doctype", "<iframe", "<body", "<?xml" }.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why a file name is refused (a path, a control character, too long, empty), or null.</summary>
    public static string? CheckName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "Filen saknar namn.";
        }

        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal)
            || fileName.Contains(':', StringComparison.Ordinal) || fileName.Any(char.IsControl))
        {
            return "Filens namn får inte innehålla en sökväg (/, \\, .., :) eller styrtecken. Byt namn på filen och försök igen.";
        }

        return fileName.Length > FileNameLimit || fileName.Trim() != fileName
            ? $"Filens namn får vara högst {FileNameLimit} tecken och får inte börja eller sluta med mellanslag."
            : null;
    }
}
