using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>The request register's pages: list order and words, skyddad identitet, masking, the read log, isolation.</summary>
[Collection(AppCollection.Name)]
public sealed partial class RequestPagesTests(AppFactory app)
{
    private static DateOnly Today => DateOnly.FromDateTime(Swedish.ToLocal(DateTimeOffset.UtcNow).DateTime);

    /// <summary>Registers through the real service, as the party, the way a form or the API would.</summary>
    private async Task<RegisteredRequest> RegisterAsync(
        string slug, DateTimeOffset receivedAt, string name, string? personalNumber = null, bool protectedIdentity = false,
        DataSubjectRights rights = DataSubjectRights.Access)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controllerId = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(receivedAt, RequestChannel.Letter, controllerId, rights, name, personalNumber,
                "registrerad@example.se", protectedIdentity ? null : "Storgatan 1, 831 30 Östersund", protectedIdentity, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.True(registered.Ok, string.Join("; ", registered.Errors.Select(e => e.Message)));
            return registered.Value!;
        });
    }

    private static DateTimeOffset DaysAgo(int days) => DateTimeOffset.UtcNow.AddDays(-days);

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The table row that holds <paramref name="caseNumber"/>.</summary>
    private static string RowOf(string html, string caseNumber)
    {
        var at = html.IndexOf(caseNumber, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{caseNumber} is not listed");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }

    [PostgresFact]
    public async Task List_IsSortedByDueDate_AndSaysHowManyDaysAreLeft_InWords()
    {
        // Received long ago (overdue, so first in the list) and out of order.
        var middle = await RegisterAsync("ostersund", new DateTimeOffset(2019, 2, 11, 9, 0, 0, TimeSpan.FromHours(1)), Unique("Mitten"));
        var first = await RegisterAsync("ostersund", new DateTimeOffset(2019, 1, 10, 9, 0, 0, TimeSpan.FromHours(1)), Unique("Först"));
        var last = await RegisterAsync("ostersund", new DateTimeOffset(2019, 3, 12, 9, 0, 0, TimeSpan.FromHours(1)), Unique("Sist"));
        var fresh = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddMinutes(-1), Unique("Färsk"));

        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var response = await client.GetAsync("/ostersund/begaranden");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);

        var positions = new[] { first, middle, last }.Select(r => html.IndexOf(r.CaseNumber, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.True(positions[^1] < html.IndexOf(fresh.CaseNumber, StringComparison.Ordinal), "a later deadline is listed later");

        var overdueDays = Today.DayNumber - first.DueOn.DayNumber;
        // Overdue: the words in the danger tag, never the colour alone.
        Assert.Contains($"<span class=\"ds-tag status-tag\" data-color=\"danger\" data-urgency=\"Overdue\">{overdueDays} dagar försenad</span>", RowOf(html, first.CaseNumber), StringComparison.Ordinal);
        Assert.Contains($"{fresh.DueOn.DayNumber - Today.DayNumber} dagar kvar", RowOf(html, fresh.CaseNumber), StringComparison.Ordinal);
        Assert.DoesNotContain("försenad", RowOf(html, fresh.CaseNumber), StringComparison.Ordinal);
        Assert.Contains($"href=\"/ostersund/begaranden/{first.Id}\"", html, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task List_Filters_OnOverdue_DueWithinAWeek_Right_AndStatus()
    {
        var overdue = await RegisterAsync("ostersund", new DateTimeOffset(2019, 5, 6, 9, 0, 0, TimeSpan.FromHours(2)), Unique("Sen"), rights: DataSubjectRights.Erasure);
        var dueSoon = await RegisterAsync("ostersund", DaysAgo(27), Unique("Snart"), rights: DataSubjectRights.Access | DataSubjectRights.Objection);
        var fresh = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddMinutes(-1), Unique("Ny"));
        using var client = app.ClientFor(AppFactory.Demo("anna"));

        var late = await PageAsync(client, "/ostersund/begaranden?frist=forsenade");
        Assert.Contains(overdue.CaseNumber, late, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.CaseNumber, late, StringComparison.Ordinal);
        Assert.DoesNotContain(dueSoon.CaseNumber, late, StringComparison.Ordinal);

        // 27 days ago: a month later is 1–4 days ahead (or moved by a weekend or holiday, at most a few days more).
        var soon = await PageAsync(client, "/ostersund/begaranden?frist=7dagar");
        if (dueSoon.DueOn.DayNumber - Today.DayNumber <= 7)
        {
            Assert.Contains(dueSoon.CaseNumber, soon, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(overdue.CaseNumber, soon, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.CaseNumber, soon, StringComparison.Ordinal);

        var objections = await PageAsync(client, "/ostersund/begaranden?rattighet=Objection");
        Assert.Contains(dueSoon.CaseNumber, objections, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.CaseNumber, objections, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Objection\" selected=\"selected\">", objections, StringComparison.Ordinal);

        var answered = await PageAsync(client, "/ostersund/begaranden?status=Answered");
        Assert.DoesNotContain(fresh.CaseNumber, answered, StringComparison.Ordinal);

        // Nobody is assigned yet: "mine" is empty for Anna.
        var mine = await PageAsync(client, "/ostersund/begaranden?mina=true&status=alla");
        Assert.DoesNotContain(fresh.CaseNumber, mine, StringComparison.Ordinal);

        // Nonsense filters are ignored, not errors.
        var nonsense = await client.GetAsync("/ostersund/begaranden?status=Bogus&rattighet=99&frist=x&sida=-4");
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
    }

    [PostgresFact]
    public async Task Export_ByGet_IsTheFilteredRegister_InTypedCells_AndEveryCaseIsLoggedAsRead()
    {
        var overdue = await RegisterAsync("ostersund", new DateTimeOffset(2019, 5, 6, 9, 0, 0, TimeSpan.FromHours(2)), Unique("=Export Sen"));
        var fresh = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddMinutes(-1), Unique("Export Ny"));
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Contains("/ostersund/begaranden/export?frist=forsenade&format=xlsx", await PageAsync(anna, "/ostersund/begaranden?frist=forsenade"), StringComparison.Ordinal);

        var xlsx = await anna.GetAsync("/ostersund/begaranden/export?format=xlsx&frist=forsenade");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(Spreadsheet.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        using (var typed = XlsxFile.Open(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            Assert.True(XlsxFile.IsText(typed.At(overdue.CaseNumber, "Diarienummer")));
            Assert.Equal(overdue.DueOn, DateOnly.FromDateTime(typed.Date(typed.At(overdue.CaseNumber, "Sista dag"))));
            Assert.Equal(new DateTime(2019, 5, 6, 9, 0, 0), typed.Date(typed.At(overdue.CaseNumber, "Mottagen")));
            Assert.Equal(overdue.DueOn.DayNumber - Today.DayNumber, typed.Number(typed.At(overdue.CaseNumber, "Dagar kvar")));
            Assert.Equal("Nej", typed.At(overdue.CaseNumber, "Förlängd").InnerText);
            Assert.DoesNotContain(typed.Rows(), r => r[0].InnerText == fresh.CaseNumber);
        }

        var reads = await app.InParty("ostersund", db => db.PersonalDataReads.CountAsync(r => r.EntityId == overdue.Id.ToString() && r.Purpose == ExportModel.ReadPurpose));
        Assert.Equal(1, reads);

        var csv = System.Text.Encoding.UTF8.GetString(await anna.GetByteArrayAsync("/ostersund/begaranden/export?format=csv&frist=forsenade"));
        Assert.StartsWith("\uFEFFDiarienummer;Mottagen;", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{overdue.CaseNumber}\";2019-05-06 09:00;\"brev\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=Export Sen", csv, StringComparison.Ordinal); // a name starting with = is defused and quoted

        var unknown = await anna.GetAsync("/ostersund/begaranden/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Okänt format", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Exportera begäranden", await PageAsync(anna, "/ostersund/begaranden/export?frist=forsenade"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ProtectedIdentity_OnlyTheDpoAndTheAssignedOfficer_OpenTheCase_AndTheListNeverShowsTheName()
    {
        var name = Unique("Hemlig Person");
        var registered = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddMinutes(-2), name, protectedIdentity: true);
        var url = $"/ostersund/begaranden/{registered.Id}";

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));

        var refused = await anna.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(name, await TextOf(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cecilia.GetAsync(url)).StatusCode);

        foreach (var client in new[] { anna, bo })
        {
            var list = await PageAsync(client, "/ostersund/begaranden");
            var row = RowOf(list, registered.CaseNumber);
            Assert.Contains("Skyddad identitet", row, StringComparison.Ordinal);
            Assert.DoesNotContain(name, list, StringComparison.Ordinal);
        }

        // Anna gets no link to a case she cannot open; the DPO does.
        Assert.DoesNotContain($"href=\"{url}\"", await PageAsync(anna, "/ostersund/begaranden"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", await PageAsync(bo, "/ostersund/begaranden"), StringComparison.Ordinal);

        var forDpo = await bo.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, forDpo.StatusCode);
        var html = await TextOf(forDpo);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Sparas inte (skyddad identitet)", html, StringComparison.Ordinal);

        // Assigned to Anna: now she may open it.
        await app.InParty("ostersund", async db =>
        {
            var annaId = await db.Users.Where(u => u.EntraObjectId == AppFactory.Demo("anna").ObjectId).Select(u => u.Id).SingleAsync();
            var request = await db.Requests.SingleAsync(r => r.Id == registered.Id);
            request.AssignedOfficerId = annaId;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync(url)).StatusCode);
        Assert.Contains(registered.CaseNumber, await PageAsync(anna, "/ostersund/begaranden?mina=true"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task CasePage_MasksThePersonalNumber_ExplainsTheDeadline_AndLogsTheRead()
    {
        var received = new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(1));
        var registered = await RegisterAsync("ostersund", received, Unique("Maskerad Person"), personalNumber: "198503152384");
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var readsBefore = await ReadsOfAsync(registered.Id);

        var response = await client.GetAsync($"/ostersund/begaranden/{registered.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextOf(response);

        Assert.Contains("19850315-****", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-2384", html, StringComparison.Ordinal);
        Assert.DoesNotContain("198503152384", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>Begäran {registered.CaseNumber}</h1>", html, StringComparison.Ordinal);

        // 5 March 2026 + one month = 5 April, Easter Sunday; Easter Monday; so Tuesday 7 April (Reg. 1182/71 Art. 3(4)).
        Assert.Contains("Sista dag: <time datetime=\"2026-04-07\">7 april 2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("mottagen 5 mars 2026", html, StringComparison.Ordinal);
        Assert.Contains("Tidsfristen räknas från mottagandet (strikt tolkning, art. 12.3)", html, StringComparison.Ordinal);
        Assert.Contains("Registrerad via brev.", html, StringComparison.Ordinal);
        Assert.Contains("Registerutdrag (art. 15)", html, StringComparison.Ordinal);
        Assert.Contains("Kom in via", html, StringComparison.Ordinal);

        Assert.Equal(readsBefore + 1, await ReadsOfAsync(registered.Id));
        await client.GetAsync($"/ostersund/begaranden/{registered.Id}");
        Assert.Equal(readsBefore + 2, await ReadsOfAsync(registered.Id));
    }

    [PostgresFact]
    public async Task CasePage_WithoutPersonalNumber_SaysSo()
    {
        var registered = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddMinutes(-1), Unique("Utan Nummer"));
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        var html = await PageAsync(client, $"/ostersund/begaranden/{registered.Id}");
        Assert.Matches(PersonalNumberNotGiven(), html);
    }

    [PostgresFact]
    public async Task AnotherPartysCase_Is404_EvenForAUserOfBothParties()
    {
        var krokom = await RegisterAsync("krokom", DateTimeOffset.UtcNow.AddMinutes(-1), Unique("Krokombo"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/krokom/begaranden/{krokom.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/ostersund/begaranden/{krokom.Id}")).StatusCode);
        Assert.DoesNotContain(krokom.Id.ToString(), await PageAsync(bo, "/ostersund/begaranden?status=alla"), StringComparison.Ordinal);
        Assert.Contains(krokom.Id.ToString(), await PageAsync(bo, "/krokom/begaranden"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task NewForm_IsForOfficers_WithTheControllersAndNowFilledIn()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var html = await PageAsync(anna, "/ostersund/begaranden/ny");
        Assert.Contains("Kommunstyrelsen", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Today:yyyy-MM-dd}\"", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"PersonalNumber\" name=\"PersonalNumber\"[^>]* autocomplete=\"off\"", html);

        // The administrator oversees; registering is for the officers and the DPO.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.GetAsync("/ostersund/begaranden/ny")).StatusCode);
        Assert.DoesNotContain("Registrera begäran", await PageAsync(cecilia, "/ostersund/begaranden"), StringComparison.Ordinal);
    }

    /// <summary>The page's HTML with character references decoded (Razor writes å, ä, ö as &amp;#xE5; and so on).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}");
        return await TextOf(response);
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<int> ReadsOfAsync(Guid id) =>
        app.InParty("ostersund", db => db.PersonalDataReads.CountAsync(r => r.EntityType == "DataSubjectRequest" && r.EntityId == id.ToString() && r.Purpose == "Visade ärendet"));

    [GeneratedRegex(@"<dt>Personnummer</dt>\s*<dd>ej angivet</dd>")]
    private static partial Regex PersonalNumberNotGiven();
}
