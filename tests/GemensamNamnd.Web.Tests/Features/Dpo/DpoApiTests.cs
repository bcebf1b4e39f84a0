using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Dpo;

/// <summary>
/// The DPO register on PostgreSQL with RLS: the rules refuse bad input and store nothing; gaps, totals over 100 % and
/// independence warnings come out of the overview; a party sees its own allocations and only the total of a shared person.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DpoApiTests(AppFactory app)
{
    private const string Ostersund = "/api/v1/ostersund/dpo";
    private const string Berg = "/api/v1/berg/dpo";

    private static DateOnly Today => Swedish.Today(TimeProvider.System);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fresh controller in the party, so that a test's gaps and covers are its own.</summary>
    private Task<Guid> NewControllerAsync(string slug, string name) => app.InParty(slug, async db =>
    {
        var c = new DataController { Name = $"{name} {Guid.NewGuid():N}"[..40], Kind = DataControllerKind.Namnd };
        db.DataControllers.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    private async Task<Guid> NewPersonAsync(string name, params string[] roles)
    {
        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var response = await admin.PostAsJsonAsync("/api/v1/dpo/persons", new { name, workEmail = "dso@example.se", workPhone = "063-14 30 00", otherRoles = roles, isActive = true });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Dictionary<string, object?> Allocation(Guid person, Guid[] controllers, int share, DateOnly start, DateOnly? end,
        string role = "Ordinarie", string level = "HighestManagement", DateOnly? imy = null) => new()
        {
            ["personId"] = person,
            ["role"] = role,
            ["controllerIds"] = controllers,
            ["sharePercent"] = share,
            ["startsOn"] = Iso(start),
            ["endsOn"] = end is { } e ? Iso(e) : null,
            ["reportsTo"] = "Kommunstyrelsen",
            ["reportingLevel"] = level,
            ["imyReportedOn"] = imy is { } i ? Iso(i) : null,
            ["publicWebPage"] = "https://www.example.se/dataskyddsombud",
        };

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> CountAsync(string slug) => app.InParty(slug, db => db.DpoAllocations.CountAsync());

    [PostgresFact]
    public async Task Create_ThenListAndGet_AndTheChangeIsAudited()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var controller = await NewControllerAsync("ostersund", "Revisionen");
        var person = await NewPersonAsync("Åsa Öberg");
        var created = await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today.AddDays(-3), null, imy: Today.AddDays(-1)));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Åsa Öberg", created.GetProperty("personName").GetString());
        Assert.Equal("Current", created.GetProperty("state").GetString());
        Assert.Equal(Iso(Today.AddDays(11)), created.GetProperty("imyNoticeDue").GetString());

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var list = await anna.GetFromJsonAsync<List<JsonElement>>($"{Ostersund}/allocations");
        Assert.Contains(list!, a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"{Ostersund}/allocations/{id}")).StatusCode);

        var audit = await app.InParty("ostersund", db => db.AuditEntries.Where(a => a.EntityType == "DpoAllocation" && a.EntityId == id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("SharePercent", entry.Changes, StringComparison.Ordinal);
        Assert.NotEqual("okänd", entry.ActorId);

        // A handläggare reads but does not change.
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync($"{Ostersund}/allocations", Allocation(person, [controller], 10, Today, null))).StatusCode);
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "slut före start", "EndsOn" },
        { "andel 0", "SharePercent" },
        { "andel 101", "SharePercent" },
        { "okänd personuppgiftsansvarig", "ControllerIds" },
        { "annan parts personuppgiftsansvarig", "ControllerIds" },
        { "ingen personuppgiftsansvarig", "ControllerIds" },
        { "okänd person", "PersonId" },
        { "IMY i framtiden", "ImyReportedOn" },
        { "överlapp", "StartsOn" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadInputs))]
    public async Task Create_BadInput_Is400InSwedish_AndStoresNothing(string why, string field)
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var controller = await NewControllerAsync("ostersund", "Valnämnden");
        var person = await NewPersonAsync("Per Prövning");
        var body = Allocation(person, [controller], 25, Today, Today.AddDays(60));
        if (why == "överlapp")
        {
            await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today.AddDays(-30), Today));
        }

        switch (why)
        {
            case "slut före start": body["endsOn"] = Iso(Today.AddDays(-1)); break;
            case "andel 0": body["sharePercent"] = 0; break;
            case "andel 101": body["sharePercent"] = 101; break;
            case "okänd personuppgiftsansvarig": body["controllerIds"] = new[] { controller, Guid.NewGuid() }; break;
            case "annan parts personuppgiftsansvarig": body["controllerIds"] = new[] { await NewControllerAsync("berg", "Bergs nämnd") }; break;
            case "ingen personuppgiftsansvarig": body["controllerIds"] = Array.Empty<Guid>(); break;
            case "okänd person": body["personId"] = Guid.NewGuid(); break;
            case "IMY i framtiden": body["imyReportedOn"] = Iso(Today.AddDays(2)); break;
        }

        var before = await CountAsync("ostersund");
        var response = await cecilia.PostAsJsonAsync($"{Ostersund}/allocations", body);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!, StringComparer.OrdinalIgnoreCase);
        Assert.True(errors.ContainsKey(field), $"{why}: {problem.GetRawText()}");
        Assert.Matches("[åäöÅÄÖ]|Ange|Välj", errors[field]);
        if (why == "överlapp")
        {
            Assert.Contains("överlappar", errors[field], StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync("ostersund"));
    }

    [PostgresFact]
    public async Task Overlap_OtherRoleOrAdjacentDays_IsAllowed_AndAnEditDoesNotOverlapItself()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var controller = await NewControllerAsync("ostersund", "Överförmyndarnämnden");
        var person = await NewPersonAsync("Olle Överlapp");
        var first = await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today, Today.AddDays(30)));
        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 10, Today, Today.AddDays(30), role: "Ersattare"));
        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today.AddDays(31), null));

        var update = Allocation(person, [controller], 30, Today, Today.AddDays(30));
        update["version"] = first.GetProperty("version").GetGuid();
        var response = await cecilia.PutAsJsonAsync($"{Ostersund}/allocations/{first.GetProperty("id").GetGuid()}", update);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(30, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharePercent").GetInt32());

        // The old version again: someone else has changed it.
        var stale = await cecilia.PutAsJsonAsync($"{Ostersund}/allocations/{first.GetProperty("id").GetGuid()}", update);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [PostgresFact]
    public async Task Overview_GapsOverTime_NowAndPlanned_AndADeputyDoesNotFillOne()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var controller = await NewControllerAsync("ostersund", "Luckans nämnd");
        var person = await NewPersonAsync("Gun Glapp");

        async Task<List<JsonElement>> GapsAsync(DateOnly on) =>
            [.. (await cecilia.GetFromJsonAsync<JsonElement>($"{Ostersund}/overview?date={Iso(on)}")).GetProperty("gaps").EnumerateArray()
                .Where(g => g.GetProperty("controllerId").GetGuid() == controller)];

        // Nothing yet: a gap from the day viewed, open-ended, "now".
        var now = Assert.Single(await GapsAsync(Today));
        Assert.True(now.GetProperty("isNow").GetBoolean());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("to").ValueKind);

        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today.AddDays(-10), Today.AddDays(10)));
        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today.AddDays(20), null, role: "Ersattare"));
        var planned = Assert.Single(await GapsAsync(Today));
        Assert.False(planned.GetProperty("isNow").GetBoolean());
        Assert.Equal(Iso(Today.AddDays(11)), planned.GetProperty("from").GetString());

        // Before the first allocation the controller had no DPO until it started.
        var earlier = (await GapsAsync(Today.AddDays(-20)))[0];
        Assert.Equal(Iso(Today.AddDays(-11)), earlier.GetProperty("to").GetString());

        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 25, Today.AddDays(11), null));
        Assert.Empty(await GapsAsync(Today));

        var overview = await cecilia.GetFromJsonAsync<JsonElement>($"{Ostersund}/overview");
        var cover = overview.GetProperty("controllers").EnumerateArray().Single(c => c.GetProperty("controllerId").GetGuid() == controller);
        Assert.Equal("Gun Glapp", cover.GetProperty("ordinarie")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await cecilia.GetAsync($"{Ostersund}/overview?date=23/11/2026")).StatusCode);
    }

    [PostgresFact]
    public async Task SharedPerson_Over100Percent_IsAnError_AndEachPartySeesOnlyTheTotal()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        using var david = app.ClientFor(AppFactory.Demo("david"));
        var person = await NewPersonAsync("Dela Delsson");
        var ours = await NewControllerAsync("ostersund", "Delade nämnden");
        var theirs = await NewControllerAsync("berg", "Bergs hemliga nämnd");
        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [ours], 60, Today.AddDays(-5), null));
        var bergAllocation = await CreatedAsync(david, $"{Berg}/allocations", Allocation(person, [theirs], 50, Today.AddDays(5), Today.AddDays(35)));
        var bergId = bergAllocation.GetProperty("id").GetGuid();

        var view = await cecilia.GetFromJsonAsync<JsonElement>($"{Ostersund}/persons/{person}");
        var summary = view.GetProperty("person");
        Assert.True(summary.GetProperty("servesOtherParties").GetBoolean());
        Assert.Equal(60, summary.GetProperty("totalShareOn").GetInt32());
        var over = summary.GetProperty("totals").EnumerateArray().Single(s => s.GetProperty("overAllocated").GetBoolean());
        Assert.Equal(110, over.GetProperty("totalPercent").GetInt32());
        Assert.Equal(Iso(Today.AddDays(5)), over.GetProperty("from").GetString());
        Assert.Contains(summary.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "OverAllocated"
            && w.GetProperty("isError").GetBoolean() && w.GetProperty("article").GetString() == "art. 38.2");

        // Östersund sees the sum, never Berg's allocation, its controller or its party.
        var raw = view.GetRawText() + await cecilia.GetStringAsync($"{Ostersund}/overview") + await cecilia.GetStringAsync($"{Ostersund}/allocations");
        Assert.DoesNotContain(bergId.ToString(), raw, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Bergs hemliga nämnd", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Bergs kommun", raw, StringComparison.Ordinal);
        Assert.Single(view.GetProperty("allocations").EnumerateArray());
    }

    [PostgresFact]
    public async Task Independence_ConflictingRole_ReportingLine_AndMinimumShare_AreWarnedWithTheirArticles()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var person = await NewPersonAsync("Jurist Juhlin", "Kommunjurist");
        var controller = await NewControllerAsync("ostersund", "Juristnämnden");
        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(person, [controller], 10, Today.AddDays(-30), null, level: "BelowHighestManagement"));

        var view = await cecilia.GetFromJsonAsync<JsonElement>($"{Ostersund}/persons/{person}");
        var articles = view.GetProperty("person").GetProperty("warnings").EnumerateArray()
            .Concat(view.GetProperty("allocations")[0].GetProperty("warnings").EnumerateArray())
            .ToDictionary(w => w.GetProperty("kind").GetString()!, w => w.GetProperty("article").GetString());
        Assert.Equal("art. 38.6", articles["ConflictingRole"]);
        Assert.Equal("art. 38.3", articles["ReportingLine"]);
        Assert.Equal("art. 38.2", articles["ShareBelowMinimum"]);
        Assert.Equal("art. 37.7", articles["ImyNotTold"]); // started 30 days ago, IMY not told
    }

    [PostgresFact]
    public async Task Isolation_AHandlaggareOfA_SeesNoneOfBsAllocations()
    {
        using var david = app.ClientFor(AppFactory.Demo("david"));
        var person = await NewPersonAsync("Berta Bergsdotter");
        var controller = await NewControllerAsync("berg", "Bergs nämnd för isolering");
        var created = await CreatedAsync(david, $"{Berg}/allocations", Allocation(person, [controller], 40, Today, null));
        var id = created.GetProperty("id").GetGuid();

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync($"{Berg}/allocations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync($"{Berg}/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"{Ostersund}/allocations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"{Ostersund}/persons/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/dataskyddsombud/personer/{person}")).StatusCode);
        var all = await anna.GetStringAsync($"{Ostersund}/allocations") + await anna.GetStringAsync($"{Ostersund}/overview");
        Assert.DoesNotContain(id.ToString(), all, StringComparison.Ordinal);
        Assert.DoesNotContain("Berta Bergsdotter", all, StringComparison.Ordinal);

        // Changing B's allocation from A's route finds nothing.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var update = Allocation(person, [controller], 10, Today, null);
        update["version"] = created.GetProperty("version").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await cecilia.PutAsJsonAsync($"{Ostersund}/allocations/{id}", update)).StatusCode);
        Assert.Equal(40, await app.InParty("berg", db => db.DpoAllocations.Where(a => a.Id == id).Select(a => a.SharePercent).SingleAsync()));
    }

    [PostgresTheory]
    [InlineData("anna", false)]
    [InlineData("bo", false)]
    [InlineData("cecilia", false)]
    [InlineData("stina", true)]
    [InlineData("admin", true)]
    public async Task CommitteeView_OnlyEStrategistAndAdministrators(string user, bool allowed)
    {
        using var client = app.ClientFor(AppFactory.Demo(user));
        foreach (var url in new[] { "/api/v1/dpo/matrix", "/api/v1/dpo/matrix.xlsx", "/api/v1/dpo/persons", "/dataskyddsombud", "/dataskyddsombud/export?format=xlsx" })
        {
            var response = await client.GetAsync(url);
            Assert.True(allowed ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.Forbidden, $"{user} {url} → {(int)response.StatusCode}");
        }
    }

    [PostgresFact]
    public async Task CommitteeMatrix_HasSharesAndWarnings_AndTheExcelFileIsValid()
    {
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        var on = Today.AddDays(10);
        var matrix = await stina.GetFromJsonAsync<JsonElement>($"/api/v1/dpo/matrix?date={Iso(on)}");
        var bo = matrix.GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Bo Berglund");
        // The demo: 25 % in each of four municipalities and, from a week ahead, 10 % as deputy in Bräcke.
        Assert.Equal(110, bo.GetProperty("totalPercent").GetInt32());
        Assert.Contains(bo.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "OverAllocated");
        var fredrik = matrix.GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Fredrik Falk");
        Assert.Contains(fredrik.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("article").GetString() == "art. 38.6");
        Assert.Equal(9, matrix.GetProperty("parties").GetArrayLength());
        Assert.Contains(matrix.GetProperty("cells").EnumerateArray(), c => c.GetProperty("text").GetString() == "25 % ordinarie");

        var response = await stina.GetAsync($"/api/v1/dpo/matrix.xlsx?date={Iso(on)}");
        Assert.Equal(Spreadsheet.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"dataskyddsombud-{Iso(on)}.xlsx", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal([$"Matris {Iso(on)}", "Varningar"], sheets);
        var text = string.Concat(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text));
        Assert.Contains("Bo Berglund", text, StringComparison.Ordinal);
        Assert.Contains("Östersunds kommun", text, StringComparison.Ordinal);
        Assert.Contains("art. 38.6", text, StringComparison.Ordinal);

        // The committee page's export: the same workbook, with shares as percentages and counts as numbers.
        var export = await stina.GetAsync($"/dataskyddsombud/export?format=xlsx&datum={Iso(on)}");
        Assert.Contains($"dataskyddsombud-{Iso(on)}.xlsx", export.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        using (var typed = XlsxFile.Open(await export.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal([$"Matris {Iso(on)}", "Varningar"], typed.SheetNames);
            Assert.True(XlsxFile.IsText(typed.At("Östersunds kommun", "Part")));
            var share = typed.At("Östersunds kommun", "Summa andel");
            Assert.Equal("0 %", typed.NumberFormat(share));
            Assert.InRange(typed.Number(share), 0.01, 10);
            Assert.True(typed.Number(typed.At("Östersunds kommun", "Personuppgiftsansvariga")) >= 1);
            Assert.Equal(1.1, typed.Number(typed.At("Summa per person (alla parter)", "Bo Berglund")), 3);
        }

        var csv = System.Text.Encoding.UTF8.GetString(await stina.GetByteArrayAsync($"/dataskyddsombud/export?format=csv&datum={Iso(on)}"));
        Assert.StartsWith("\uFEFFPart;", csv, StringComparison.Ordinal);
        Assert.Contains("\"Summa per person (alla parter)\";", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await stina.GetAsync("/dataskyddsombud/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stina.GetAsync("/dataskyddsombud/export?format=xlsx&datum=igår")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await stina.GetAsync("/api/v1/dpo/matrix?date=igår")).StatusCode);
    }

    [PostgresFact]
    public async Task Target_IsAPartySetting_ForThePartyAdministrator()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var response = await cecilia.PutAsJsonAsync($"{Ostersund}/target", new { targetPercent = 75, budgetNote = "Finansieras av KS." });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var overview = await cecilia.GetFromJsonAsync<JsonElement>($"{Ostersund}/overview");
        Assert.Equal(75, overview.GetProperty("targetPercent").GetInt32());
        Assert.Equal("Finansieras av KS.", overview.GetProperty("budgetNote").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await cecilia.PutAsJsonAsync($"{Ostersund}/target", new { targetPercent = 0 })).StatusCode);

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PutAsJsonAsync($"{Ostersund}/target", new { targetPercent = 10 })).StatusCode);
        await cecilia.PutAsJsonAsync($"{Ostersund}/target", new { targetPercent = 50, budgetNote = "Delad tjänst." });
    }

    [PostgresFact]
    public async Task Person_SharedBySeveralParties_IsChangedOnlyByAGlobalAdministrator()
    {
        var bo = await app.InParty("ostersund", db => db.DpoPersons.Where(p => p.Name == "Bo Berglund").Select(p => p.Id).SingleAsync());
        var input = new DpoPersonInput("Bo Berglund", "063-14 30 00", "bo@example.se", null, ["IT-chef"]);
        var result = await PartyRegisterAsync("ostersund", r => r.SavePersonAsync(bo, Guid.Empty, input, asGlobalAdministrator: false, default));
        Assert.Equal(GemensamNamnd.Web.Infrastructure.CommandStatus.Forbidden, result.Status);
        Assert.Equal(DpoRegister.OnlyGlobalAdministrators, result.Errors[0].Message);

        // A person of this party only: the party administrator may.
        var own = await NewPersonAsync("Egen Egenström");
        var controller = await NewControllerAsync("ostersund", "Egna nämnden");
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        await CreatedAsync(cecilia, $"{Ostersund}/allocations", Allocation(own, [controller], 20, Today, null));
        var version = await app.InParty("ostersund", db => db.DpoPersons.Where(p => p.Id == own).Select(p => p.Version).SingleAsync());
        var ok = await PartyRegisterAsync("ostersund", r => r.SavePersonAsync(own, version, input with { Name = "Egen Egenström" }, asGlobalAdministrator: false, default));
        Assert.Equal(GemensamNamnd.Web.Infrastructure.CommandStatus.Done, ok.Status);

        // The global API refuses bad input in Swedish.
        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var bad = await admin.PostAsJsonAsync("/api/v1/dpo/persons", new { name = "", workEmail = "inte en adress" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Ange dataskyddsombudets namn.", errors.GetProperty("Name")[0].GetString());
        Assert.StartsWith("E-postadressen är inte giltig", errors.GetProperty("WorkEmail")[0].GetString(), StringComparison.Ordinal);
        using var cecilia2 = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia2.PostAsJsonAsync("/api/v1/dpo/persons", new { name = "X" })).StatusCode);
    }

    private async Task<T> PartyRegisterAsync<T>(string slug, Func<DpoRegister, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Parties.PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Parties.PartyScope>().RunAsync(party!.Id, sp => work(sp.GetRequiredService<DpoRegister>()));
    }
}
