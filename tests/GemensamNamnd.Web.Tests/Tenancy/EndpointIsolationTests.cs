using System.Net;
using System.Text;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Tenancy;

/// <summary>
/// Every endpoint and page, taken from the routing table: each names a party or role rule, and a user of party A gets
/// nothing of party B — not through B's routes, not through B's record ids on A's routes, not anonymously.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EndpointIsolationTests(AppFactory app)
{
    private const string PartyA = "ostersund";
    private const string PartyB = "berg";
    private const string Secret = "Hemliga nämnden Berg 7Q";

    /// <summary>The only endpoints anyone may reach without signing in.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/", "/logga-in", "/logga-in/entra", "/logga-ut", "/demo/logga-in", "/fel/{code:int?}",
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/api/v1/deadlines/request", "/tidsfrister",
    ];

    /// <summary>Routes only the party's DPO and administrators reach (issue 9: retention and person search).</summary>
    private static readonly HashSet<string> OversightRoutes = ["/{tenant}/gallring", "/{tenant}/personsok", "/{tenant}/personsok/export"];

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null).ToList();

    private static string Route(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.TrimStart('/');

    private static IEnumerable<string> Methods(RouteEndpoint e) =>
        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];

    [Fact]
    public void EveryEndpoint_NamesAPartyOrRoleRule_OrIsExplicitlyPublic()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 15, $"Routing table looks empty ({endpoints.Count}).");
        var problems = new List<string>();
        foreach (var e in endpoints)
        {
            var route = Route(e);
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (PublicRoutes.Contains(route))
            {
                if (!anonymous)
                {
                    problems.Add($"{route}: listed as public but not [AllowAnonymous]");
                }

                continue;
            }

            if (anonymous || policies.Count == 0 || policies.Any(p => p is null))
            {
                problems.Add($"{route}: no named policy");
            }
            else if (route.Contains("{tenant}", StringComparison.Ordinal) && !policies.Any(p => Policies.PartyPolicies.Contains(p!)))
            {
                problems.Add($"{route}: party route without a party policy ({string.Join(",", policies)})");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void OversightRoutes_AdmitOnlyThePartysDpoAndAdministrators()
    {
        var found = Endpoints().Where(e => OversightRoutes.Contains(Route(e))).ToList();
        Assert.Equal(OversightRoutes.Order(), found.Select(Route).Distinct().Order());
        Assert.All(found, e => Assert.Equal([Policies.PartyOversight], e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)));
    }

    [Fact]
    public async Task PartyRoutes_OfAnotherParty_Are403_AndCarryNoData()
    {
        var (user, secretId) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        var checkedCount = 0;
        foreach (var e in Endpoints().Where(e => Route(e).Contains("{tenant}", StringComparison.Ordinal)))
        {
            foreach (var method in Methods(e))
            {
                var response = await SendAsync(client, method, Fill(Route(e), PartyB, secretId));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {Route(e)} as B → {(int)response.StatusCode}");
                Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} calls");
    }

    [Fact]
    public async Task OwnPartyRoutes_WithAnotherPartysIds_Are404_AndCarryNoData()
    {
        var (user, secretId) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        foreach (var e in Endpoints().Where(e => Route(e).Contains("{tenant}", StringComparison.Ordinal) && Route(e).Contains("{id", StringComparison.Ordinal)))
        {
            foreach (var method in Methods(e))
            {
                var response = await SendAsync(client, method, Fill(Route(e), PartyA, secretId));
                var body = await response.Content.ReadAsStringAsync();
                // A form post without its antiforgery token stops at 400 before any lookup; everything else is 404.
                Assert.True(response.StatusCode is HttpStatusCode.NotFound || (method == "POST" && response.StatusCode == HttpStatusCode.BadRequest),
                    $"{method} {Route(e)} with B's id → {(int)response.StatusCode}");
                Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task GlobalRoutes_WithoutTheGlobalRole_Are403()
    {
        var (user, _) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        foreach (var e in Endpoints().Where(e => Route(e).StartsWith("/admin", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(Fill(Route(e), PartyA, Guid.NewGuid()));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    /// <summary>The committee's routes (e-strateg or global administrator): a user with every role in a party gets none.</summary>
    private static readonly string[] CommitteeRoutes = ["/mognad", "/dataskyddsombud"];

    [Fact]
    public async Task CommitteeRoutes_WithoutTheEStrategRole_Are403()
    {
        var (user, secretId) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        var routes = Endpoints().Where(e => CommitteeRoutes.Any(c => Route(e) == c || Route(e).StartsWith(c + "/", StringComparison.Ordinal))).ToList();
        Assert.Contains(routes, e => Route(e) == "/mognad");
        foreach (var e in routes.Where(e => Route(e).StartsWith("/mognad", StringComparison.Ordinal)))
        {
            foreach (var method in Methods(e))
            {
                var response = await SendAsync(client, method, Fill(Route(e), PartyA, secretId));
                // A form post without its antiforgery token may stop at 400 before authorization of the handler; never 2xx.
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (method == "POST" && response.StatusCode == HttpStatusCode.BadRequest),
                    $"{method} {Route(e)} → {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>
    /// The e-strateg sees aggregates only (issue 6): every party route — case pages, registers, their APIs — is closed to
    /// the role, so no citizen's data can be reached; the committee pages are open to it.
    /// </summary>
    [Fact]
    public async Task TheEStrateg_ReachesNoPartyRoute_ButTheCommitteePages()
    {
        var (_, secretId) = await ArrangeAsync();
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        var checkedCount = 0;
        foreach (var e in Endpoints().Where(e => Route(e).Contains("{tenant}", StringComparison.Ordinal)))
        {
            foreach (var method in Methods(e))
            {
                foreach (var party in new[] { PartyA, PartyB })
                {
                    var response = await SendAsync(stina, method, Fill(Route(e), party, secretId));
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (method == "POST" && response.StatusCode == HttpStatusCode.BadRequest),
                        $"e-strateg {method} {Route(e)} → {(int)response.StatusCode}");
                    Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} calls");
        Assert.Equal(HttpStatusCode.OK, (await stina.GetAsync("/mognad")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stina.GetAsync("/mognad/omgangar")).StatusCode);
    }

    [Fact]
    public async Task EveryNonPublicEndpoint_Anonymously_IsChallenged()
    {
        var (_, secretId) = await ArrangeAsync();
        using var client = app.Anonymous();
        foreach (var e in Endpoints().Where(e => !PublicRoutes.Contains(Route(e))))
        {
            foreach (var method in Methods(e))
            {
                var url = Fill(Route(e), PartyA, secretId);
                var response = await SendAsync(client, method, url);
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} → {(int)response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/logga-in", StringComparison.Ordinal),
                        $"{method} {url} → {(int)response.StatusCode}");
                }
            }
        }
    }

    [Theory]
    [InlineData("/finns-inte-part")]
    [InlineData("/api/v1/finns-inte-part/controllers")]
    [InlineData("/OSTERSUND'--/personuppgiftsansvariga")]
    public async Task UnknownParty_Is404_EvenForSignedInUsers(string url)
    {
        using var client = app.ClientFor(AppFactory.Demo("bo"));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Hittades inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedId_Is404()
    {
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/ostersund/controllers/inte-ett-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ostersund/personuppgiftsansvariga/123")).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("""{"name":"x","kind":"Namnd","isActive":true,"version":"00000000-0000-0000-0000-000000000000"}""", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    private static string Fill(string route, string party, Guid id)
    {
        var url = route.Replace("{tenant}", party, StringComparison.Ordinal);
        foreach (var token in new[] { "{id:guid}", "{id}", "{code:int?}", "{documentName}" })
        {
            url = url.Replace(token, token.StartsWith("{id", StringComparison.Ordinal) ? id.ToString() : token == "{code:int?}" ? "404" : "v1", StringComparison.Ordinal);
        }

        return url.Length > 1 ? url.TrimEnd('/') : url;
    }

    /// <summary>A user with every role in party A (and none in B), and a record in B to look for.</summary>
    private async Task<((Guid tid, Guid oid) user, Guid secretId)> ArrangeAsync()
    {
        var secretId = await app.InParty(PartyB, async db =>
        {
            var existing = db.DataControllers.FirstOrDefault(c => c.Name == Secret);
            if (existing is not null)
            {
                return existing.Id;
            }

            var c = new DataController { Name = Secret, Kind = DataControllerKind.Namnd };
            db.DataControllers.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var tid = GemensamNamnd.Web.Data.Seed.DemoSeed.DemoTenantId(PartyA);
        var oid = Guid.Parse("5e1f2a3b-0000-4000-8000-00000000a11a");
        using var scope = app.Services.CreateScope();
        var appDb = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
        if (!appDb.Users.Any(u => u.EntraObjectId == oid))
        {
            var partyA = appDb.Parties.Single(p => p.Slug == PartyA);
            appDb.Users.Add(new AppUser
            {
                EntraTenantId = tid,
                EntraObjectId = oid,
                DisplayName = "Alla roller i A",
                Memberships = [.. Enum.GetValues<PartyRole>().Select(r => new Membership { PartyId = partyA.Id, Role = r })],
            });
            await appDb.SaveChangesAsync();
        }

        return ((tid, oid), secretId);
    }
}
