using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// The DOCX of a letter (DocumentFormat.OpenXml), for editing in Word: real paragraphs, headings (the styles Heading 1
/// and 2) and a bulleted list (a numbering definition), in the same frame as the PDF.
/// </summary>
public static class DocxLetterWriter
{
    private const int BulletList = 1;

    public static byte[] Write(LetterDocument letter, string title)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = letter.Frame.PartyName;
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var body = new Body();
            var f = letter.Frame;
            body.Append(Para(f.PartyName, bold: true, size: 30));
            body.Append(Para(f.ControllerName, size: 18, after: 240));
            body.Append(Para($"Datum: {f.Date}", after: 0));
            body.Append(Para($"Diarienummer: {f.CaseNumber}", after: 360));
            foreach (var line in f.Addressee)
            {
                body.Append(Para(line, after: 0));
            }

            if (f.Addressee.Count > 0)
            {
                body.Append(Para(string.Empty, after: 240));
            }

            foreach (var block in letter.Blocks)
            {
                body.Append(block.Kind switch
                {
                    LetterBlockKind.Title => Styled(block.Text, "Heading1"),
                    LetterBlockKind.Heading => Styled(block.Text, "Heading2"),
                    LetterBlockKind.ListItem => ListItem(block.Text),
                    _ => Para(block.Text),
                });
            }

            body.Append(Para(string.Empty, after: 240));
            for (var i = 0; i < f.Signature.Count; i++)
            {
                body.Append(Para(f.Signature[i], bold: i == 0, after: 0));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1274U, Right = 1274U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, bool bold = false, int? size = null, int after = 160)
    {
        var props = new RunProperties();
        if (bold)
        {
            props.Append(new Bold());
        }

        if (size is { } s)
        {
            props.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Styled(string text, string styleId) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph ListItem(string text) =>
        new(new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList })),
            new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var font = new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" };
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(font, new FontSize { Val = "22" }, new Languages { Val = "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Heading1", "heading 1", 1, "30"),
            Heading("Heading2", "heading 2", 2, "24"),
            new Style(
                new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new Indentation { Left = "720" }, new SpacingBetweenLines { After = "60" }))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        part.Styles.Save();
    }

    private static Style Heading(string id, string name, int level, string size) =>
        new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });
        part.Numbering.Save();
    }
}
