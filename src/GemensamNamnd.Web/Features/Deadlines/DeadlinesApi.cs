using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GemensamNamnd.Web.Features.Deadlines;

/// <summary>
/// <c>GET /api/v1/deadlines/request?received=YYYY-MM-DD[&amp;tenant=slug]</c>: the Art. 12(3) deadline of a request, open to
/// anyone. The interface is fixed (integrations outside the repository depend on it): exactly the four properties of
/// <see cref="RequestDeadlineDto"/>. The party is an optional query parameter, never a route value, so the request does
/// not pass through party resolution or the party policies.
/// </summary>
public static partial class DeadlinesApi
{
    /// <summary>The answer: dates as ISO strings (<c>YYYY-MM-DD</c>), the explanation of <see cref="Due"/> in Swedish.</summary>
    public sealed record RequestDeadlineDto(DateOnly Received, DateOnly Due, DateOnly ExtendedDue, string Explanation);

    public const string DateFormat = "yyyy-MM-dd";
    public const int MinYear = 1900;
    public const int MaxYear = 2200;
    public const string ReceivedMessage = "Ange mottagningsdatum som ÅÅÅÅ-MM-DD.";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/deadlines/request", CalculateAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.AnonymousApi)
            .WithTags("Tidsfrister")
            .WithName("CalculateRequestDeadline")
            .WithSummary("Sista dag att besvara en begäran (GDPR art. 12.3, förordning 1182/71 art. 3)");

    private static async Task<Results<Ok<RequestDeadlineDto>, ValidationProblem, ProblemHttpResult>> CalculateAsync(
        string? received, string? tenant, PartyDirectory parties, CancellationToken ct)
    {
        if (ParseReceived(received) is not { } date)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["received"] = [ReceivedError(received)] },
                detail: ReceivedError(received),
                title: "Mottagningsdatumet är inte giltigt");
        }

        var calendar = PartyCalendar.Statutory;
        if (!string.IsNullOrWhiteSpace(tenant))
        {
            var party = await FindPartyAsync(tenant, parties, ct);
            if (party is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Okänd part", // non-ASCII, so SwedishProblemDetails keeps it
                    detail: "Det finns ingen aktiv part med den adressen. Utelämna tenant för den strikta tolkningen.");
            }

            calendar = CalendarOf(party);
        }

        var deadline = Calculate(date, calendar);
        return TypedResults.Ok(new RequestDeadlineDto(date, deadline.Due, deadline.ExtendedDue, deadline.Explanation));
    }

    /// <summary>An active party by slug, or null; a malformed slug is never looked up.</summary>
    internal static Task<Party?> FindPartyAsync(string slug, PartyDirectory parties, CancellationToken ct) =>
        PartyResolutionMiddleware.SlugPattern().IsMatch(slug) ? parties.FindBySlugAsync(slug, ct) : Task.FromResult<Party?>(null);

    /// <summary>The party's visible choice about eves (lag 1930:173); everything else follows Reg. 1182/71.</summary>
    internal static PartyCalendar CalendarOf(Party party) => new(party.Settings.EvesAreHolidays);

    /// <summary>
    /// Counted from receipt: the calculator is given the day a request was received. (A party that counts from
    /// confirmed identity under Art. 12(6) enters that day instead.)
    /// </summary>
    internal static RequestDeadline Calculate(DateOnly received, PartyCalendar calendar) =>
        RequestDeadlines.Calculate(received, calendar, DeadlineClockStart.Receipt);

    /// <summary>
    /// A real date written exactly <c>YYYY-MM-DD</c> (parsed by <see cref="FormValues"/>), in 1900–2200: the public
    /// calculator keeps its wider, documented range rather than the registers' one; otherwise null.
    /// </summary>
    internal static DateOnly? ParseReceived(string? value) =>
        value is not null
        && IsoShape().IsMatch(value.Trim())
        && FormValues.Date(value) is { } date
        && date.Year is >= MinYear and <= MaxYear
            ? date
            : null;

    /// <summary>Why <paramref name="value"/> was refused, in Swedish.</summary>
    internal static string ReceivedError(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (!IsoShape().IsMatch(text))
        {
            return ReceivedMessage;
        }

        return FormValues.Date(text) is not null
            ? $"Mottagningsdatumet måste ligga mellan år {MinYear} och {MaxYear}."
            : "Datumet finns inte i kalendern. " + ReceivedMessage;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoShape();
}
