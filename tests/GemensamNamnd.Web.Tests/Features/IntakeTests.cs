using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// Issue 19: one request for several controllers (one case each, one intake, the common time of receipt and so one
/// deadline, EDPB 01/2022 §55, §159), requests through a representative, and the identity confirmed with e-legitimation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IntakeTests(AppFactory app)
{
    private const string Base = "/api/v1/ostersund/requests";

    private Task<List<Guid>> ControllersAsync(string slug, int count) =>
        app.InParty(slug, db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).Take(count).ToListAsync());

    private static Dictionary<string, object?> Body(string name, object? controllerIds = null, Guid? controllerId = null) => new()
    {
        ["receivedAt"] = DateTimeOffset.UtcNow.AddHours(-3),
        ["channel"] = "Letter",
        ["controllerId"] = controllerId,
        ["controllerIds"] = controllerIds,
        ["rights"] = new[] { "Access" },
        ["requesterName"] = name,
        ["email"] = "brev@example.se",
    };

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private Task<int> CountAsync(string name) => app.InParty("ostersund", db => db.Requests.CountAsync(r => r.RequesterName == name));

    [PostgresFact]
    public async Task ThreeControllers_GiveThreeCases_OneIntake_OneTimeOfReceipt_OneDeadline_AndTheResponseListsThem()
    {
        var controllers = await ControllersAsync("ostersund", 3);
        Assert.Equal(3, controllers.Count);
        var name = Unique("Tre Nämnder");
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var response = await anna.PostAsJsonAsync(Base, Body(name, controllers));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        // The existing properties describe the first case; "cases" lists each, in the order given.
        var cases = body.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(3, cases.Count);
        Assert.Equal(["id", "caseNumber", "controllerId", "dueOn"], cases[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(controllers, cases.Select(c => c.GetProperty("controllerId").GetGuid()).ToList());
        Assert.Equal(body.GetProperty("id").GetGuid(), cases[0].GetProperty("id").GetGuid());
        Assert.Equal(body.GetProperty("caseNumber").GetString(), cases[0].GetProperty("caseNumber").GetString());
        Assert.Equal(body.GetProperty("dueOn").GetString(), cases[0].GetProperty("dueOn").GetString());
        Assert.StartsWith("mottagen ", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("warnings").ValueKind);
        Assert.Equal(3, cases.Select(c => c.GetProperty("caseNumber").GetString()).Distinct().Count());
        Assert.All(cases, c => Assert.Matches(@"^KS \d{4}/\d{4}$", c.GetProperty("caseNumber").GetString()));
        Assert.Single(cases.Select(c => c.GetProperty("dueOn").GetString()).Distinct());

        var stored = await app.InParty("ostersund", db => db.Requests.AsNoTracking().Where(r => r.RequesterName == name).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.NotNull(stored[0].IntakeId);
        Assert.Single(stored.Select(r => r.IntakeId).Distinct());
        Assert.Single(stored.Select(r => r.ReceivedAt).Distinct());
        Assert.Single(stored.Select(r => r.DueOn).Distinct());
        Assert.Equal(controllers.Order(), stored.Select(r => r.ControllerId).Order());

        // Each case is its controller's own, and its timeline says it is one of three.
        var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{cases[1].GetProperty("id").GetGuid()}");
        Assert.Equal(controllers[1], one.GetProperty("controllerId").GetGuid());
        Assert.Equal(stored[0].IntakeId, one.GetProperty("intakeId").GetGuid());
        Assert.Contains("En av 3 personuppgiftsansvariga", one.GetProperty("events")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        // Isolation: another party sees none of them.
        Assert.Equal(0, await app.InParty("krokom", db => db.Requests.CountAsync(r => r.RequesterName == name)));
    }

    [PostgresFact]
    public async Task OneController_GivesOneElementInCases()
    {
        var controller = (await ControllersAsync("ostersund", 1))[0];
        var name = Unique("En Nämnd");
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var body = await (await anna.PostAsJsonAsync(Base, Body(name, controllerId: controller))).Content.ReadFromJsonAsync<JsonElement>();
        var only = Assert.Single(body.GetProperty("cases").EnumerateArray());
        Assert.Equal(body.GetProperty("id").GetGuid(), only.GetProperty("id").GetGuid());
        Assert.Equal(controller, only.GetProperty("controllerId").GetGuid());

        // A list of one is the same.
        var listed = await (await anna.PostAsJsonAsync(Base, Body(name, new[] { controller }))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(listed.GetProperty("cases").EnumerateArray());
        Assert.Equal(2, await CountAsync(name));
    }

    public static TheoryData<string, string> BadIntakes() => new()
    {
        { "annan parts nämnd", "ControllerIds" },
        { "inaktiv nämnd", "ControllerIds" },
        { "samma nämnd två gånger", "ControllerIds" },
        { "både controllerId och controllerIds", "ControllerIds" },
        { "ingen nämnd", "ControllerId" },
        { "tom lista", "ControllerIds" },
        { "ombud utan sort", "RepresentativeKind" },
        { "ombud utan namn", "RepresentativeName" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadIntakes))]
    public async Task BadIntake_Is400InSwedish_AndStoresNothing(string why, string field)
    {
        var mine = await ControllersAsync("ostersund", 2);
        var name = Unique("Fel Intag");
        var body = Body(name, mine);
        switch (why)
        {
            case "annan parts nämnd":
                body["controllerIds"] = new[] { mine[0], (await ControllersAsync("krokom", 1))[0] };
                break;
            case "inaktiv nämnd":
                var inactive = new DataController { Name = Unique("Nedlagd nämnd"), IsActive = false };
                await app.InParty("ostersund", async db =>
                {
                    db.DataControllers.Add(inactive);
                    return await db.SaveChangesAsync();
                });
                body["controllerIds"] = new[] { mine[0], inactive.Id };
                break;
            case "samma nämnd två gånger": body["controllerIds"] = new[] { mine[0], mine[1], mine[0] }; break;
            case "både controllerId och controllerIds": body["controllerId"] = mine[0]; break;
            case "ingen nämnd": body["controllerIds"] = null; break;
            case "tom lista": body["controllerIds"] = Array.Empty<Guid>(); break;
            case "ombud utan sort": body["representativeName"] = "Olle Ombud"; break;
            default: body["representativeKind"] = "Attorney"; break;
        }

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var response = await anna.PostAsJsonAsync(Base, body);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!, StringComparer.OrdinalIgnoreCase);
        Assert.True(errors.TryGetValue(field, out var message), $"{why}: {problem.GetRawText()}");
        Assert.Matches("[åäöÅÄÖ]|Välj|Ange", message);
        Assert.Equal(0, await CountAsync(name));
        Assert.Equal(0, await app.InParty("krokom", db => db.Requests.CountAsync(r => r.RequesterName == name)));
    }

    [PostgresTheory]
    [InlineData("Guardian", "vårdnadshavare")]
    [InlineData("Trustee", "god man eller förvaltare")]
    [InlineData("Attorney", "ombud med fullmakt")]
    public async Task ARepresentative_IsStoredBesideTheDataSubject_AndReturnedOnGet(string kind, string words)
    {
        var controller = (await ControllersAsync("ostersund", 1))[0];
        var name = Unique("Barn Barnsson");
        var body = Body(name, controllerId: controller);
        body["representativeKind"] = kind;
        body["representativeName"] = "Vera Vårdsson";
        body["representativeCheckedHow"] = "Handling i original visad vid besök; ingen kopia sparad";
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var response = await anna.PostAsJsonAsync(Base, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal(name, one.GetProperty("requesterName").GetString());
        var representative = one.GetProperty("representative");
        Assert.Equal(kind, representative.GetProperty("kind").GetString());
        Assert.Equal("Vera Vårdsson", representative.GetProperty("name").GetString());
        Assert.True(representative.GetProperty("authorityChecked").GetBoolean());
        // Checked by whoever registered it (the registration's actor in the timeline).
        Assert.Equal(one.GetProperty("events")[0].GetProperty("actorName").GetString(), representative.GetProperty("checkedBy").GetString());
        Assert.Equal(JsonValueKind.String, representative.GetProperty("checkedAt").ValueKind);
        Assert.Contains(one.GetProperty("events").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains($"Begäran gjord av {words} Vera Vårdsson", StringComparison.Ordinal));

        // Without a representative the field is null.
        var plain = await (await anna.PostAsJsonAsync(Base, Body(Unique("Själv Själsson"), controllerId: controller))).Content.ReadFromJsonAsync<JsonElement>();
        var self = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{plain.GetProperty("id").GetGuid()}");
        Assert.Equal(JsonValueKind.Null, self.GetProperty("representative").ValueKind);
    }

    [PostgresFact]
    public async Task IdentityWithELegitimation_RecordsMethodLevelAndTimeOnly_AndWithoutNeedsTheRoute()
    {
        var controller = (await ControllersAsync("ostersund", 1))[0];
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        async Task<(Guid Id, Guid Version)> NewAsync()
        {
            var created = await (await anna.PostAsJsonAsync(Base, Body(Unique("Id Idsson"), controllerId: controller))).Content.ReadFromJsonAsync<JsonElement>();
            var id = created.GetProperty("id").GetGuid();
            var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
            return (id, one.GetProperty("version").GetGuid());
        }

        var (id, version) = await NewAsync();
        var bad = await anna.PostAsJsonAsync($"{Base}/{id}/identity", new { check = "BankId", version });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("tillitsnivå", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An unknown number is a Swedish 400, not an error.
        var unknown = await anna.PostAsJsonAsync($"{Base}/{id}/identity", new { check = 99, assuranceLevel = 99, version });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var ok = await anna.PostAsJsonAsync($"{Base}/{id}/identity", new { check = "BankId", assuranceLevel = "Substantial", version });
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        var after = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("BankId", after.GetProperty("identityCheck").GetString());
        Assert.Equal("Substantial", after.GetProperty("identityAssurance").GetString());
        Assert.Equal("BankID, tillitsnivå väsentlig", after.GetProperty("identityMethod").GetString());
        Assert.Equal(JsonValueKind.String, after.GetProperty("identityConfirmedAt").ValueKind);

        var (other, otherVersion) = await NewAsync();
        var noRoute = await anna.PostAsJsonAsync($"{Base}/{other}/identity", new { check = "WithoutEid", version = otherVersion });
        Assert.Equal(HttpStatusCode.BadRequest, noRoute.StatusCode);
        var route = await anna.PostAsJsonAsync($"{Base}/{other}/identity", new { check = "WithoutEid", method = "Pass visat vid besök i kontaktcenter", version = otherVersion });
        Assert.True(route.IsSuccessStatusCode, await route.Content.ReadAsStringAsync());
        var stored = await app.InParty("ostersund", db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == other));
        Assert.Equal(IdentityCheck.WithoutEid, stored.IdentityCheck);
        Assert.Null(stored.IdentityAssurance);
        Assert.Equal("Utan e-legitimation: Pass visat vid besök i kontaktcenter", stored.IdentityMethod);
    }
}
