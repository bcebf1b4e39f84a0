using System.Text;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>One block of a letter's body.</summary>
public enum LetterBlockKind
{
    /// <summary><c># Rubrik</c>: the letter's title.</summary>
    Title,

    /// <summary><c>## Rubrik</c>: a section heading.</summary>
    Heading,

    Paragraph,

    /// <summary><c>- punkt</c>: an item of a bulleted list.</summary>
    ListItem,
}

public sealed record LetterBlock(LetterBlockKind Kind, string Text);

/// <summary>Who and what stands around the body: letterhead, date, case number, addressee and signature.</summary>
/// <param name="PartyName">The letterhead.</param>
/// <param name="ControllerName">The personuppgiftsansvarig (nämnd, bolag) that decides.</param>
/// <param name="Date">The letter's date, in Swedish words.</param>
/// <param name="CaseNumber">Diarienummer.</param>
/// <param name="Addressee">The addressee block (name, and the address unless skyddad identitet); empty for a notice to many.</param>
/// <param name="Signature">The officer or DPO who signs, with the role.</param>
public sealed record LetterFrame(string PartyName, string ControllerName, string Date, string CaseNumber, IReadOnlyList<string> Addressee, IReadOnlyList<string> Signature);

/// <summary>
/// The one rendering model: a template renders (Liquid) to a small markup, parsed here into blocks, and one writer per
/// format (<see cref="PdfLetterWriter"/>, <see cref="DocxLetterWriter"/>) writes the blocks in the frame.
/// The markup: <c># </c> a title, <c>## </c> a heading, <c>- </c> a list item, a blank line between paragraphs; the
/// lines of a paragraph are joined with a space.
/// </summary>
public sealed record LetterDocument(LetterFrame Frame, IReadOnlyList<LetterBlock> Blocks)
{
    public static IReadOnlyList<LetterBlock> Parse(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var blocks = new List<LetterBlock>();
        var paragraph = new StringBuilder();

        void Flush()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new LetterBlock(LetterBlockKind.Paragraph, paragraph.ToString()));
                paragraph.Clear();
            }
        }

        foreach (var raw in markup.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new LetterBlock(LetterBlockKind.Heading, line[3..].Trim()));
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new LetterBlock(LetterBlockKind.Title, line[2..].Trim()));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new LetterBlock(LetterBlockKind.ListItem, line[2..].Trim()));
            }
            else
            {
                paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(line);
            }
        }

        Flush();
        return blocks;
    }
}
