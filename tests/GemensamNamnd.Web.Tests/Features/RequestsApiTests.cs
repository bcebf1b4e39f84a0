using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class RequestsApiTests(AppFactory app)
{
    private const string Base = "/api/v1/ostersund/requests";

    private static string Today => DateOnly.FromDateTime(GemensamNamnd.Web.Infrastructure.Swedish.ToLocal(DateTimeOffset.UtcNow).DateTime).ToString("yyyy-MM-dd");

    private Task<Guid> ControllerIdAsync(string slug) =>
        app.InParty(slug, db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());

    private async Task<Dictionary<string, object?>> BodyAsync(string slug = "ostersund") => new()
    {
        ["receivedAt"] = DateTimeOffset.UtcNow.AddHours(-1),
        ["channel"] = "Email",
        ["controllerId"] = await ControllerIdAsync(slug),
        ["rights"] = new[] { "Access", "Erasure" },
        ["requesterName"] = "Alex Apisson",
        ["personalNumber"] = "19811218-9876",
        ["email"] = "alex@example.se",
        ["postalAddress"] = "Prästgatan 1, 831 30 Östersund",
        ["protectedIdentity"] = false,
        ["notes"] = null,
    };

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string url, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> FindInListAsync(HttpClient client, Guid id, string? status = null)
    {
        for (var page = 1; page <= 50; page++)
        {
            var rows = await client.GetFromJsonAsync<List<JsonElement>>($"{Base}?page={page}{(status is null ? string.Empty : "&status=" + status)}");
            if (rows is null || rows.Count == 0)
            {
                break;
            }

            var hit = rows.Where(r => r.GetProperty("id").GetGuid() == id).ToList();
            if (hit.Count > 0)
            {
                return hit;
            }
        }

        return [];
    }

    [PostgresFact]
    public async Task Post_Registers_201_WithCaseNumberDeadlineAndExplanation_ThenListAndGet()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var created = await CreatedAsync(anna, Base, await BodyAsync());
        Assert.Matches(@"^KS \d{4}/\d{4}$", created.GetProperty("caseNumber").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.True(DateOnly.Parse(created.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.StartsWith("mottagen ", created.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, created.GetProperty("warnings").ValueKind);

        // The list: no personnummer at all, the rights by name, the effective deadline and days left.
        var row = Assert.Single(await FindInListAsync(anna, id, "Registered"));
        Assert.Equal(new[] { "Access", "Erasure" }, row.GetProperty("rights").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("Registered", row.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("dueOn").GetString(), row.GetProperty("dueOn").GetString());
        Assert.True(row.GetProperty("daysLeft").GetInt32() >= 27);
        Assert.Equal("Alex Apisson", row.GetProperty("requesterName").GetString());
        Assert.DoesNotContain("9876", row.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("personalNumber", row.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // One case: masked personnummer, the timeline, and the read is logged.
        var readsBefore = await app.InParty("ostersund", db => db.PersonalDataReads.CountAsync(x => x.EntityId == id.ToString()));
        var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("19811218-****", one.GetProperty("personalNumberMasked").GetString());
        Assert.DoesNotContain("9876", one.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Registrerad via e-post", one.GetProperty("events")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var reads = await app.InParty("ostersund", db => db.PersonalDataReads.Where(x => x.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(readsBefore + 1, reads.Count);
        Assert.Contains(reads, x => x.Purpose == "Läste ärendet via API" && x.EntityType == "DataSubjectRequest");
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "ogiltigt personnummer", "PersonalNumber" },
        { "mottagen i framtiden", "ReceivedAt" },
        { "okänd rättighet", "Rights" },
        { "inga rättigheter", "Rights" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadInput_Is400ProblemDetailsInSwedish_AndStoresNothing(string why, string field)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var body = await BodyAsync();
        switch (why)
        {
            case "ogiltigt personnummer": body["personalNumber"] = "19811218-9875"; break;
            case "mottagen i framtiden": body["receivedAt"] = DateTimeOffset.UtcNow.AddDays(2); break;
            case "okänd rättighet": body["rights"] = new[] { "Access", "Flygförmåga" }; break;
            default: body["rights"] = Array.Empty<string>(); break;
        }

        var before = await app.InParty("ostersund", db => db.Requests.CountAsync());
        var response = await anna.PostAsJsonAsync(Base, body);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!, StringComparer.OrdinalIgnoreCase);
        Assert.True(errors.ContainsKey(field), $"{why}: {problem.GetRawText()}");
        Assert.Matches("[åäöÅÄÖ]|inte|Ange", errors[field]);
        if (why == "okänd rättighet")
        {
            Assert.Contains("Flygförmåga", errors[field], StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.InParty("ostersund", db => db.Requests.CountAsync()));
    }

    [PostgresFact]
    public async Task ProtectedIdentity_IsNamelessInTheList_AndOpenOnlyToTheDpo()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var body = await BodyAsync();
        body["protectedIdentity"] = true;
        body["postalAddress"] = null;
        body["requesterName"] = "Skyddad Person";
        var id = (await CreatedAsync(anna, Base, body)).GetProperty("id").GetGuid();

        var row = Assert.Single(await FindInListAsync(anna, id));
        Assert.True(row.GetProperty("protectedIdentity").GetBoolean());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("requesterName").ValueKind);
        Assert.DoesNotContain("Skyddad Person", row.GetRawText(), StringComparison.Ordinal);

        // The handläggare is not assigned: to her the case does not exist, to read or to change.
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"{Base}/{id}")).StatusCode);
        var move = await anna.PostAsJsonAsync($"{Base}/{id}/status", new { to = "InProgress", version = Guid.Empty });
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(0, await app.InParty("ostersund", db => db.PersonalDataReads.CountAsync(x => x.EntityId == id.ToString())));

        var dpo = await bo.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("Skyddad Person", dpo.GetProperty("requesterName").GetString());
        Assert.Equal(JsonValueKind.Null, dpo.GetProperty("postalAddress").ValueKind);
    }

    [PostgresFact]
    public async Task AnotherPartysRequest_Is404_AndAnotherPartysRoutes_Are403()
    {
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var krokom = await CreatedAsync(bo, "/api/v1/krokom/requests", await BodyAsync("krokom"));
        var id = krokom.GetProperty("id").GetGuid();

        // Bo is DPO in both: Krokom's case is not found under Östersund.
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/api/v1/krokom/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"{Base}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"{Base}/{id}")).StatusCode);
        var foreignMove = await anna.PostAsJsonAsync($"{Base}/{id}/status", new { to = "Withdrawn", version = Guid.Empty });
        Assert.Equal(HttpStatusCode.NotFound, foreignMove.StatusCode);

        // Anna is handläggare in Östersund only.
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/api/v1/krokom/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync($"/api/v1/krokom/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync("/api/v1/krokom/requests", await BodyAsync("krokom"))).StatusCode);

        // The administrator reads but does not handle requests.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.OK, (await cecilia.GetAsync(Base)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.PostAsJsonAsync(Base, await BodyAsync())).StatusCode);
        Assert.Equal(RequestStatusOf("Registered"), await StatusAsync("krokom", id));
    }

    [PostgresFact]
    public async Task Changes_FollowTheRules_AndAStaleVersionIs409()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var id = (await CreatedAsync(anna, Base, await BodyAsync())).GetProperty("id").GetGuid();
        var read = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        var version = read.GetProperty("version").GetGuid();

        // A rule error: answered goes through /answer, extended only from handling.
        var wrong = await anna.PostAsJsonAsync($"{Base}/{id}/status", new { to = "Extended", version });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Från Registrerad kan ärendet gå till", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var missing = await anna.PostAsJsonAsync($"{Base}/{id}/status", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        var started = await anna.PostAsJsonAsync($"{Base}/{id}/status", new { to = "InProgress", version });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var next = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        Assert.NotEqual(version, next);

        // The same stale version again: someone else changed the case meanwhile.
        var stale = await anna.PostAsJsonAsync($"{Base}/{id}/status", new { to = "Withdrawn", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ändrats av någon annan", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RequestStatusOf("InProgress"), await StatusAsync("ostersund", id));

        var noReason = await anna.PostAsJsonAsync($"{Base}/{id}/extension", new { reason = "", noticeSentOn = Today, version = next });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Ange skälet till förlängningen", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var extended = await anna.PostAsJsonAsync($"{Base}/{id}/extension", new { reason = "Många system att söka i.", noticeSentOn = Today, version = next });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var afterExtension = await extended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Extended", afterExtension.GetProperty("status").GetString());

        var answered = await anna.PostAsJsonAsync($"{Base}/{id}/answer", new { answeredOn = Today, delivery = "DigitalMailbox", version = afterExtension.GetProperty("version").GetGuid(), reason = "Ingen handläggare behövs." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var final = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("Answered", final.GetProperty("status").GetString());
        Assert.Equal("DigitalMailbox", final.GetProperty("delivery").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("daysLeft").ValueKind);
        Assert.Empty(final.GetProperty("nextStatuses").EnumerateArray());
        Assert.Equal(4, final.GetProperty("events").GetArrayLength());
    }

    [PostgresTheory]
    [InlineData("?status=Bogus")]
    [InlineData("?page=0")]
    [InlineData("?page=x")]
    public async Task List_BadQuery_Is400ProblemDetails(string query)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var response = await anna.GetAsync(Base + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [PostgresFact]
    public async Task OpenApi_DescribesTheRequestsApi()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/{party}/requests\"", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/{party}/requests/{id}/extension", doc, StringComparison.Ordinal);
        Assert.Contains("\"RegisterRequest\"", doc, StringComparison.Ordinal);
        Assert.Contains("Begäranden", doc, StringComparison.Ordinal);
    }

    private static GemensamNamnd.Domain.Requests.RequestStatus RequestStatusOf(string name) => Enum.Parse<GemensamNamnd.Domain.Requests.RequestStatus>(name);

    private Task<GemensamNamnd.Domain.Requests.RequestStatus> StatusAsync(string slug, Guid id) =>
        app.InParty(slug, db => db.Requests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
