using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// The one way to ask before an irreversible step (Infrastructure/Confirmation): the first post states the consequence
/// and changes nothing; only the post with <c>confirmed=true</c> acts — closing a breach, "Gallra nu", removing a
/// membership (withdrawing a request: <see cref="RequestWorkbenchTests"/>).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ConfirmationTests(AppFactory app)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [PostgresFact]
    public async Task ClosingABreach_AsksFirst_AndOnlyTheConfirmedPostCloses()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).Select(c => c.Id).FirstAsync());
        var created = await anna.PostAsJsonAsync("/api/v1/ostersund/breaches", new
        {
            title = "Fel mottagare " + Guid.NewGuid().ToString("N")[..6],
            controllerIds = new[] { controller },
            awareAt = DateTimeOffset.UtcNow.AddHours(-5),
            description = "Ett brev gick till fel adress.",
            types = new[] { "Confidentiality" },
            cause = "MisdirectedMail",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var assessed = await anna.PostAsJsonAsync($"/api/v1/ostersund/breaches/{id}/assessment", new
        {
            risk = "NoRisk",
            riskReasoning = "Brevet återsändes oöppnat.",
            reportable = false,
            notReportableReason = "Osannolikt att medföra en risk.",
            subjectNoticeRequired = false,
            subjectNoticeNotRequiredReason = "Ingen risk.",
            version = body.GetProperty("version").GetGuid(),
        });
        Assert.True(assessed.StatusCode == HttpStatusCode.OK, await assessed.Content.ReadAsStringAsync());
        var version = (await assessed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid().ToString();
        var url = $"/ostersund/incidenter/{id}";

        var asked = await PostAsync(anna, url, "Close", new() { ["Version"] = version });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await TextOf(asked);
        Assert.Contains("Ja, avsluta incidenten", html, StringComparison.Ordinal);
        Assert.Contains("Det går inte att ångra.", html, StringComparison.Ordinal);
        Assert.Equal(BreachStatus.Assessed, await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));

        var closed = await PostAsync(anna, url, "Close", new() { ["Version"] = version, ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(BreachStatus.Closed, await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [PostgresFact]
    public async Task GallraNu_StatesHowManyCasesGo_AndRunsOnlyWhenConfirmed()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var logBefore = await app.InParty("ostersund", db => db.RetentionLog.CountAsync());

        var asked = await PostAsync(cecilia, "/ostersund/gallring", "Run", []);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await TextOf(asked);
        Assert.Contains("Gallra nu?", html, StringComparison.Ordinal);
        Assert.Matches("(gallras \\(\\d+ rensas på personuppgifter, \\d+ raderas helt\\)\\. Det går inte att ångra\\.|Inget ärende har förfallit till gallring i dag)", html);
        Assert.Contains("name=\"confirmed\" value=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(logBefore, await app.InParty("ostersund", db => db.RetentionLog.CountAsync()));

        var run = await PostAsync(cecilia, "/ostersund/gallring", "Run", new() { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        Assert.Contains("Gallringen är klar", WebUtility.HtmlDecode(await cecilia.GetStringAsync("/ostersund/gallring")), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task RemovingAMembership_AsksFirst_AndOnlyTheConfirmedPostRemovesIt()
    {
        var user = new AppUser { DisplayName = "Tillfällig Medlemsson", EntraTenantId = Guid.NewGuid(), EntraObjectId = Guid.NewGuid(), Email = "tillfallig@example.se" };
        var membershipId = await app.InParty("krokom", async db =>
        {
            var party = await db.Parties.SingleAsync(p => p.Slug == "krokom");
            db.Users.Add(user);
            var membership = new Membership { UserId = user.Id, PartyId = party.Id, Role = PartyRole.Handlaggare };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
            return membership.Id;
        });
        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var url = $"/admin/anvandare/{user.Id}";

        var asked = await PostAsync(admin, url, "RemoveMembership", new() { ["membershipId"] = membershipId.ToString() });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await TextOf(asked);
        Assert.Contains("Ta bort Tillfällig Medlemsson som handläggare i Krokoms kommun?", html, StringComparison.Ordinal);
        Assert.Contains("Ja, ta bort rollen", html, StringComparison.Ordinal);
        Assert.True(await app.InParty("krokom", db => db.Memberships.AnyAsync(m => m.Id == membershipId)));

        var removed = await PostAsync(admin, url, "RemoveMembership", new() { ["membershipId"] = membershipId.ToString(), ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.InParty("krokom", db => db.Memberships.AnyAsync(m => m.Id == membershipId)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
