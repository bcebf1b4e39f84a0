using System.Net;
using System.Net.Http.Json;
using GemensamNamnd.Web.Data.Seed;
using GemensamNamnd.Web.Tests.Infrastructure;

namespace GemensamNamnd.Web.Tests.Identity;

/// <summary>Microsoft.Identity.Web validating real RS256 tokens against the local OpenID configuration.</summary>
[Collection(AppCollection.Name)]
public sealed class TokenValidationTests(AppFactory app)
{
    private static readonly DemoSeed.DemoUser Bo = AppFactory.Demo("bo");

    [PostgresFact]
    public async Task GoodToken_ForAPartyTheUserServes_Is200()
    {
        using var client = app.ClientWithToken(TestTokens.Issue(Bo.PartyId, Bo.ObjectId));
        var response = await client.GetAsync("/api/v1/krokom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var party = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("krokom", party!["slug"].ToString());
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "fel utfärdare (tid i iss skiljer sig från tid)", TestTokens.Issue(Bo.PartyId, Bo.ObjectId, issuerTenant: Guid.NewGuid().ToString()) },
        { "utgången", TestTokens.Issue(Bo.PartyId, Bo.ObjectId, expires: DateTime.UtcNow.AddMinutes(-10)) },
        { "fel mottagare", TestTokens.Issue(Bo.PartyId, Bo.ObjectId, audience: "api://någon-annan") },
        { "okänd tid", TestTokens.Issue(Guid.NewGuid(), Bo.ObjectId) },
        { "fel nyckel", TestTokens.Issue(Bo.PartyId, Bo.ObjectId, key: TestTokens.OtherKey) },
        { "varken scope eller roll", TestTokens.Issue(Bo.PartyId, Bo.ObjectId, scope: null) },
    };

    [PostgresTheory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_Is401_WithProblemDetails(string why, string token)
    {
        using var client = app.ClientWithToken(token);
        var response = await client.GetAsync("/api/v1/krokom");
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [PostgresFact]
    public async Task ValidToken_WithoutTheRequiredRole_Is403()
    {
        // Anna is Handläggare in Östersund; creating a controller needs Administratör.
        var anna = AppFactory.Demo("anna");
        using var client = app.ClientFor(anna);
        var response = await client.PostAsJsonAsync("/api/v1/ostersund/controllers", new { name = "Ny nämnd", kind = "Namnd" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("behörighet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ValidToken_OfAnUnregisteredPerson_FromAKnownTenant_Is403()
    {
        using var client = app.ClientWithToken(TestTokens.Issue(Bo.PartyId, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/ostersund")).StatusCode);
    }

    [PostgresFact]
    public async Task Me_ListsTheDposThreeParties()
    {
        using var client = app.ClientFor(Bo);
        var me = await client.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/api/v1/me");
        var slugs = me!["memberships"].EnumerateArray().Select(m => m.GetProperty("slug").GetString()).Order().ToList();
        Assert.Equal(["are", "krokom", "ostersund"], slugs);
    }
}
