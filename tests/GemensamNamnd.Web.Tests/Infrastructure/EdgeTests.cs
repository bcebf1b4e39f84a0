using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// The app's edge: sign-in and the anonymous API are rate-limited per client (429, Retry-After, Swedish problem detail);
/// X-Forwarded-* is believed only from a configured proxy; HSTS is one year with includeSubDomains outside Development.
/// Each test comes from its own client address (set by the test server), so the limits of one do not touch another.
/// </summary>
public sealed class EdgeTests(EdgeTests.EdgeFactory app) : IClassFixture<EdgeTests.EdgeFactory>
{
    public const string Proxy = "10.1.2.3";

    /// <summary>A low limit, a long window (no test depends on time passing) and one configured proxy.</summary>
    public sealed class EdgeFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimit:SignInPermits", "2");
            builder.UseSetting("RateLimit:AnonymousApiPermits", "2");
            builder.UseSetting("RateLimit:WindowSeconds", "3600");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddressFilter>());
        }
    }

    /// <summary>The test server has no socket: the address the connection would have comes from a test-only header.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate inner) =>
            {
                if (IPAddress.TryParse(http.Request.Headers["X-Test-Client"].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return inner(http);
            });
            next(app);
        };
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string client, params (string Name, string Value)[] headers)
    {
        using var http = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Test-Client", client);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    [PostgresFact]
    public async Task AnonymousApi_OverTheLimit_Is429_WithRetryAfter_AndASwedishProblem()
    {
        const string url = "/api/v1/deadlines/request?received=2026-03-02";
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, "198.51.100.1")).StatusCode);

        var refused = await GetAsync(url, "198.51.100.1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After saknas");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("För många förfrågningar", problem.GetProperty("title").GetString());

        // Another client is not held back by this one.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, "198.51.100.2")).StatusCode);
    }

    [PostgresTheory]
    [InlineData("/logga-in", "198.51.100.10")]
    [InlineData("/demo/logga-in", "198.51.100.11")]
    public async Task SignIn_OverTheLimit_Is429_WithRetryAfter(string url, string client)
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, client)).StatusCode);
        var refused = await GetAsync(url, client);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("För många förfrågningar", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AnUntrustedClient_CannotDodgeTheLimit_WithXForwardedFor()
    {
        const string url = "/api/v1/deadlines/request?received=2026-03-03";
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add((await GetAsync(url, "203.0.113.20", ("X-Forwarded-For", $"192.0.2.{i}"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [PostgresFact]
    public async Task ClientsBehindTheConfiguredProxy_AreCountedApart()
    {
        const string url = "/api/v1/deadlines/request?received=2026-03-04";
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, Proxy, ("X-Forwarded-For", $"192.0.2.{100 + i}"))).StatusCode);
        }
    }

    [PostgresFact]
    public async Task XForwardedProto_IsBelievedOnlyFromTheConfiguredProxy_AndHstsIsOneYearWithSubdomains()
    {
        (string, string)[] https = [("X-Forwarded-Proto", "https"), ("Host", "gn.example.se")];
        var untrusted = await GetAsync("/health/live", "203.0.113.30", https);
        Assert.False(untrusted.Headers.Contains("Strict-Transport-Security"), "an untrusted client made the request https");

        var trusted = await GetAsync("/health/live", Proxy, https);
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", trusted.Headers.GetValues("Strict-Transport-Security")));
    }
}
