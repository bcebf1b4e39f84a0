using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Retention;

/// <summary>
/// The retention page, the person search and the record of processing: who reaches them, bad input refused in Swedish
/// with nothing changed, holds, the search's log of who and why, the export.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RetentionPagesTests(AppFactory app)
{
    private const string Party = "ostersund";

    [PostgresTheory]
    [InlineData("anna", "/ostersund/gallring", HttpStatusCode.Forbidden)] // a case officer
    [InlineData("anna", "/ostersund/personsok", HttpStatusCode.Forbidden)]
    [InlineData("anna", "/ostersund/behandlingar", HttpStatusCode.OK)] // every member reads the record
    [InlineData("bo", "/ostersund/gallring", HttpStatusCode.OK)] // the DPO
    [InlineData("bo", "/ostersund/personsok", HttpStatusCode.OK)]
    [InlineData("cecilia", "/ostersund/gallring", HttpStatusCode.OK)] // the administrator
    [InlineData("cecilia", "/ostersund/personsok", HttpStatusCode.OK)]
    [InlineData("david", "/ostersund/gallring", HttpStatusCode.Forbidden)] // another party's administrator
    [InlineData("david", "/ostersund/personsok", HttpStatusCode.Forbidden)]
    [InlineData("david", "/ostersund/behandlingar", HttpStatusCode.Forbidden)]
    public async Task OnlyThePartysDpoAndAdministrators_ReachSearchAndRetention(string user, string url, HttpStatusCode expected)
    {
        using var client = app.ClientFor(AppFactory.Demo(user));
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }

    [PostgresFact]
    public async Task Plan_BelowTheMinimum_IsRefusedInSwedish_AndAValidPlanIsSetFieldByField()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var before = await SettingsAsync();
        var bad = await PostFormAsync(cecilia, "/ostersund/gallring", "Plan", new()
        {
            ["RequestMonths"] = "6",
            ["RequestAction"] = "Thin",
            ["BreachMonths"] = "",
            ["BreachAction"] = "Delete",
        });
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Gallringsfristen får inte vara kortare än 12 månader efter avslut.", html, StringComparison.Ordinal);
        Assert.Contains("Ange gallringsfristen i hela månader.", html, StringComparison.Ordinal);
        Assert.Equal(before.RequestRetentionMonths, (await SettingsAsync()).RequestRetentionMonths);

        // The DPO sees the plan but may not change it.
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var forbidden = await PostFormAsync(bo, "/ostersund/gallring", "Run", []);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        try
        {
            var ok = await PostFormAsync(cecilia, "/ostersund/gallring", "Plan", new()
            {
                ["RequestMonths"] = "36",
                ["RequestAction"] = "Delete",
                ["BreachMonths"] = "72",
                ["BreachAction"] = "Thin",
            });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            var after = await SettingsAsync();
            Assert.Equal((36, RetentionAction.Delete, 72, RetentionAction.Thin), (after.RequestRetentionMonths, after.RequestRetentionAction, after.BreachRetentionMonths, after.BreachRetentionAction));
            // Settings this page does not show keep their values.
            Assert.Equal((before.CaseNumberPrefix, string.Join(",", before.RequestReminderDays), before.DrillIntervalMonths), (after.CaseNumberPrefix, string.Join(",", after.RequestReminderDays), after.DrillIntervalMonths));
            Assert.Contains("Begäranden: raderas 36 månader efter avslut", WebUtility.HtmlDecode(await cecilia.GetStringAsync("/ostersund/behandlingar")), StringComparison.Ordinal);
        }
        finally
        {
            await app.InParty(Party, async db =>
            {
                var party = await db.Parties.SingleAsync(p => p.Id == db.CurrentPartyId);
                (party.Settings.RequestRetentionMonths, party.Settings.RequestRetentionAction) = (before.RequestRetentionMonths, before.RequestRetentionAction);
                (party.Settings.BreachRetentionMonths, party.Settings.BreachRetentionAction) = (before.BreachRetentionMonths, before.BreachRetentionAction);
                return await db.SaveChangesAsync();
            });
        }
    }

    [PostgresFact]
    public async Task Hold_WithoutReason_IsRefused_AndAHoldIsPlacedListedAndRemoved()
    {
        var closed = await RequestAsync("Hållen Hållsson", "19121212-1212", DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-24).AddDays(10));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var preview = WebUtility.HtmlDecode(await bo.GetStringAsync("/ostersund/gallring"));
        Assert.Contains(closed.CaseNumber, preview, StringComparison.Ordinal); // due within 30 days

        var bad = await PostFormAsync(bo, "/ostersund/gallring", "Hold", new() { ["HoldRegister"] = "Requests", ["HoldCaseNumber"] = closed.CaseNumber, ["HoldReason"] = " " });
        Assert.Contains("Ange skälet till gallringsstoppet", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var unknown = await PostFormAsync(bo, "/ostersund/gallring", "Hold", new() { ["HoldRegister"] = "Requests", ["HoldCaseNumber"] = "KS 1900/9999", ["HoldReason"] = "Överklagat" });
        Assert.Contains("Det finns inget ärende KS 1900/9999 bland begärandena.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.InParty(Party, db => db.RetentionHolds.AnyAsync(h => h.CaseId == closed.Id)));

        var ok = await PostFormAsync(bo, "/ostersund/gallring", "Hold", new() { ["HoldRegister"] = "Requests", ["HoldCaseNumber"] = closed.CaseNumber, ["HoldReason"] = "Överklagat till förvaltningsrätten" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var listed = WebUtility.HtmlDecode(await bo.GetStringAsync("/ostersund/gallring"));
        Assert.Contains("Överklagat till förvaltningsrätten", listed, StringComparison.Ordinal);
        Assert.Contains("Ja: Överklagat till förvaltningsrätten", listed, StringComparison.Ordinal);

        var hold = await app.InParty(Party, db => db.RetentionHolds.SingleAsync(h => h.CaseId == closed.Id));
        Assert.Equal("Bo Berglund", hold.PlacedBy);
        var released = await PostFormAsync(bo, "/ostersund/gallring", "Release", new() { ["HoldId"] = hold.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.False(await app.InParty(Party, db => db.RetentionHolds.AnyAsync(h => h.CaseId == closed.Id)));
    }

    [PostgresFact]
    public async Task AnotherPartysHold_CannotBeRemoved_AndAnotherPartysCases_AreNotFound()
    {
        var bergHold = await app.InParty("berg", async db =>
        {
            var hold = new RetentionHold
            {
                Register = RetentionRegister.Requests,
                CaseId = Guid.NewGuid(),
                CaseNumber = "KS 2020/0001",
                Reason = "Hemligt skäl i Berg",
                PlacedBy = "Berg",
                PlacedAt = DateTimeOffset.UtcNow,
            };
            db.RetentionHolds.Add(hold);
            await db.SaveChangesAsync();
            return hold;
        });
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var release = await PostFormAsync(cecilia, "/ostersund/gallring", "Release", new() { ["HoldId"] = bergHold.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, release.StatusCode);
        Assert.True(await app.InParty("berg", db => db.RetentionHolds.AnyAsync(h => h.Id == bergHold.Id)));
        Assert.DoesNotContain("Hemligt skäl i Berg", await cecilia.GetStringAsync("/ostersund/gallring"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task PersonSearch_ByPersonnummer_FindsEveryCase_LogsWhoAndWhy_AndExports()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var name = $"Sökbar Sökesson {marker}";
        var first = await RequestAsync(name, "19800101-0001", null);
        var second = await RequestAsync("Annat Namn " + marker, "19800101-0001", null);
        var other = await RequestAsync("Helt Annan " + marker, "19121212-1212", null);
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var noReason = await PostFormAsync(bo, "/ostersund/personsok", null, new() { ["PersonalNumber"] = "19800101-0001" });
        Assert.Contains("Ange varför du söker", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var readsBefore = await app.InParty(Party, db => db.PersonalDataReads.CountAsync(r => r.EntityType == "PersonSearch"));

        var reason = "Registerutdrag KS 2026/0099 " + marker;
        var found = WebUtility.HtmlDecode(await (await PostFormAsync(bo, "/ostersund/personsok", null, new() { ["PersonalNumber"] = "198001010001", ["Reason"] = reason })).Content.ReadAsStringAsync());
        Assert.Contains(first.CaseNumber, found, StringComparison.Ordinal);
        Assert.Contains(second.CaseNumber, found, StringComparison.Ordinal);
        Assert.DoesNotContain(other.CaseNumber, found, StringComparison.Ordinal);
        Assert.Contains("19800101-****", found, StringComparison.Ordinal);

        var log = await app.InParty(Party, db => db.PersonalDataReads.Where(r => r.Purpose.Contains(marker)).ToListAsync());
        Assert.Contains(log, r => r.EntityType == "PersonSearch" && r.Purpose == $"Personsökning (personnummer): {reason}");
        Assert.Contains(log, r => r.EntityType == nameof(DataSubjectRequest) && r.EntityId == first.Id.ToString());
        Assert.DoesNotContain(log, r => r.Purpose.Contains("19800101", StringComparison.Ordinal));
        Assert.Equal(readsBefore + 1, await app.InParty(Party, db => db.PersonalDataReads.CountAsync(r => r.EntityType == "PersonSearch")));
        // The administrator follows up who searched and why.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Matches($"<td>Bo Berglund</td><td>Personsökning \\(personnummer\\): {Regex.Escape(reason)}</td>", WebUtility.HtmlDecode(await cecilia.GetStringAsync("/ostersund/personsok")));

        var byName = WebUtility.HtmlDecode(await (await PostFormAsync(bo, "/ostersund/personsok", null, new() { ["Name"] = name.ToUpperInvariant(), ["Reason"] = reason })).Content.ReadAsStringAsync());
        Assert.Contains(first.CaseNumber, byName, StringComparison.Ordinal);
        Assert.DoesNotContain(second.CaseNumber, byName, StringComparison.Ordinal);

        Assert.Contains("formaction=\"/ostersund/personsok/export\"", found, StringComparison.Ordinal);
        var csv = await PostFormAsync(bo, "/ostersund/personsok", "/ostersund/personsok/export", new() { ["PersonalNumber"] = "19800101-0001", ["Reason"] = reason, ["format"] = "csv" });
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFRegister;Diarienummer;Status;Datum;Uppgift;Värde", text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains($"\"{first.CaseNumber}\";", text, StringComparison.Ordinal); // text quoted in the CSV
        var xlsx = await PostFormAsync(bo, "/ostersund/personsok", "/ostersund/personsok/export", new() { ["PersonalNumber"] = "19800101-0001", ["Reason"] = reason, ["format"] = "xlsx" });
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var typed = XlsxFile.Open(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            // The case number stays text, the date is a date.
            Assert.True(XlsxFile.IsText(typed.At("Begäran", "Diarienummer")));
            var row = typed.Rows().First(r => r[1].InnerText == first.CaseNumber);
            Assert.Equal(GemensamNamnd.Web.Infrastructure.Swedish.Date(first.ReceivedAt), DateOnly.FromDateTime(typed.Date(row[3])));
        }

        // Without a reason the export is refused, and logs nothing; an unknown format is 400.
        var unreasoned = await PostFormAsync(bo, "/ostersund/personsok", "/ostersund/personsok/export", new() { ["PersonalNumber"] = "19800101-0001", ["format"] = "csv" });
        Assert.Contains("Ange varför du söker", WebUtility.HtmlDecode(await unreasoned.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var pdf = await PostFormAsync(bo, "/ostersund/personsok", "/ostersund/personsok/export", new() { ["PersonalNumber"] = "19800101-0001", ["Reason"] = reason, ["format"] = "pdf" });
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
    }

    [PostgresFact]
    public async Task PersonSearch_ShowsASkyddadIdentitetCase_ToTheDpoOnly()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var shielded = await RequestAsync("Skyddad Skyddsson " + marker, "19121212-1212", null, protectedIdentity: true);
        var form = new Dictionary<string, string> { ["Name"] = "Skyddad Skyddsson " + marker, ["Reason"] = "Registerutdrag " + marker };
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var admin = WebUtility.HtmlDecode(await (await PostFormAsync(cecilia, "/ostersund/personsok", null, new(form))).Content.ReadAsStringAsync());

        // To the administrator (neither DPO nor assigned) the case does not exist: no row at all (RequestViewer).
        Assert.DoesNotContain(shielded.CaseNumber, admin, StringComparison.Ordinal);
        Assert.DoesNotContain(shielded.Email!, admin, StringComparison.Ordinal);
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var dpo = WebUtility.HtmlDecode(await (await PostFormAsync(bo, "/ostersund/personsok", null, new(form))).Content.ReadAsStringAsync());
        Assert.Contains(shielded.Email!, dpo, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Record_StatesDataPurposeBasisRetentionRolesAndStorage_FromTheRunningConfiguration()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var html = WebUtility.HtmlDecode(await anna.GetStringAsync("/ostersund/behandlingar"));
        Assert.Contains("personnummer (krypterat)", html, StringComparison.Ordinal);
        Assert.Contains("art. 6.1 c", html, StringComparison.Ordinal);
        Assert.Contains("Begäranden: gallras 24 månader efter avslut", html, StringComparison.Ordinal);
        Assert.Contains("Dataskyddsombud: bevaras", html, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", html, StringComparison.Ordinal);
        // Anna (case officer) may not search for a person: the route is named with its roles, but not as a link for her.
        Assert.Matches(@"<td>/ostersund/personsok</td><td>(Administratör, Dataskyddsombud|Dataskyddsombud, Administratör)", html);
        Assert.Matches(@"<a href=""/ostersund/begaranden"">/ostersund/begaranden</a>", html);
    }

    private Task<PartySettings> SettingsAsync() =>
        app.InParty(Party, db => db.Parties.AsNoTracking().Where(p => p.Id == db.CurrentPartyId).Select(p => p.Settings).SingleAsync());

    private async Task<DataSubjectRequest> RequestAsync(string name, string number, DateOnly? answeredOn, bool protectedIdentity = false)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(Party, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var received = answeredOn is { } a ? new DateTimeOffset(a.AddDays(-5).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) : DateTimeOffset.UtcNow.AddDays(-1);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(
                new RegisterRequestInput(received, RequestChannel.Letter, controller.Id, DataSubjectRights.Access, name, number, $"{Guid.NewGuid():N}@example.org", null, protectedIdentity, null), default);
            Assert.Empty(registered.Errors);
            var stored = await db.Requests.SingleAsync(r => r.Id == registered.Value!.Id);
            if (answeredOn is { } answered)
            {
                (stored.Status, stored.AnsweredOn, stored.Delivery) = (RequestStatus.Answered, answered, AnswerDelivery.Letter);
                await db.SaveChangesAsync();
            }

            return stored;
        });
    }

    /// <summary>
    /// Posts a page form as a browser does: with the antiforgery token from the page's GET; <paramref name="handler"/> is a
    /// handler name, or an address starting with "/" that the form's button posts to (<c>formaction</c>).
    /// </summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string? handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        var target = handler is null ? url : handler.StartsWith('/') ? handler : $"{url}?handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
