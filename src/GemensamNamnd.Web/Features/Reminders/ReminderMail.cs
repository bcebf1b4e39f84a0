using System.Net;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>Swedish reminder mails, plain text and HTML: the case number, the deadline and a link — nothing personal.</summary>
public static class ReminderMail
{
    public static (string Subject, string Text, string Html) Single(DueReminder r, string partyName, string baseUrl)
    {
        var link = Link(baseUrl, r.Path);
        var subject = $"Påminnelse: {r.CaseNumber} – {r.Headline.TrimEnd('.')}";
        var text = $"""
            {r.Headline}

            Ärende: {r.CaseNumber}
            Tidsfrist: {r.Deadline}
            Part: {partyName}

            Öppna ärendet: {link}

            Det här är en automatisk påminnelse från GemensamNamnd.
            """;
        var html = $"""
            <p>{E(r.Headline)}</p>
            <dl>
            <dt>Ärende</dt><dd>{E(r.CaseNumber)}</dd>
            <dt>Tidsfrist</dt><dd>{E(r.Deadline)}</dd>
            <dt>Part</dt><dd>{E(partyName)}</dd>
            </dl>
            <p><a href="{E(link)}">Öppna ärendet {E(r.CaseNumber)}</a></p>
            <p>Det här är en automatisk påminnelse från GemensamNamnd.</p>
            """;
        return (subject, text, html);
    }

    /// <summary>The daily digest: the day's held reminders for one recipient, in one mail.</summary>
    public static (string Subject, string Text, string Html) Digest(IReadOnlyList<(string Subject, string Text)> items, string partyName, DateOnly day)
    {
        var subject = $"Dagens påminnelser {day.ToString("d MMMM yyyy", Swedish.Culture)} – {partyName} ({items.Count})";
        var text = $"{Swedish.Count(items.Count, "påminnelse", "påminnelser")} för {partyName}:\n\n" + string.Join("\n----\n\n", items.Select(i => i.Text.Trim() + "\n"));
        var html = $"<p>{Swedish.Count(items.Count, "påminnelse", "påminnelser")} för {E(partyName)}:</p>\n<ul>\n"
            + string.Concat(items.Select(i => $"<li><pre>{E(i.Text.Trim())}</pre></li>\n")) + "</ul>";
        return (subject, text, html);
    }

    private static string Link(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
