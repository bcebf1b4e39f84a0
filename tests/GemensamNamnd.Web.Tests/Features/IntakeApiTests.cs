using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Data.Seed;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// A party's e-tjänst registers requests with a real signed client-credentials token: the app role Intake.Requests and a
/// client id mapped to that one party. Anything less is 403 and nothing is stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IntakeApiTests(AppFactory app)
{
    private async Task<Guid> MapNewClientAsync(string slug)
    {
        var client = Guid.NewGuid();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var party = await db.Parties.SingleAsync(p => p.Slug == slug);
        party.Settings.IntakeClientIds = [.. party.Settings.IntakeClientIds, client];
        await db.SaveChangesAsync();
        return client;
    }

    /// <summary>An app-only token as Entra issues it for client credentials: no scp, roles, azp, the service principal's oid.</summary>
    private HttpClient EService(string homeSlug, Guid client, string[]? roles = null) =>
        app.ClientWithToken(TestTokens.Issue(DemoSeed.DemoTenantId(homeSlug), Guid.NewGuid(), scope: null, roles: roles ?? [IntakeClients.AppRole], clientApp: client));

    private async Task<Dictionary<string, object?>> BodyAsync(string slug, string name) => new()
    {
        ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-10),
        ["channel"] = "Letter",
        ["controllerId"] = await app.InParty(slug, db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync()),
        ["rights"] = new[] { "Access" },
        ["requesterName"] = name,
        ["personalNumber"] = "19811218-9876",
        ["email"] = "e-tjanst@example.se",
    };

    private Task<int> CountAsync(string slug, string name) => app.InParty(slug, db => db.Requests.CountAsync(r => r.RequesterName == name));

    [Fact]
    public async Task TheMappedETjanst_RegistersARequest_AsETjanst_AndGetsTheCaseNumberAndDueDate()
    {
        var client = await MapNewClientAsync("ostersund");
        var name = $"E-tjänst Eriksson {Guid.NewGuid():N}"[..30];
        var response = await EService("ostersund", client).PostAsJsonAsync("/api/v1/ostersund/requests", await BodyAsync("ostersund", name));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^KS \d{4}/\d{4}$", body.GetProperty("caseNumber").GetString());
        Assert.True(DateOnly.TryParse(body.GetProperty("dueOn").GetString(), out _));

        var id = body.GetProperty("id").GetGuid();
        var (request, events) = await app.InParty("ostersund", async db => (
            await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id),
            await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).ToListAsync()));
        Assert.Equal(RequestChannel.EService, request.Channel);
        Assert.Equal($"e-tjänst {client}", Assert.Single(events).ActorName);
    }

    [Fact]
    public async Task TheETjanst_CannotRegisterAtAnotherParty_NorRead()
    {
        var client = await MapNewClientAsync("ostersund");
        var name = $"Fel Part {Guid.NewGuid():N}"[..25];
        var eService = EService("ostersund", client);
        Assert.Equal(HttpStatusCode.Forbidden, (await eService.PostAsJsonAsync("/api/v1/krokom/requests", await BodyAsync("krokom", name))).StatusCode);
        Assert.Equal(0, await CountAsync("krokom", name));

        // Registering is all it may do: the register itself holds personal data.
        Assert.Equal(HttpStatusCode.Forbidden, (await eService.GetAsync("/api/v1/ostersund/requests")).StatusCode);
    }

    [Fact]
    public async Task WithoutTheRole_OrWithAnUnmappedClient_OrAsADelegatedToken_ItIsForbidden()
    {
        var mapped = await MapNewClientAsync("ostersund");
        var name = $"Nekad Nilsson {Guid.NewGuid():N}"[..28];
        var body = await BodyAsync("ostersund", name);

        var noRole = EService("ostersund", mapped, roles: ["Something.Else"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await noRole.PostAsJsonAsync("/api/v1/ostersund/requests", body)).StatusCode);

        var unmapped = EService("ostersund", Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await unmapped.PostAsJsonAsync("/api/v1/ostersund/requests", body)).StatusCode);

        // A user's delegated token (scp) from the same client is a person, judged by membership, not an e-tjänst.
        var delegated = app.ClientWithToken(TestTokens.Issue(DemoSeed.DemoTenantId("ostersund"), Guid.NewGuid(), roles: [IntakeClients.AppRole], clientApp: mapped));
        Assert.Equal(HttpStatusCode.Forbidden, (await delegated.PostAsJsonAsync("/api/v1/ostersund/requests", body)).StatusCode);

        Assert.Equal(0, await CountAsync("ostersund", name));
    }
}
