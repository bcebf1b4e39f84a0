using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// The PDF of a letter (PDFsharp 6.2.4): PDF/A (<see cref="PdfDocument.SetPdfA"/>, for the municipality's e-archive), the
/// text extractable (Unicode encoding) and the font embedded — DejaVu Sans, shipped in the assembly with its licence,
/// through <see cref="LetterFonts"/>; a system font is never used (a fresh machine has none). A4, a plain layout: the
/// party as letterhead, date and diarienummer, the addressee, the body, the signature.
/// </summary>
public static class PdfLetterWriter
{
    private const double Margin = 64;
    private const double Width = 595 - (2 * Margin);
    private const double Bottom = 842 - 56;

    public static byte[] Write(LetterDocument letter, string title)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LetterFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Subject = $"{letter.Frame.CaseNumber} – {title}";
        document.Info.Author = letter.Frame.PartyName;
        document.Info.Creator = "GemensamNamnd";
        document.SetPdfA();

        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var regular = new XFont(LetterFonts.Family, 10.5, XFontStyleEx.Regular, options);
        var bold = new XFont(LetterFonts.Family, 10.5, XFontStyleEx.Bold, options);
        var head = new XFont(LetterFonts.Family, 15, XFontStyleEx.Bold, options);
        var titleFont = new XFont(LetterFonts.Family, 14, XFontStyleEx.Bold, options);
        var headingFont = new XFont(LetterFonts.Family, 11.5, XFontStyleEx.Bold, options);
        var small = new XFont(LetterFonts.Family, 9, XFontStyleEx.Regular, options);

        var page = new Page(document);
        var f = letter.Frame;
        page.Line(f.PartyName, head, 0, 4);
        page.Line(f.ControllerName, small, 0, 2);
        page.Rule();
        page.Line($"Datum: {f.Date}", regular, 0, 0);
        page.Line($"Diarienummer: {f.CaseNumber}", regular, 0, 18);
        foreach (var line in f.Addressee)
        {
            page.Line(line, regular, 0, 0);
        }

        page.Space(f.Addressee.Count > 0 ? 22 : 4);
        foreach (var block in letter.Blocks)
        {
            switch (block.Kind)
            {
                case LetterBlockKind.Title:
                    page.Wrapped(block.Text, titleFont, 0, 10);
                    break;
                case LetterBlockKind.Heading:
                    page.Space(4);
                    page.Wrapped(block.Text, headingFont, 0, 4);
                    break;
                case LetterBlockKind.ListItem:
                    page.Wrapped(block.Text, regular, 14, 3, bullet: "•");
                    break;
                default:
                    page.Wrapped(block.Text, regular, 0, 8);
                    break;
            }
        }

        page.Space(18);
        for (var i = 0; i < f.Signature.Count; i++)
        {
            page.Line(f.Signature[i], i == 0 ? bold : regular, 0, 0);
        }

        page.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>The page being written, with the line position; a new page when the text reaches the bottom margin.</summary>
    private sealed class Page(PdfDocument document) : IDisposable
    {
        private XGraphics _gfx = XGraphics.FromPdfPage(document.AddPage());
        private double _y = Margin - 8;

        public void Space(double points) => _y += points;

        public void Rule()
        {
            Ensure(8);
            _gfx.DrawLine(new XPen(XColors.Gray, 0.6), Margin, _y + 2, Margin + Width, _y + 2);
            _y += 16;
        }

        public void Line(string text, XFont font, double indent, double after)
        {
            var height = font.GetHeight();
            Ensure(height);
            _gfx.DrawString(text, font, XBrushes.Black, new XPoint(Margin + indent, _y + font.Size), XStringFormats.Default);
            _y += height + after;
        }

        public void Wrapped(string text, XFont font, double indent, double after, string? bullet = null)
        {
            var lines = Wrap(text, font, Width - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                if (i == 0 && bullet is not null)
                {
                    Ensure(font.GetHeight());
                    _gfx.DrawString(bullet, font, XBrushes.Black, new XPoint(Margin + indent - 10, _y + font.Size), XStringFormats.Default);
                }

                Line(lines[i], font, indent, i == lines.Count - 1 ? after : 0);
            }
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && _gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private void Ensure(double height)
        {
            if (_y + height > Bottom)
            {
                _gfx.Dispose();
                _gfx = XGraphics.FromPdfPage(document.AddPage());
                _y = Margin - 8;
            }
        }

        public void Dispose() => _gfx.Dispose();
    }
}

/// <summary>
/// The letters' font: DejaVu Sans regular and bold (Bitstream Vera licence, <c>Fonts/LICENSE-DejaVu.txt</c>), embedded in
/// the assembly and resolved for PDFsharp here — never from the system.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not LetterFonts)
            {
                GlobalFontSettings.FontResolver = new LetterFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"GemensamNamnd.Letters.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
