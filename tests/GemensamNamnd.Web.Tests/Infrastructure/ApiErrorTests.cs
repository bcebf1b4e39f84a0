using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>Every API error is RFC 9457 problem details, also when it arrives as an exception (as in Development).</summary>
[Collection(AppCollection.Name)]
public sealed class ApiErrorTests(AppFactory app)
{
    private HttpClient ThrowingClient()
    {
        var throwing = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true)));
        var client = throwing.CreateClient(new() { AllowAutoRedirect = false });
        var anna = AppFactory.Demo("anna");
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Issue(anna.PartyId, anna.ObjectId));
        return client;
    }

    [PostgresFact]
    public async Task MalformedJson_ThrownAsAnException_Is400ProblemDetails_NotTheHtmlErrorPage()
    {
        using var client = ThrowingClient();
        var response = await client.PostAsync($"/api/v1/ostersund/requests/{Guid.NewGuid()}/answer", new StringContent("""{"answeredOn": """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Felaktig begäran", problem.GetProperty("title").GetString());
        Assert.StartsWith("/api/v1/ostersund/requests/", problem.GetProperty("instance").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?, int> Errors() => new()
    {
        { "fel typ", """{"answeredOn": 12, "delivery": "Email", "version": "x"}""", "application/json", 400 },
        { "fel innehållstyp", "answeredOn=2026-01-01", "text/plain", 415 },
    };

    [PostgresTheory]
    [MemberData(nameof(Errors))]
    public async Task ApiErrors_AreProblemDetails_WithTheirStatus(string why, string body, string? mediaType, int status)
    {
        foreach (var client in new[] { ThrowingClient(), app.ClientFor(AppFactory.Demo("anna")) })
        {
            using (client)
            {
                var response = await client.PostAsync($"/api/v1/ostersund/requests/{Guid.NewGuid()}/answer", new StringContent(body, Encoding.UTF8, mediaType!));
                Assert.True(status == (int)response.StatusCode, $"{why}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [PostgresFact]
    public async Task UnknownRecord_Is404ProblemDetails()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var response = await client.GetAsync($"/api/v1/ostersund/requests/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
