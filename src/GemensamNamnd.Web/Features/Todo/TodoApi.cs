using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GemensamNamnd.Web.Features.Todo;

/// <summary><c>GET /api/v1/me/todo</c> (the to-do list as JSON) and <c>GET /kalender/{secret}.ics</c> (the same deadlines as iCalendar).</summary>
public static class TodoApi
{
    /// <summary>
    /// One item, exactly this shape (an integration and a check depend on it): the party's slug, the kind, the case
    /// number, what is due, when (an ISO 8601 instant in UTC), whether it is overdue and the link path.
    /// </summary>
    public sealed record TodoDto(string Party, string Kind, string CaseNumber, string Title, DateTime DueAt, bool Overdue, string Url);

    public static void MapGlobal(RouteGroupBuilder api) =>
        api.MapGet("/me/todo", async Task<Results<Ok<List<TodoDto>>, ForbidHttpResult>> (CurrentUser currentUser, TodoList todo, CancellationToken ct) =>
            await currentUser.GetAsync(ct) is { } me
                ? TypedResults.Ok((await todo.ForUserAsync(me, cancellationToken: ct))
                    .Select(i => new TodoDto(i.Party, i.Kind, i.CaseNumber, i.Title, i.DueAt.UtcDateTime, i.Overdue, i.Url)).ToList())
                : TypedResults.Forbid())
            .RequireAuthorization(Policies.SignedIn).WithTags("Konto").WithName("GetMyTodo");

    /// <summary>The calendar feed: anonymous (calendar apps send no sign-in), found by its secret, rate-limited per client.</summary>
    public static void MapCalendar(WebApplication app) =>
        app.MapGet("/kalender/{file}", async Task<Results<FileContentHttpResult, NotFound>> (string file, CalendarFeeds feeds, TodoList todo, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (!file.EndsWith(".ics", StringComparison.Ordinal) || await feeds.FindUserAsync(file[..^4], ct) is not { } user)
            {
                return TypedResults.NotFound();
            }

            var items = await todo.ForUserAsync(user, cancellationToken: ct);
            var origin = $"{http.Request.Scheme}://{http.Request.Host}";
            http.Response.Headers.CacheControl = "private, max-age=900";
            return TypedResults.File(Encoding.UTF8.GetBytes(ICalendar.Write(items, origin, clock.GetUtcNow())), "text/calendar; charset=utf-8", "gemensamnamnd.ics");
        })
        .AllowAnonymous().RequireRateLimiting(RateLimits.AnonymousApi).ExcludeFromDescription();
}

/// <summary>
/// The to-do list as an iCalendar file (RFC 5545): one event per item — the case number and what is due, never personal
/// data. A day deadline is an all-day event on its day; the 72-hour clock an event at its instant.
/// </summary>
public static class ICalendar
{
    public static string Write(IReadOnlyList<TodoItem> items, string origin, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//GemensamNamnd//Att göra//SV");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:GemensamNamnd – tidsfrister");
        foreach (var item in items)
        {
            Line(sb, "BEGIN:VEVENT");
            // Stable per item and deadline, so a calendar updates the event instead of adding a new one each time.
            Line(sb, $"UID:{Uid(item)}@gemensamnamnd");
            Line(sb, $"DTSTAMP:{Utc(now)}");
            if (item.DueOn is { } day)
            {
                Line(sb, $"DTSTART;VALUE=DATE:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
                Line(sb, $"DTEND;VALUE=DATE:{day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
            }
            else
            {
                Line(sb, $"DTSTART:{Utc(item.DueAt)}");
                Line(sb, $"DTEND:{Utc(item.DueAt)}");
            }

            Line(sb, $"SUMMARY:{Escape($"{item.CaseNumber}: {item.Title}")}");
            Line(sb, $"DESCRIPTION:{Escape($"{item.PartyName}. {item.Title}.")}");
            Line(sb, $"URL:{Escape(origin + item.Url)}");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    // The same item keeps its UID when its deadline moves (an extension), so the calendar moves the event.
    private static string Uid(TodoItem item) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Party}|{item.Kind}|{item.CaseNumber}|{item.Url}")))[..32];

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A content line, CRLF-ended and folded at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
