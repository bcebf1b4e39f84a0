using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// The PDF of a letter (PDFsharp 6.2.4): PDF/A (<see cref="PdfDocument.SetPdfA"/>, for the municipality's e-archive),
/// tagged (headings, paragraphs, lists: <see cref="UAManager"/>), the text extractable (Unicode encoding) and the font
/// embedded — DejaVu Sans, shipped in the assembly with its licence, through <see cref="LetterFonts"/>; a system font is
/// never used (a fresh machine has none). A4, a plain layout: the party as letterhead, date and diarienummer, the
/// addressee, the body, the signature.
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

        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage("sv-SE");
        var page = new Page(document, ua.StructureBuilder);
        var f = letter.Frame;
        page.Block(PdfBlockLevelElementTag.Paragraph, f.PartyName, head, 4);
        page.Block(PdfBlockLevelElementTag.Paragraph, f.ControllerName, small, 2);
        page.Rule();
        page.Block(PdfBlockLevelElementTag.Paragraph, $"Datum: {f.Date}", regular, 0);
        page.Block(PdfBlockLevelElementTag.Paragraph, $"Diarienummer: {f.CaseNumber}", regular, 18);
        foreach (var line in f.Addressee)
        {
            page.Block(PdfBlockLevelElementTag.Paragraph, line, regular, 0);
        }

        page.Space(f.Addressee.Count > 0 ? 22 : 4);
        var blocks = letter.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            switch (block.Kind)
            {
                case LetterBlockKind.Title:
                    page.Block(PdfBlockLevelElementTag.Heading1, block.Text, titleFont, 10);
                    break;
                case LetterBlockKind.Heading:
                    page.Space(4);
                    page.Block(PdfBlockLevelElementTag.Heading2, block.Text, headingFont, 4);
                    break;
                case LetterBlockKind.ListItem:
                    var items = new List<string>();
                    while (i < blocks.Count && blocks[i].Kind == LetterBlockKind.ListItem)
                    {
                        items.Add(blocks[i++].Text);
                    }

                    i--;
                    page.List(items, regular, 8);
                    break;
                default:
                    page.Block(PdfBlockLevelElementTag.Paragraph, block.Text, regular, 8);
                    break;
            }
        }

        page.Space(18);
        for (var i = 0; i < f.Signature.Count; i++)
        {
            page.Block(PdfBlockLevelElementTag.Paragraph, f.Signature[i], i == 0 ? bold : regular, 0);
        }

        page.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>
    /// The page being written, with the line position, and the structure (PDF/A-1a is tagged: headings, paragraphs, lists,
    /// the rule an artifact). A block starts on a new page when it does not fit in what is left of this one.
    /// </summary>
    private sealed class Page(PdfDocument document, StructureBuilder structure) : IDisposable
    {
        private XGraphics _gfx = XGraphics.FromPdfPage(document.AddPage());
        private double _y = Margin - 8;

        public void Space(double points) => _y += points;

        public void Rule()
        {
            Ensure(8);
            structure.BeginArtifact();
            _gfx.DrawLine(new XPen(XColors.Gray, 0.6), Margin, _y + 2, Margin + Width, _y + 2);
            structure.End();
            _y += 16;
        }

        public void Block(PdfBlockLevelElementTag tag, string text, XFont font, double after)
        {
            var lines = Wrap(text, font, Width);
            Ensure(lines.Count * font.GetHeight());
            structure.BeginElement(tag);
            foreach (var line in lines)
            {
                Draw(line, font, 0);
            }

            structure.End();
            _y += after;
        }

        public void List(IReadOnlyList<string> items, XFont font, double after)
        {
            const double indent = 14;
            structure.BeginElement(PdfBlockLevelElementTag.List);
            foreach (var item in items)
            {
                var lines = Wrap(item, font, Width - indent);
                Ensure(lines.Count * font.GetHeight());
                structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                structure.BeginElement(PdfBlockLevelElementTag.Label);
                _gfx.DrawString("•", font, XBrushes.Black, new XPoint(Margin + indent - 10, _y + font.Size), XStringFormats.Default);
                structure.End();
                structure.BeginElement(PdfBlockLevelElementTag.ListBody);
                foreach (var line in lines)
                {
                    Draw(line, font, indent);
                }

                structure.End();
                structure.End();
                _y += 3;
            }

            structure.End();
            _y += after;
        }

        private void Draw(string text, XFont font, double indent)
        {
            _gfx.DrawString(text, font, XBrushes.Black, new XPoint(Margin + indent, _y + font.Size), XStringFormats.Default);
            _y += font.GetHeight();
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
