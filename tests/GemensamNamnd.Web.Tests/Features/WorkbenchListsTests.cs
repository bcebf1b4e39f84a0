using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// Issue 17, lists people can work in: the request list's search (skyddad identitet never found by name by those who may
/// not open it), sort, officer column and bulk assign; saved filters per user and party; the breach list's quick
/// registration, handler, search and order by hours left.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class WorkbenchListsTests(AppFactory app)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<RegisteredRequest> RegisterAsync(string slug, DateTimeOffset receivedAt, string name, bool protectedIdentity = false)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controllerId = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(receivedAt, RequestChannel.Letter, controllerId, DataSubjectRights.Access, name, null,
                "registrerad@example.se", null, protectedIdentity, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.True(registered.Ok, string.Join("; ", registered.Errors.Select(e => e.Message)));
            return registered.Value!;
        });
    }

    private Task<Guid> UserIdAsync(string key) =>
        app.InParty("ostersund", db => db.Users.Where(u => u.EntraObjectId == AppFactory.Demo(key).ObjectId).Select(u => u.Id).SingleAsync());

    [PostgresFact]
    public async Task RequestSearch_FindsCaseNumberAndName_ButAProtectedCaseByNameOnlyForThoseWhoMayOpenIt()
    {
        var tag = Tag();
        var open = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-3), $"Öppen Sökbar {tag}");
        var shielded = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-2), $"Skyddad Sökbar {tag}", protectedIdentity: true);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        // By name: Anna (who may not open the protected case) finds only the open one; the DPO finds both.
        var annaByName = await Html(anna, $"/ostersund/begaranden?sok=s%C3%B6kbar+{tag}");
        Assert.Contains(open.CaseNumber, annaByName, StringComparison.Ordinal);
        Assert.DoesNotContain(shielded.CaseNumber, annaByName, StringComparison.Ordinal);
        var boByName = await Html(bo, $"/ostersund/begaranden?sok=S%C3%96KBAR+{tag}");
        Assert.Contains(open.CaseNumber, boByName, StringComparison.Ordinal);
        Assert.Contains(shielded.CaseNumber, boByName, StringComparison.Ordinal);
        Assert.DoesNotContain($"Skyddad Sökbar {tag}", boByName, StringComparison.Ordinal); // found, still listed without its name

        // By case number: everyone finds the protected case (the list shows it to all, without a name).
        var byNumber = await Html(anna, $"/ostersund/begaranden?sok={Uri.EscapeDataString(shielded.CaseNumber)}");
        Assert.Contains(shielded.CaseNumber, byNumber, StringComparison.Ordinal);
        Assert.DoesNotContain(open.CaseNumber, byNumber, StringComparison.Ordinal);
        Assert.Contains($"value=\"{shielded.CaseNumber}\"", byNumber, StringComparison.Ordinal);

        // Wildcards match themselves: "%" finds nothing here.
        Assert.DoesNotContain(open.CaseNumber, await Html(anna, $"/ostersund/begaranden?sok=%25{tag}"), StringComparison.Ordinal);

        // The export takes the same search, and the same rule.
        var csv = System.Text.Encoding.UTF8.GetString(await anna.GetByteArrayAsync($"/ostersund/begaranden/export?format=csv&sok=s%C3%B6kbar+{tag}"));
        Assert.Contains(open.CaseNumber, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(shielded.CaseNumber, csv, StringComparison.Ordinal);
        Assert.Contains($"sok=s%C3%B6kbar%20{tag}", annaByName, StringComparison.Ordinal); // the export links carry the search
    }

    [PostgresFact]
    public async Task RequestSort_ByColumnHeader_WithAriaSort_KeepsTheSearch()
    {
        var tag = Tag();
        // Case numbers follow registration order; receipt dates in another order.
        var a = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-1), $"Sortering {tag} A");
        var b = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-20), $"Sortering {tag} B");
        var c = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-10), $"Sortering {tag} C");
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        List<string> Order(string html) =>
            [.. new[] { a, b, c }.OrderBy(r => html.IndexOf(r.CaseNumber, StringComparison.Ordinal)).Select(r => r.CaseNumber)];

        // Default: the deadline in force, soonest first (b received first).
        var byDue = await Html(anna, $"/ostersund/begaranden?sok=sortering+{tag}");
        Assert.Equal([b.CaseNumber, c.CaseNumber, a.CaseNumber], Order(byDue));
        Assert.Contains($"aria-sort=\"ascending\"><a href=\"/ostersund/begaranden?sok=sortering%20{tag}&sortera=sista-dag&ordning=fallande\">Sista dag</a>", byDue, StringComparison.Ordinal);

        var received = await Html(anna, $"/ostersund/begaranden?sok=sortering+{tag}&sortera=mottagen&ordning=fallande");
        Assert.Equal([a.CaseNumber, c.CaseNumber, b.CaseNumber], Order(received));
        Assert.Contains("aria-sort=\"descending\"", received, StringComparison.Ordinal);
        Assert.Single(AriaSort().Matches(received));
        // The header of the sorted column asks for the other direction; the search stays in every header link.
        Assert.Contains($"href=\"/ostersund/begaranden?sok=sortering%20{tag}&sortera=mottagen\">Mottagen</a>", received, StringComparison.Ordinal);
        // The search form keeps the sort.
        Assert.Contains("name=\"sortera\" value=\"mottagen\"", received, StringComparison.Ordinal);

        var byNumber = await Html(anna, $"/ostersund/begaranden?sok=sortering+{tag}&sortera=diarienummer");
        Assert.Equal([a.CaseNumber, b.CaseNumber, c.CaseNumber], Order(byNumber));

        // The export follows the list's order.
        var csv = System.Text.Encoding.UTF8.GetString(await anna.GetByteArrayAsync($"/ostersund/begaranden/export?format=csv&sok=sortering+{tag}&sortera=mottagen&ordning=fallande"));
        Assert.Equal([a.CaseNumber, c.CaseNumber, b.CaseNumber], Order(csv));

        // An unknown sort is the default, not an error.
        Assert.Equal([b.CaseNumber, c.CaseNumber, a.CaseNumber], Order(await Html(anna, $"/ostersund/begaranden?sok=sortering+{tag}&sortera=namn&ordning=upp")));
    }

    [PostgresFact]
    public async Task BulkAssign_AssignsEveryMarkedCase_OneAuditedChangeEach_AndTheOfficerColumnSaysWho()
    {
        var tag = Tag();
        var first = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-4), $"Tilldelas {tag} Ett");
        var second = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-5), $"Tilldelas {tag} Två");
        var untouched = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-6), $"Tilldelas {tag} Tre");
        var annaId = await UserIdAsync("anna");
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var list = $"/ostersund/begaranden?sok=tilldelas+{tag}";
        var before = await Html(bo, list);
        Assert.Contains("Tilldela markerade", before, StringComparison.Ordinal);
        Assert.Contains($"name=\"Ids\" value=\"{first.Id}\" form=\"bulk-assign\"", before, StringComparison.Ordinal);
        Assert.Contains("Ej tilldelad", Row(before, first.CaseNumber), StringComparison.Ordinal);

        var response = await PostAsync(bo, list, $"/ostersund/begaranden?sok=tilldelas%20{tag}&handler=Assign",
            [new("Ids", first.Id.ToString()), new("Ids", second.Id.ToString()), new("OfficerId", annaId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list.Replace("+", "%20", StringComparison.Ordinal), response.Headers.Location?.OriginalString);

        var after = await Html(bo, list);
        Assert.Contains("2 ärenden tilldelades Anna Andersson.", after, StringComparison.Ordinal);
        Assert.Contains("Anna Andersson", Row(after, first.CaseNumber), StringComparison.Ordinal);
        Assert.Contains("Anna Andersson", Row(after, second.CaseNumber), StringComparison.Ordinal);
        Assert.Contains("Ej tilldelad", Row(after, untouched.CaseNumber), StringComparison.Ordinal);

        var (assigned, audits, events) = await app.InParty("ostersund", async db => (
            await db.Requests.Where(r => r.Id == first.Id || r.Id == second.Id || r.Id == untouched.Id).OrderBy(r => r.CaseNumber).Select(r => r.AssignedOfficerId).ToListAsync(),
            await db.AuditEntries.Where(e => e.EntityType == nameof(DataSubjectRequest) && e.Action == AuditAction.Modified
                && (e.EntityId == first.Id.ToString() || e.EntityId == second.Id.ToString()) && e.Changes.Contains("AssignedOfficerId")).Select(e => e.EntityId).ToListAsync(),
            await db.RequestEvents.Where(e => (e.RequestId == first.Id || e.RequestId == second.Id) && e.Text == "Tilldelad Anna Andersson.").CountAsync()));
        Assert.Equal([annaId, annaId, null], assigned);
        Assert.Equal(new[] { first.Id.ToString(), second.Id.ToString() }.Order(StringComparer.Ordinal), audits.Order(StringComparer.Ordinal));
        Assert.Equal(2, events);

        // Sorted by officer: the assigned ones before the unassigned.
        var byOfficer = await Html(bo, $"{list}&sortera=handlaggare");
        Assert.True(byOfficer.IndexOf(first.CaseNumber, StringComparison.Ordinal) < byOfficer.IndexOf(untouched.CaseNumber, StringComparison.Ordinal));

        // Nothing marked, no officer: Swedish errors, nothing changed.
        var refused = await PostAsync(bo, list, "/ostersund/begaranden?handler=Assign", [new("OfficerId", string.Empty)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Markera minst ett ärende att tilldela.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Välj den handläggare som de markerade ärendena ska tilldelas.", refusedHtml, StringComparison.Ordinal);

        // An administrator (not an officer) may not assign.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.DoesNotContain("Tilldela markerade", await Html(cecilia, list), StringComparison.Ordinal);
        var forbidden = await PostAsync(cecilia, list, "/ostersund/begaranden?handler=Assign",
            [new("Ids", untouched.Id.ToString()), new("OfficerId", annaId.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Null(await app.InParty("ostersund", db => db.Requests.Where(r => r.Id == untouched.Id).Select(r => r.AssignedOfficerId).SingleAsync()));
    }

    [PostgresFact]
    public async Task BulkAssign_WithAnotherPartysCase_OrAProtectedOne_ChangesNothing()
    {
        var tag = Tag();
        var own = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-4), $"Isolerad {tag}");
        var other = await RegisterAsync("krokom", DateTimeOffset.UtcNow.AddDays(-4), $"Annan part {tag}");
        var shielded = await RegisterAsync("ostersund", DateTimeOffset.UtcNow.AddDays(-4), $"Skyddad {tag}", protectedIdentity: true);
        var annaId = await UserIdAsync("anna");
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        // Bo is DPO in Krokom too, but a case of Krokom is not a case of Östersund's list.
        var crossParty = await PostAsync(bo, "/ostersund/begaranden", "/ostersund/begaranden?handler=Assign",
            [new("Ids", own.Id.ToString()), new("Ids", other.Id.ToString()), new("OfficerId", annaId.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, crossParty.StatusCode);

        // Anna may not open the protected case: it does not exist for her bulk assign either.
        var hidden = await PostAsync(anna, "/ostersund/begaranden", "/ostersund/begaranden?handler=Assign",
            [new("Ids", own.Id.ToString()), new("Ids", shielded.Id.ToString()), new("OfficerId", annaId.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        Assert.Null(await app.InParty("ostersund", db => db.Requests.Where(r => r.Id == own.Id).Select(r => r.AssignedOfficerId).SingleAsync()));
        Assert.Null(await app.InParty("ostersund", db => db.Requests.Where(r => r.Id == shielded.Id).Select(r => r.AssignedOfficerId).SingleAsync()));
        Assert.Null(await app.InParty("krokom", db => db.Requests.Where(r => r.Id == other.Id).Select(r => r.AssignedOfficerId).SingleAsync()));
        Assert.Equal(0, await app.InParty("ostersund", db => db.RequestEvents.CountAsync(e => e.RequestId == own.Id && e.Text.StartsWith("Tilldelad"))));
    }

    [PostgresFact]
    public async Task SavedFilters_AreTheUsersOwn_InOneParty_AndApplyDeleteAndRefuseADuplicateName()
    {
        var tag = Tag();
        var name = $"Mina sena {tag}";
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var saved = await PostAsync(anna, "/ostersund/begaranden?frist=forsenade", "/ostersund/sparade-filter?handler=Save",
            [new("List", "begaranden"), new("Query", "frist=forsenade&sida=3&sok=" + tag), new("Name", name)]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        Assert.Equal($"/ostersund/begaranden?frist=forsenade&sok={tag}", saved.Headers.Location?.OriginalString);

        var annasList = await Html(anna, "/ostersund/begaranden");
        Assert.Contains($"href=\"/ostersund/begaranden?frist=forsenade&sok={tag}\">{name}</a>", annasList, StringComparison.Ordinal);
        Assert.Contains(name, await Html(anna, "/ostersund/sparade-filter"), StringComparison.Ordinal);
        // Nobody else sees it: not the DPO of the same party, not Anna's breach list.
        Assert.DoesNotContain(name, await Html(bo, "/ostersund/begaranden"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await Html(bo, "/ostersund/sparade-filter"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await Html(anna, "/ostersund/incidenter"), StringComparison.Ordinal);

        // The same name again: a Swedish error, nothing stored twice.
        var twice = await PostAsync(anna, "/ostersund/begaranden", "/ostersund/sparade-filter?handler=Save",
            [new("List", "begaranden"), new("Query", "status=alla"), new("Name", name)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains($"Du har redan ett filter som heter ”{name}”", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var empty = await PostAsync(anna, "/ostersund/begaranden", "/ostersund/sparade-filter?handler=Save",
            [new("List", "begaranden"), new("Query", "status=alla"), new("Name", "  ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Ge filtret ett namn", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var id = await app.InParty("ostersund", db => db.SavedFilters.Where(f => f.Name == name).Select(f => f.Id).SingleAsync());
        Assert.Equal(1, await app.InParty("ostersund", db => db.SavedFilters.CountAsync(f => f.Name.Contains(tag))));

        // Bo cannot delete Anna's filter, nor can Anna from another party's address (Bo's Krokom).
        var bosTry = await PostAsync(bo, "/ostersund/sparade-filter", "/ostersund/sparade-filter?handler=Delete", [new("FilterId", id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, bosTry.StatusCode);
        var otherParty = await PostAsync(bo, "/krokom/sparade-filter", "/krokom/sparade-filter?handler=Delete", [new("FilterId", id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, otherParty.StatusCode);
        Assert.Equal(1, await app.InParty("ostersund", db => db.SavedFilters.CountAsync(f => f.Id == id)));

        var deleted = await PostAsync(anna, "/ostersund/sparade-filter", "/ostersund/sparade-filter?handler=Delete", [new("FilterId", id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await app.InParty("ostersund", db => db.SavedFilters.CountAsync(f => f.Id == id)));
        Assert.DoesNotContain($">{name}</a>", await Html(anna, "/ostersund/begaranden"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task QuickBreachRegistration_StartsTheClock_AndBadInputStoresNothing()
    {
        var tag = Tag();
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var aware = Web.Infrastructure.Swedish.ToLocal(DateTimeOffset.UtcNow.AddHours(-5));
        var page = "/ostersund/incidenter/snabbregistrering";
        Assert.Contains("Snabbregistrera incident", await Html(anna, "/ostersund/incidenter"), StringComparison.Ordinal);

        var ok = await PostAsync(anna, page, page,
        [
            new("Title", $"Snabb {tag}"), new("ControllerId", controller.ToString()),
            new("AwareDate", aware.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("AwareTime", aware.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("Summary", "Ett mejl med elevlistan gick till fel mottagare."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var breach = await app.InParty("ostersund", db => db.Breaches.SingleAsync(b => b.Title == $"Snabb {tag}"));
        Assert.Equal(breach.AwareAt.AddHours(72), breach.ImyDeadlineAt);
        Assert.Equal([controller], breach.ControllerIds);
        Assert.Equal(Domain.Breaches.BreachTypes.None, breach.Types);
        Assert.Equal($"/ostersund/incidenter/{breach.Id}", ok.Headers.Location?.OriginalString);
        var casePage = await Html(anna, $"/ostersund/incidenter/{breach.Id}");
        Assert.Contains("72-timmarsfristen löper", casePage, StringComparison.Ordinal);
        Assert.Contains("66 timmar kvar", casePage, StringComparison.Ordinal);
        Assert.Contains("Snabbregistrerad.", casePage, StringComparison.Ordinal);

        // Bad input: every error in Swedish at once, nothing stored.
        var count = await app.InParty("ostersund", db => db.Breaches.CountAsync());
        var bad = await PostAsync(anna, page, page,
        [
            new("Title", string.Empty), new("ControllerId", string.Empty), new("AwareDate", "2099-01-01"), new("AwareTime", "12:00"),
            new("Summary", "Personnummer 19121212-1212 i texten"),
        ]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Ange en kort rubrik för incidenten", html, StringComparison.Ordinal);
        Assert.Contains("Välj den personuppgiftsansvariga nämnd eller det bolag som incidenten gäller.", html, StringComparison.Ordinal);
        Assert.Contains("Parten fick kännedom", html, StringComparison.Ordinal);
        Assert.Contains("personnummer eller samordningsnummer", html, StringComparison.Ordinal);
        var future = await PostAsync(anna, page, page,
        [
            new("Title", $"Framtid {tag}"), new("ControllerId", controller.ToString()),
            new("AwareDate", DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("AwareTime", "12:00"),
            new("Summary", "Något hände."),
        ]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("Tidpunkten för kännedom kan inte ligga i framtiden.", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var garbled = await PostAsync(anna, page, page,
            [new("Title", $"Trasig {tag}"), new("ControllerId", controller.ToString()), new("AwareDate", "igår"), new("AwareTime", "12"), new("Summary", "Något hände.")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbled.StatusCode);
        Assert.Contains("Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM.", WebUtility.HtmlDecode(await garbled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(count, await app.InParty("ostersund", db => db.Breaches.CountAsync()));

        // Administrators only read.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.GetAsync(page)).StatusCode);
    }

    [PostgresFact]
    public async Task BreachHandler_IsSetOnTheCase_ShownInTheList_AndOnlyAPartyOfficerCanBeIt()
    {
        var tag = Tag();
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var id = await CreateBreachAsync(anna, DateTimeOffset.UtcNow.AddHours(-3), $"Handläggs {tag}");
        var annaId = await UserIdAsync("anna");
        var ceciliaId = await UserIdAsync("cecilia");
        var url = $"/ostersund/incidenter/{id}";
        Assert.Contains("Ej tilldelad", await Html(anna, url), StringComparison.Ordinal);
        var version = await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

        // Cecilia is the party's administrator, not an officer: she cannot handle a breach.
        var refused = await PostAsync(anna, url, $"{url}?handler=AssignHandler", [new("Version", version.ToString()), new("HandlerId", ceciliaId.ToString())]);
        Assert.Contains("Välj en handläggare eller ett dataskyddsombud hos parten.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.HandlerId).SingleAsync()));

        var assigned = await PostAsync(anna, url, $"{url}?handler=AssignHandler", [new("Version", version.ToString()), new("HandlerId", annaId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(annaId, await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.HandlerId).SingleAsync()));
        var casePage = await Html(anna, url);
        Assert.Contains("<dt>Handläggare</dt><dd>Anna Andersson</dd>", casePage, StringComparison.Ordinal);
        Assert.Contains("Tilldelad Anna Andersson.", casePage, StringComparison.Ordinal);
        var caseNumber = await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.CaseNumber).SingleAsync());
        Assert.Contains("Anna Andersson", Row(await Html(anna, $"/ostersund/incidenter?sok={tag}"), caseNumber), StringComparison.Ordinal);
        Assert.Equal(1, await app.InParty("ostersund", db => db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Modified && e.Changes.Contains("HandlerId"))));

        // The old version is stale now: a conflict, nothing changed.
        var stale = await PostAsync(anna, url, $"{url}?handler=AssignHandler", [new("Version", version.ToString()), new("HandlerId", string.Empty)]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(annaId, await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.HandlerId).SingleAsync()));
    }

    [PostgresFact]
    public async Task BreachList_PutsRunningClocksFirst_FewestHoursLeftFirst_AndSearchesTitles()
    {
        var tag = Tag();
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var plenty = await CreateBreachAsync(anna, DateTimeOffset.UtcNow.AddHours(-2), $"Ordning {tag} gott om tid");
        var urgent = await CreateBreachAsync(anna, DateTimeOffset.UtcNow.AddHours(-60), $"Ordning {tag} bråttom");
        var late = await CreateBreachAsync(anna, DateTimeOffset.UtcNow.AddHours(-80), $"Ordning {tag} försenad");
        var reported = await CreateBreachAsync(anna, DateTimeOffset.UtcNow.AddHours(-1), $"Ordning {tag} anmäld");
        var version = await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == reported).Select(b => b.Version).SingleAsync());
        var assess = await anna.PostAsJsonAsync($"/api/v1/ostersund/breaches/{reported}/assessment", new
        {
            version,
            risk = "Risk",
            riskReasoning = "Känsliga uppgifter.",
            reportable = true,
            subjectNoticeRequired = false,
            subjectNoticeNotRequiredReason = "Åtgärdat.",
        });
        Assert.True(assess.IsSuccessStatusCode, await assess.Content.ReadAsStringAsync());
        version = (await assess.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        var report = await anna.PostAsJsonAsync($"/api/v1/ostersund/breaches/{reported}/report", new { version, reportedAt = DateTimeOffset.UtcNow, imyReference = "IMY-" + tag });
        Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());

        var numbers = await app.InParty("ostersund", db => db.Breaches.Where(b => b.Title.Contains(tag)).ToDictionaryAsync(b => b.Id, b => b.CaseNumber));
        List<Guid> Order(string html) => [.. numbers.Keys.OrderBy(k => html.IndexOf(numbers[k], StringComparison.Ordinal))];

        var html = await Html(anna, $"/ostersund/incidenter?sok=ordning+{tag}");
        Assert.All(numbers.Values, n => Assert.Contains(n, html, StringComparison.Ordinal));
        // Run out first (fewest hours left: negative), then the running ones by hours left, then the reported one.
        Assert.Equal([late, urgent, plenty, reported], Order(html));
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);

        // By awareness, newest first, when asked.
        Assert.Equal([reported, plenty, urgent, late], Order(await Html(anna, $"/ostersund/incidenter?sok=ordning+{tag}&sortera=kannedom&ordning=fallande")));

        // Search by title word and by case number.
        var one = await Html(anna, $"/ostersund/incidenter?sok={Uri.EscapeDataString($"{tag} BRÅTTOM")}");
        Assert.Contains(numbers[urgent], one, StringComparison.Ordinal);
        Assert.DoesNotContain(numbers[plenty], one, StringComparison.Ordinal);
        var byNumber = await Html(anna, $"/ostersund/incidenter?sok={Uri.EscapeDataString(numbers[late])}");
        Assert.Contains(numbers[late], byNumber, StringComparison.Ordinal);
        Assert.DoesNotContain(numbers[urgent], byNumber, StringComparison.Ordinal);

        // The export takes the search and the order.
        var csv = System.Text.Encoding.UTF8.GetString(await anna.GetByteArrayAsync($"/ostersund/incidenter/export?format=csv&sok=ordning+{tag}"));
        Assert.Equal([late, urgent, plenty, reported], Order(csv));
    }

    private async Task<Guid> CreateBreachAsync(HttpClient client, DateTimeOffset awareAt, string title)
    {
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var response = await client.PostAsJsonAsync("/api/v1/ostersund/breaches", new
        {
            title,
            controllerIds = new[] { controller },
            awareAt,
            description = "Fel mottagare.",
            types = new[] { "Confidentiality" },
            cause = "MisdirectedMail",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form as a browser does: with the antiforgery token from <paramref name="page"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string target, List<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + page);
        fields.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    private static string Row(string html, string caseNumber)
    {
        var at = html.IndexOf(caseNumber, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{caseNumber} is not listed");
        return html[html.LastIndexOf("<tr>", at, StringComparison.Ordinal)..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("aria-sort=\"(ascending|descending)\"")]
    private static partial Regex AriaSort();
}
