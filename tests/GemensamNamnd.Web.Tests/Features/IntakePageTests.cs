using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// The intake on the pages (issue 19): the case page's block and "Begäran och ombud" show every controller's case with
/// its status; "Överlämna till annan nämnd" adds or moves a controller without moving the time of receipt; skyddad
/// identitet records the hand-over and gets no mail carrying anything about the person.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class IntakePageTests(AppFactory app)
{
    private const string Api = "/api/v1/ostersund/requests";

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private Task<List<(Guid Id, string Name)>> ControllersAsync() =>
        app.InParty("ostersund", async db => (await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
            .Select(c => (c.Id, c.Name)).ToList());

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string name, IEnumerable<Guid> controllers, bool protectedIdentity = false)
    {
        var response = await client.PostAsJsonAsync(Api, new
        {
            receivedAt = DateTimeOffset.UtcNow.AddDays(-2),
            channel = "Letter",
            controllerIds = controllers,
            rights = new[] { "Access" },
            requesterName = name,
            email = "skyddad@example.se",
            protectedIdentity,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private Task<string> VersionAsync(Guid id) => app.InParty("ostersund", async db => (await db.Requests.SingleAsync(r => r.Id == id)).Version.ToString());

    [PostgresFact]
    public async Task TheCasePage_AndTheIntakePage_ShowEveryControllersCase_WithStatus()
    {
        var controllers = await ControllersAsync();
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var registered = await RegisterAsync(anna, Unique("Tre Sidor"), controllers.Take(3).Select(c => c.Id));
        var cases = registered.GetProperty("cases").EnumerateArray().Select(c => (Id: c.GetProperty("id").GetGuid(), Number: c.GetProperty("caseNumber").GetString()!)).ToList();

        var casePage = WebUtility.HtmlDecode(await anna.GetStringAsync($"/ostersund/begaranden/{cases[0].Id}"));
        Assert.Contains("Samma begäran gäller 3 personuppgiftsansvariga", casePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ostersund/begaranden/{cases[1].Id}\"", casePage, StringComparison.Ordinal);
        Assert.Contains(cases[2].Number, casePage, StringComparison.Ordinal);
        Assert.Contains($"/ostersund/begaranden/{cases[0].Id}/inkomst", casePage, StringComparison.Ordinal);

        var intake = WebUtility.HtmlDecode(await anna.GetStringAsync($"/ostersund/begaranden/{cases[1].Id}/inkomst"));
        Assert.Contains("3 ärenden i begäran", intake, StringComparison.Ordinal);
        Assert.Contains("0 ärenden av 3 avslutade", intake, StringComparison.Ordinal);
        foreach (var (id, name) in controllers.Take(3))
        {
            Assert.Contains(name, intake, StringComparison.Ordinal);
        }

        Assert.Contains("Registrerad", intake, StringComparison.Ordinal);

        // Through another party (Bo is Krokom's DPO too): 404, as for any case of another party.
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/krokom/begaranden/{cases[0].Id}/inkomst")).StatusCode);
    }

    [PostgresFact]
    public async Task Forwarding_AddsACaseForTheOtherControllerWithTheSameReceipt_OrMovesTheCase_AndTheTimelineSaysWhen()
    {
        var controllers = await ControllersAsync();
        Assert.True(controllers.Count >= 3);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var name = Unique("Överlämnad");
        var registered = await RegisterAsync(anna, name, [controllers[0].Id]);
        var id = registered.GetProperty("id").GetGuid();
        var url = $"/ostersund/begaranden/{id}/inkomst";

        // Add: a case for controllers[1] in the same intake, same time of receipt and deadline.
        var added = await PostAsync(anna, url, "Forward", new() { ["Version"] = await VersionAsync(id), ["ForwardTo"] = controllers[1].Id.ToString(), ["ForwardMode"] = "add" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var all = await app.InParty("ostersund", db => db.Requests.AsNoTracking().Where(r => r.RequesterName == name).OrderBy(r => r.CaseNumber).ToListAsync());
        Assert.Equal(2, all.Count);
        Assert.Single(all.Select(r => r.IntakeId).Distinct());
        Assert.Single(all.Select(r => r.ReceivedAt).Distinct());
        Assert.Single(all.Select(r => r.DueOn).Distinct());
        Assert.Equal(new[] { controllers[0].Id, controllers[1].Id }.Order(), all.Select(r => r.ControllerId).Order());
        var newCase = all.Single(r => r.Id != id);
        var texts = await app.InParty("ostersund", db => db.RequestEvents.Where(e => e.RequestId == id || e.RequestId == newCase.Id).Select(e => e.Text).ToListAsync());
        Assert.Contains(texts, t => t.StartsWith($"Överlämnat även till {controllers[1].Name}", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith($"Överlämnat från {controllers[0].Name}", StringComparison.Ordinal) && t.Contains("gemensam inkomsttidpunkt", StringComparison.Ordinal));

        // The same controller again is refused, nothing stored.
        var again = await PostAsync(anna, url, "Forward", new() { ["Version"] = await VersionAsync(id), ["ForwardTo"] = controllers[1].Id.ToString(), ["ForwardMode"] = "add" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("har redan ett ärende för den här begäran", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await app.InParty("ostersund", db => db.Requests.CountAsync(r => r.RequesterName == name)));

        // Move: the first case goes to controllers[2]; its receipt and deadline stay.
        var before = all.Single(r => r.Id == id);
        var moved = await PostAsync(anna, url, "Forward", new() { ["Version"] = await VersionAsync(id), ["ForwardTo"] = controllers[2].Id.ToString(), ["ForwardMode"] = "move" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await app.InParty("ostersund", db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(controllers[2].Id, after.ControllerId);
        Assert.Equal(before.ReceivedAt, after.ReceivedAt);
        Assert.Equal(before.EffectiveDueOn, after.EffectiveDueOn);
        Assert.Contains(await app.InParty("ostersund", db => db.RequestEvents.Where(e => e.RequestId == id).Select(e => e.Text).ToListAsync()),
            t => t.StartsWith($"Överlämnat från {controllers[0].Name} till {controllers[2].Name}", StringComparison.Ordinal));

        // Another party's controller: the form refuses, nothing moves.
        var other = await app.InParty("krokom", db => db.DataControllers.Select(c => c.Id).FirstAsync());
        var foreign = await PostAsync(anna, url, "Forward", new() { ["Version"] = await VersionAsync(id), ["ForwardTo"] = other.ToString(), ["ForwardMode"] = "move" });
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Equal(controllers[2].Id, (await app.InParty("ostersund", db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id))).ControllerId);
    }

    [PostgresFact]
    public async Task SkyddadIdentitet_TheHandOverIsRecorded_AndTheAssignmentMailCarriesNothingAboutThePerson()
    {
        var controllers = await ControllersAsync();
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var name = Unique("Skyddad Person");
        var registered = await RegisterAsync(bo, name, [controllers[0].Id], protectedIdentity: true);
        var id = registered.GetProperty("id").GetGuid();
        var caseNumber = registered.GetProperty("caseNumber").GetString()!;
        var url = $"/ostersund/begaranden/{id}/inkomst";

        var missing = await PostAsync(bo, url, "HandOver", new() { ["Version"] = await VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Välj hur svaret lämnades över", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var recorded = await PostAsync(bo, url, "HandOver", new() { ["Version"] = await VersionAsync(id), ["HandOver"] = "ViaSkatteverket" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var stored = await app.InParty("ostersund", db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ProtectedHandOver.ViaSkatteverket, stored.HandOver);
        Assert.Equal(await app.InParty("ostersund", db => db.RequestEvents.Where(e => e.RequestId == id).OrderBy(e => e.At).Select(e => e.ActorName).FirstAsync()), stored.HandOverBy);
        Assert.Null(stored.PostalAddress);

        // Assigning Anna sends her a mail: the case number, deadline and link — nothing about the person.
        var anna = await app.InParty("ostersund", db => db.Users.Where(u => u.DisplayName == "Anna Andersson").Select(u => u.Id).SingleAsync());
        var assigned = await PostAsync(bo, $"/ostersund/begaranden/{id}", "Assign", new() { ["Version"] = await VersionAsync(id), ["OfficerId"] = anna.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var mails = await app.InParty("ostersund", db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(caseNumber) || m.TextBody.Contains(caseNumber)).ToListAsync());
        Assert.NotEmpty(mails);
        Assert.All(mails, m =>
        {
            foreach (var part in new[] { m.Subject, m.TextBody, m.HtmlBody })
            {
                Assert.DoesNotContain("Skyddad Person", part, StringComparison.Ordinal);
                Assert.DoesNotContain("skyddad@example.se", part, StringComparison.Ordinal);
            }
        });
        Assert.DoesNotContain(await app.InParty("ostersund", db => db.OutboxMessages.AsNoTracking().Select(m => m.To).ToListAsync()), to => to == "skyddad@example.se");

        // A case without skyddad identitet has no hand-over to record.
        var plain = (await RegisterAsync(bo, Unique("Vanlig Person"), [controllers[0].Id])).GetProperty("id").GetGuid();
        var refused = await PostAsync(bo, $"/ostersund/begaranden/{plain}/inkomst", "HandOver", new() { ["Version"] = await VersionAsync(plain), ["HandOver"] = "InPerson" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null((await app.InParty("ostersund", db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == plain))).HandOver);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
