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
/// A party's e-tjänst registers requests, and its detection system breaches, with a real signed client-credentials token:
/// the register's app role (Intake.Requests, Intake.Breaches) and a client id mapped to that one party. Anything less is
/// 403 and nothing is stored.
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
        app.ClientWithToken(TestTokens.Issue(DemoSeed.DemoTenantId(homeSlug), Guid.NewGuid(), scope: null, roles: roles ?? [IntakeClients.Requests], clientApp: client));

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

    [PostgresFact]
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

    [PostgresFact]
    public async Task TheETjanst_RegistersOneRequestForSeveralControllers_OneCaseEach()
    {
        var client = await MapNewClientAsync("ostersund");
        var name = $"E-tjänst Flera {Guid.NewGuid():N}"[..28];
        var controllers = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).Take(2).ToListAsync());
        var body = await BodyAsync("ostersund", name);
        body.Remove("controllerId");
        body["controllerIds"] = controllers;
        var response = await EService("ostersund", client).PostAsJsonAsync("/api/v1/ostersund/requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var cases = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(controllers, cases.Select(c => c.GetProperty("controllerId").GetGuid()).ToList());
        var stored = await app.InParty("ostersund", db => db.Requests.AsNoTracking().Where(r => r.RequesterName == name).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.Equal(RequestChannel.EService, r.Channel));
        Assert.Single(stored.Select(r => r.IntakeId).Distinct());
    }

    [PostgresFact]
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

    [PostgresFact]
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
        var delegated = app.ClientWithToken(TestTokens.Issue(DemoSeed.DemoTenantId("ostersund"), Guid.NewGuid(), roles: [IntakeClients.Requests], clientApp: mapped));
        Assert.Equal(HttpStatusCode.Forbidden, (await delegated.PostAsJsonAsync("/api/v1/ostersund/requests", body)).StatusCode);

        Assert.Equal(0, await CountAsync("ostersund", name));
    }

    private async Task<Dictionary<string, object?>> BreachBodyAsync(string slug, string title) => new()
    {
        ["title"] = title,
        ["controllerIds"] = new[] { await app.InParty(slug, db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync()) },
        ["awareAt"] = DateTimeOffset.UtcNow.AddMinutes(-30),
        ["description"] = "DLP-regeln upptäckte en export av en elevlista till en extern adress.",
        ["types"] = new[] { "Confidentiality" },
        ["cause"] = "UnauthorisedStaffAccess",
        ["dataKinds"] = new[] { "Identification" },
    };

    private Task<int> BreachCountAsync(string slug, string title) => app.InParty(slug, db => db.Breaches.CountAsync(b => b.Title == title));

    [PostgresFact]
    public async Task TheMappedDetectionSystem_RegistersABreach_NamedInTheTimeline_AndTheClockStarts()
    {
        var client = await MapNewClientAsync("krokom");
        var title = $"DLP-larm {Guid.NewGuid():N}"[..20];
        var system = EService("krokom", client, roles: [IntakeClients.Breaches]);
        var response = await system.PostAsJsonAsync("/api/v1/krokom/breaches", await BreachBodyAsync("krokom", title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var (breach, events) = await app.InParty("krokom", async db => (
            await db.Breaches.AsNoTracking().SingleAsync(b => b.Id == id),
            await db.BreachEvents.AsNoTracking().Where(e => e.BreachId == id).ToListAsync()));
        Assert.Equal(title, breach.Title);
        Assert.Equal(breach.AwareAt.AddHours(72), breach.ImyDeadlineAt);
        Assert.Equal($"system {client}", Assert.Single(events).ActorName);

        // Registering is all it may do: not read the register, not assess.
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/v1/krokom/breaches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync($"/api/v1/krokom/breaches/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsJsonAsync($"/api/v1/krokom/breaches/{id}/close", new { })).StatusCode);
    }

    [PostgresFact]
    public async Task ABreachSystem_CannotRegisterAtAnotherParty_NorRequests_AndAnETjanstCannotRegisterBreaches()
    {
        var client = await MapNewClientAsync("krokom");
        var title = $"Fel part {Guid.NewGuid():N}"[..20];
        var system = EService("krokom", client, roles: [IntakeClients.Breaches]);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsJsonAsync("/api/v1/are/breaches", await BreachBodyAsync("are", title))).StatusCode);
        Assert.Equal(0, await BreachCountAsync("are", title));

        var name = $"Fel register {Guid.NewGuid():N}"[..25];
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsJsonAsync("/api/v1/krokom/requests", await BodyAsync("krokom", name))).StatusCode);
        Assert.Equal(0, await CountAsync("krokom", name));

        var eService = EService("krokom", client);
        Assert.Equal(HttpStatusCode.Forbidden, (await eService.PostAsJsonAsync("/api/v1/krokom/breaches", await BreachBodyAsync("krokom", title))).StatusCode);
        Assert.Equal(0, await BreachCountAsync("krokom", title));
    }

    [PostgresFact]
    public async Task ABreachSystem_WithBadInput_GetsSwedishProblemDetails_AndNothingIsStored()
    {
        var client = await MapNewClientAsync("krokom");
        var title = $"Trasigt larm {Guid.NewGuid():N}"[..20];
        var body = await BreachBodyAsync("krokom", title);
        body["awareAt"] = DateTimeOffset.UtcNow.AddHours(5);
        var response = await EService("krokom", client, roles: [IntakeClients.Breaches]).PostAsJsonAsync("/api/v1/krokom/breaches", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("AwareAt", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await BreachCountAsync("krokom", title));
    }
}
