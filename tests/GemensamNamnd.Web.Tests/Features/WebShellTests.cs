using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class WebShellTests(AppFactory app)
{
    [PostgresFact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await app.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("lang=\"sv\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Health_LiveAndReady()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // Ready only once the start-up warm-up has ended (WarmupTests).
        await app.Services.GetRequiredService<GemensamNamnd.Web.Infrastructure.WarmupState>().Ended.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [PostgresFact]
    public async Task OpenApi_DescribesThePartyApi()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/{party}/controllers", doc, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "saknat namn", """{"kind":"Namnd"}""" },
        { "för långt namn", $$"""{"name":"{{new string('x', 201)}}","kind":"Namnd"}""" },
        { "okänt slag", """{"name":"Ny","kind":"Styrelse"}""" },
        { "ogiltigt organisationsnummer", """{"name":"Ny AB","kind":"Bolag","organisationNumber":"556000-0000"}""" },
        { "trasig JSON", """{"name": """ },
    };

    [PostgresTheory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_OnTheApi_Is400ProblemDetailsInSwedish_AndStoresNothing(string why, string body)
    {
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        var before = await app.InParty("ostersund", db => db.DataControllers.CountAsync());
        var response = await client.PostAsync("/api/v1/ostersund/controllers", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("[åäöÅÄÖ]|Felaktig|giltig", problem.GetProperty("title").GetString() + problem.GetRawText());
        Assert.Equal(before, await app.InParty("ostersund", db => db.DataControllers.CountAsync()));
    }

    [PostgresFact]
    public async Task Api_CreateReadUpdate_WithOptimisticConcurrency()
    {
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        var name = "API-nämnden " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostAsJsonAsync("/api/v1/ostersund/controllers", new { name, kind = "Namnd" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetGuid();
        var version = dto.GetProperty("version").GetGuid();

        var duplicate = await client.PostAsJsonAsync("/api/v1/ostersund/controllers", new { name, kind = "Namnd" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var updated = await client.PutAsJsonAsync($"/api/v1/ostersund/controllers/{id}", new { name = name + " 2", kind = "Namnd", isActive = true, version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        // The same stale version again: someone else changed it meanwhile.
        var stale = await client.PutAsJsonAsync($"/api/v1/ostersund/controllers/{id}", new { name = name + " 3", kind = "Namnd", isActive = true, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ändrats av någon annan", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/ostersund/controllers/{id}");
        Assert.Equal(name + " 2", stored.GetProperty("name").GetString());
    }
}
