using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// The public deadline calculator: <c>GET /api/v1/deadlines/request</c> (a fixed interface) and the page <c>/tidsfrister</c>.
/// Weekdays checked with <c>date -d</c>; holidays per lag (1989:253).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineCalculatorTests(AppFactory app)
{
    private const string Api = "/api/v1/deadlines/request";

    /// <summary>A seeded party whose eves setting the tenant tests switch on, and back off.</summary>
    private const string EvesParty = "ragunda";

    private async Task<JsonElement> GetDeadlineAsync(string query)
    {
        using var client = app.Anonymous(); // no token: the endpoint is public
        var response = await client.GetAsync($"{Api}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [PostgresFact]
    public async Task Api_AnswersAnonymously_WithExactlyTheFourProperties_DatesAsIsoStrings()
    {
        // 5 April 2026 is påskdagen (Sunday), 6 April annandag påsk; 5 June 2026 is a Friday.
        var body = await GetDeadlineAsync("received=2026-03-05");
        Assert.Equal(["received", "due", "extendedDue", "explanation"], body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("2026-03-05", body.GetProperty("received").GetString());
        Assert.Equal("2026-04-07", body.GetProperty("due").GetString());
        Assert.Equal("2026-06-05", body.GetProperty("extendedDue").GetString());
        Assert.Equal(
            "mottagen 5 mars 2026 → 5 april 2026 är påskdagen → 6 april 2026 är annandag påsk → sista dag 7 april 2026",
            body.GetProperty("explanation").GetString());
    }

    [PostgresFact]
    public async Task Api_ImysExample_ChristmasMovesTheDeadlineToMonday28December()
    {
        // 25 Dec 2026 juldagen (Friday), 26 Dec annandag jul (Saturday), 27 Dec Sunday → Monday 28 Dec.
        var body = await GetDeadlineAsync("received=2026-11-25");
        Assert.Equal("2026-12-28", body.GetProperty("due").GetString());
        Assert.Equal("2027-02-25", body.GetProperty("extendedDue").GetString()); // a Thursday
        var explanation = body.GetProperty("explanation").GetString()!;
        Assert.Contains("25 december 2026 är juldagen", explanation, StringComparison.Ordinal);
        Assert.Contains("26 december 2026 är annandag jul", explanation, StringComparison.Ordinal);
        Assert.Contains("27 december 2026 är en söndag", explanation, StringComparison.Ordinal);
        Assert.EndsWith("sista dag 28 december 2026", explanation, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("2025-01-31", "2025-02-28", "2025-04-30")] // 28 Feb 2025 Friday; 30 Apr 2025 Wednesday
    [InlineData("2028-01-31", "2028-02-29", "2028-05-02")] // leap year: 29 Feb 2028 Tuesday; 30 Apr Sunday, 1 May första maj
    public async Task Api_31January_EndsOnTheLastDayOfFebruary(string received, string due, string extendedDue)
    {
        var body = await GetDeadlineAsync($"received={received}");
        Assert.Equal(due, body.GetProperty("due").GetString());
        Assert.Equal(extendedDue, body.GetProperty("extendedDue").GetString());
        Assert.Contains("31 februari finns inte → sista dagen i månaden", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("2026-11-24", "2026-12-24", "2026-12-28")] // julafton Thursday → 25, 26 (Sat), 27 (Sun) → Monday 28 Dec
    [InlineData("2026-05-19", "2026-06-19", "2026-06-22")] // midsommarafton Friday → midsommardagen (Sat), Sunday → Monday 22 June
    public async Task Api_WithTenant_UsesThePartysEveSetting(string received, string strictDue, string evesDue)
    {
        await SetEvesAreHolidaysAsync(EvesParty, true);
        try
        {
            Assert.Equal(strictDue, (await GetDeadlineAsync($"received={received}")).GetProperty("due").GetString());
            Assert.Equal(strictDue, (await GetDeadlineAsync($"received={received}&tenant=berg")).GetProperty("due").GetString());
            var withEves = await GetDeadlineAsync($"received={received}&tenant={EvesParty}");
            Assert.Equal(evesDue, withEves.GetProperty("due").GetString());
            Assert.Contains("afton", withEves.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await SetEvesAreHolidaysAsync(EvesParty, false);
        }
    }

    [PostgresTheory]
    [InlineData("")]
    [InlineData("received=")]
    [InlineData("received=2026-3-5")]
    [InlineData("received=05%2F03%2F2026")]
    [InlineData("received=20260305")]
    [InlineData("received=2026-03-05T00%3A00")]
    [InlineData("received=2026-02-30")]
    [InlineData("received=2026-13-01")]
    [InlineData("received=1899-12-31")]
    [InlineData("received=2201-01-01")]
    [InlineData("received=idag")]
    [InlineData("received=2026-02-30&tenant=ostersund")]
    public async Task Api_BadDate_Is400ProblemDetailsInSwedish(string query)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync($"{Api}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Mottagningsdatumet är inte giltigt", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Matches("ÅÅÅÅ-MM-DD|mellan år 1900 och 2200", detail);
        Assert.Equal(detail, problem.GetProperty("errors").GetProperty("received")[0].GetString());
    }

    [PostgresTheory]
    [InlineData("finns-inte-part")]
    [InlineData("OSTERSUND'--")]
    public async Task Api_UnknownTenant_Is404ProblemDetails(string tenant)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync($"{Api}?received=2026-03-05&tenant={Uri.EscapeDataString(tenant)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Okänd part", problem.GetProperty("title").GetString());
        Assert.StartsWith("Det finns ingen aktiv part med den adressen.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Api_IsPublic_AndNotAPartyRoute()
    {
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "CalculateRequestDeadline");
        Assert.Equal("/api/v1/deadlines/request", endpoint.RoutePattern.RawText);
        Assert.Empty(endpoint.RoutePattern.Parameters); // no {party}: party resolution never runs for it
        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Contains("Tidsfrister", endpoint.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags));

        // Signed in as a member of one party, asking about another party's calendar is still just arithmetic.
        using var signedIn = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"{Api}?received=2026-03-05&tenant=berg")).StatusCode);
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/deadlines/request", doc, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Page_ShowsTheDeadlines_WithTheirLegalBasis()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/tidsfrister?received=2026-03-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<label class=\"ds-label\" for=\"received\">Mottagningsdatum</label>", html, StringComparison.Ordinal);
        Assert.Contains("Strikt tolkning (ingen part)", html, StringComparison.Ordinal);
        Assert.Contains("Östersunds kommun", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-04-07\">7 april 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-06-05\">5 juni 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("5 april 2026 är påskdagen → 6 april 2026 är annandag påsk", html, StringComparison.Ordinal);
        Assert.Contains("artikel 12.3", html, StringComparison.Ordinal);
        Assert.Contains("1182/71", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("received=2026-02-30", "Datumet finns inte i kalendern. Ange mottagningsdatum som ÅÅÅÅ-MM-DD.")]
    [InlineData("received=5+mars", "Ange mottagningsdatum som ÅÅÅÅ-MM-DD.")]
    [InlineData("received=", "Ange mottagningsdatum som ÅÅÅÅ-MM-DD.")]
    public async Task Page_BadDate_ShowsASwedishErrorAtTheField(string query, string message)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync($"/tidsfrister?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<div class=\"ds-validation-message\" data-field=\"validation\" data-color=\"danger\" id=\"received-error\">Fel: {message}</div>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#received\">{message}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<time", html, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Page_WithAParty_UsesItsCalendar_AndStartLinksToIt()
    {
        using var client = app.Anonymous();
        await SetEvesAreHolidaysAsync(EvesParty, true);
        try
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/tidsfrister?received=2026-11-24&tenant={EvesParty}"));
            Assert.Contains("<time datetime=\"2026-12-28\">28 december 2026</time>", html, StringComparison.Ordinal);
            Assert.Contains("24 december 2026 är julafton", html, StringComparison.Ordinal);
        }
        finally
        {
            await SetEvesAreHolidaysAsync(EvesParty, false);
        }

        var unknown = WebUtility.HtmlDecode(await client.GetStringAsync("/tidsfrister?received=2026-11-24&tenant=finns-inte-part"));
        Assert.Contains("id=\"tenant-error\"", unknown, StringComparison.Ordinal);
        Assert.Contains("href=\"/tidsfrister\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private async Task SetEvesAreHolidaysAsync(string slug, bool value)
    {
        // Parties are a global table: no party scope needed to change one.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var party = await db.Parties.SingleAsync(p => p.Slug == slug);
        party.Settings.EvesAreHolidays = value;
        await db.SaveChangesAsync();
    }
}
