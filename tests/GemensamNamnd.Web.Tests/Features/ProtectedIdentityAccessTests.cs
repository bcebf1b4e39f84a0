using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.PersonSearch;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// The one skyddad identitet rule (RequestViewer, OpenTo, Policies.OpenRequest): a protected case opens only for the
/// party's DPO and the assigned officer, on the case page, through the API, in person search and in every change command.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProtectedIdentityAccessTests(AppFactory app)
{
    private const string Slug = "ostersund";

    private static string Today => DateOnly.FromDateTime(Swedish.ToLocal(DateTimeOffset.UtcNow).DateTime).ToString("yyyy-MM-dd");

    private async Task<T> AsParty<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(Slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    /// <summary>As <paramref name="user"/> signed in: an HTTP context of their own, as a request would carry.</summary>
    private Task<T> AsUser<T>(string user, Func<IServiceProvider, Task<T>> work) => AsParty(async sp =>
    {
        var demo = AppFactory.Demo(user);
        var accessor = sp.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = sp,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tid", demo.PartyId.ToString()), new Claim("oid", demo.ObjectId.ToString())], "test")),
        };
        try
        {
            return await work(sp);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    });

    private Task<Guid> UserIdAsync(string user) =>
        app.InParty(Slug, db => db.Users.Where(u => u.EntraObjectId == AppFactory.Demo(user).ObjectId).Select(u => u.Id).SingleAsync());

    private async Task<(Guid Id, string Name)> RegisterProtectedAsync()
    {
        var name = $"Skyddad Åtkomstsson {Guid.NewGuid().ToString("N")[..6]}";
        var registered = await AsParty(async sp =>
        {
            var controller = await sp.GetRequiredService<AppDbContext>().DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            return await sp.GetRequiredService<RegisterRequest>().RunAsync(new RegisterRequestInput(
                DateTimeOffset.UtcNow.AddDays(-2), RequestChannel.Letter, controller, DataSubjectRights.Access, name, null, null, null, true, null), default);
        });
        Assert.True(registered.Ok, string.Join(" ", registered.Errors.Select(e => e.Message)));
        return (registered.Value!.Id, name);
    }

    private Task<Guid> VersionAsync(Guid id) => app.InParty(Slug, db => db.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    private Task AssignAsync(Guid id, Guid? officer) => app.InParty(Slug, async db =>
    {
        var request = await db.Requests.SingleAsync(r => r.Id == id);
        request.AssignedOfficerId = officer;
        return await db.SaveChangesAsync();
    });

    /// <summary>Every change endpoint, with a complete body and the current version: only access can refuse it.</summary>
    private static IEnumerable<(string Path, object Body)> ChangeCalls(Guid version) =>
    [
        ("status", new { to = "InProgress", version }),
        ("identity", new { method = "BankID", version }),
        ("extension", new { reason = "Omfattande material.", noticeSentOn = Today, version }),
        ("answer", new { answeredOn = Today, delivery = "Letter", version }),
        ("refusal", new { refusedOn = Today, legalGround = "Art. 12.5 b.", version }),
    ];

    [Fact]
    public async Task AHandlaggareNotAssigned_Gets404_OnThePage_TheApi_EveryChange_AndNoPersonSearchRow()
    {
        var (id, name) = await RegisterProtectedAsync();
        var version = await VersionAsync(id);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Slug}/begaranden/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Slug}/begaranden/{id}/andra")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/api/v1/{Slug}/requests/{id}")).StatusCode);
        foreach (var (path, body) in ChangeCalls(version))
        {
            var response = await anna.PostAsJsonAsync($"/api/v1/{Slug}/requests/{id}/{path}", body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // The commands themselves refuse her too, whoever calls them.
        var annaId = await UserIdAsync("anna");
        var results = await AsUser("anna", async sp => new[]
        {
            await sp.GetRequiredService<MoveRequest>().RunAsync(id, version, RequestStatus.InProgress),
            await sp.GetRequiredService<MoveRequest>().WithdrawAsync(id, version),
            await sp.GetRequiredService<AskIdentity>().RunAsync(id, version),
            await sp.GetRequiredService<ConfirmIdentity>().RunAsync(id, version, "BankID"),
            await sp.GetRequiredService<ExtendRequest>().RunAsync(id, version, "Omfattande material.", DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture)),
            await sp.GetRequiredService<AnswerRequest>().RunAsync(id, version, DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture), AnswerDelivery.Letter),
            await sp.GetRequiredService<RefuseRequest>().RunAsync(id, version, DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture), "Art. 12.5 b."),
            await sp.GetRequiredService<AssignRequest>().RunAsync(id, version, annaId),
            await sp.GetRequiredService<EditRequestDetails>().RunAsync(id, version, new RequestDetails(null, DataSubjectRights.Access, "Annat Namn", null, null, true, null)),
            await sp.GetRequiredService<SaveSystemSearches>().RunAsync(id, version, new Dictionary<Guid, SystemSearchResult?>()),
        });
        Assert.All(results, r => Assert.Equal(CommandStatus.NotFound, r.Status));

        var hits = await AsParty(sp => sp.GetRequiredService<PersonSearch>().RunAsync(
            new PersonQuery(null, name, null, "Registerutdrag (test)"), Slug, new RequestViewer(annaId, false), default));
        Assert.DoesNotContain(hits.Hits!, h => h.CaseId == id);

        var stored = await app.InParty(Slug, db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(RequestStatus.Registered, stored.Status);
        Assert.Equal(version, stored.Version);
        Assert.Null(stored.AssignedOfficerId);
    }

    [Fact]
    public async Task TheDpo_OpensAndChangesTheCase_AndFindsIt()
    {
        var (id, name) = await RegisterProtectedAsync();
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var page = await bo.GetAsync($"/{Slug}/begaranden/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(name, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var read = await bo.GetFromJsonAsync<JsonElement>($"/api/v1/{Slug}/requests/{id}");
        Assert.Equal(name, read.GetProperty("requesterName").GetString());
        var moved = await bo.PostAsJsonAsync($"/api/v1/{Slug}/requests/{id}/status", new { to = "InProgress", version = read.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var boId = await UserIdAsync("bo");
        var hits = await AsParty(sp => sp.GetRequiredService<PersonSearch>().RunAsync(
            new PersonQuery(null, name, null, "Registerutdrag (test)"), Slug, new RequestViewer(boId, true), default));
        Assert.Contains(hits.Hits!, h => h.CaseId == id);

        var version = (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        var assigned = await AsUser("bo", sp => sp.GetRequiredService<AssignRequest>().RunAsync(id, version, boId));
        Assert.True(assigned.Ok, string.Join(" ", assigned.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task TheAssignedOfficer_OpensAndChangesTheCase_AndFindsIt()
    {
        var (id, name) = await RegisterProtectedAsync();
        var annaId = await UserIdAsync("anna");
        await AssignAsync(id, annaId);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/{Slug}/begaranden/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/{Slug}/begaranden/{id}/andra")).StatusCode);
        var read = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/{Slug}/requests/{id}");
        var version = read.GetProperty("version").GetGuid();
        var moved = await anna.PostAsJsonAsync($"/api/v1/{Slug}/requests/{id}/status", new { to = "InProgress", version });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        version = (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();

        var extended = await AsUser("anna", sp => sp.GetRequiredService<ExtendRequest>().RunAsync(
            id, version, "Omfattande material.", DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(extended.Ok, string.Join(" ", extended.Errors.Select(e => e.Message)));

        var hits = await AsParty(sp => sp.GetRequiredService<PersonSearch>().RunAsync(
            new PersonQuery(null, name, null, "Registerutdrag (test)"), Slug, new RequestViewer(annaId, false), default));
        Assert.Contains(hits.Hits!, h => h.CaseId == id);
    }
}
