using System.Net;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>
/// Swedish reminder mails, plain text and HTML: the party, the case number (or what the reminder is about), the deadline
/// and a link — nothing personal. The subject names the party and is at most <see cref="MaxSubjectLength"/> characters.
/// </summary>
public static class ReminderMail
{
    /// <summary>RFC 5322's recommended line length: a subject that fits is shown whole in every mail client.</summary>
    public const int MaxSubjectLength = 78;

    /// <summary>The page where each user chooses how reminders come (at once or a daily digest).</summary>
    public const string PreferencesPath = "/mina-paminnelser";

    public static (string Subject, string Text, string Html) Single(DueReminder r, string partyName, string baseUrl)
    {
        var link = Link(baseUrl, r.Path);
        var preferences = Link(baseUrl, PreferencesPath);
        var label = r.IsCase ? "Ärende" : "Gäller";
        var open = r.IsCase ? $"Öppna ärendet {r.CaseNumber}" : "Öppna sidan";
        var subject = Subject(partyName, r.CaseNumber, r.Summary ?? r.Headline.TrimEnd('.'));
        var text = $"""
            {r.Headline}

            Part: {partyName}
            {label}: {r.CaseNumber}
            Tidsfrist: {r.Deadline}

            {open}: {link}

            --
            Det här är en automatisk påminnelse från GemensamNamnd.
            Välj hur du får påminnelser: {preferences}
            """;
        var html = $"""
            <p>{E(r.Headline)}</p>
            <dl>
            <dt>Part</dt><dd>{E(partyName)}</dd>
            <dt>{label}</dt><dd>{E(r.CaseNumber)}</dd>
            <dt>Tidsfrist</dt><dd>{E(r.Deadline)}</dd>
            </dl>
            <p><a href="{E(link)}">{E(open)}</a></p>
            <hr>
            <p>Det här är en automatisk påminnelse från GemensamNamnd. <a href="{E(preferences)}">Välj hur du får påminnelser</a>.</p>
            """;
        return (subject, text, html);
    }

    /// <summary>
    /// "{party}: {reference} – {summary}", at most <see cref="MaxSubjectLength"/> characters, shortened predictably: first
    /// the summary, at a word boundary with "…"; when not one word of it fits, it is left out; then the reference is cut
    /// with "…". The party's name is always whole.
    /// </summary>
    public static string Subject(string partyName, string reference, string summary)
    {
        var head = $"{partyName}: {reference}";
        var full = $"{head} – {summary}";
        if (full.Length <= MaxSubjectLength)
        {
            return full;
        }

        var room = MaxSubjectLength - head.Length - " – ".Length - "…".Length;
        var cut = "";
        foreach (var word in summary.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = cut.Length == 0 ? word : $"{cut} {word}";
            if (longer.Length > room)
            {
                break;
            }

            cut = longer;
        }

        cut = cut.TrimEnd(',', ';', ':', '.', '–', ' ');
        if (cut.Length > 0)
        {
            return $"{head} – {cut}…";
        }

        return head.Length <= MaxSubjectLength ? head : head[..(MaxSubjectLength - 1)].TrimEnd() + "…";
    }

    /// <summary>The daily digest: the day's held reminders for one recipient, in one mail.</summary>
    public static (string Subject, string Text, string Html) Digest(IReadOnlyList<(string Subject, string Text)> items, string partyName, DateOnly day, string baseUrl)
    {
        var preferences = Link(baseUrl, PreferencesPath);
        var subject = Subject(partyName, $"Dagens påminnelser {day.ToString("d MMMM yyyy", Swedish.Culture)}", Swedish.Count(items.Count, "påminnelse", "påminnelser"));
        var text = $"{Swedish.Count(items.Count, "påminnelse", "påminnelser")} för {partyName}:\n\n" + string.Join("\n----\n\n", items.Select(i => Body(i.Text) + "\n"))
            + $"\n--\nVälj hur du får påminnelser: {preferences}\n";
        var html = $"<p>{Swedish.Count(items.Count, "påminnelse", "påminnelser")} för {E(partyName)}:</p>\n<ul>\n"
            + string.Concat(items.Select(i => $"<li><pre>{E(Body(i.Text))}</pre></li>\n")) + "</ul>\n"
            + $"<hr>\n<p><a href=\"{E(preferences)}\">Välj hur du får påminnelser</a>.</p>";
        return (subject, text, html);
    }

    /// <summary>A single mail's text without its footer (the digest has one footer of its own).</summary>
    private static string Body(string text)
    {
        var footer = text.IndexOf("\n--\n", StringComparison.Ordinal);
        return (footer < 0 ? text : text[..footer]).Trim();
    }

    private static string Link(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
