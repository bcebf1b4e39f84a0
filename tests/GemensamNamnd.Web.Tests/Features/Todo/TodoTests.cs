using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Todo;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Todo;

/// <summary>
/// The to-do list (<c>/att-gora</c>, <c>GET /api/v1/me/todo</c>, the calendar feed): every kind from stored state, ordered by
/// due time, the exact JSON shape, only the user's own parties and roles, and never a skyddad identitet case the user may
/// not open. Each test builds a party of its own (with its own Entra tenant and users) beside the demo parties.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TodoTests(AppFactory app)
{
    private static readonly string[] Shape = ["party", "kind", "caseNumber", "title", "dueAt", "overdue", "url"];

    private sealed record TestParty(Guid Id, string Slug, Guid Tenant, Guid Dpo, Guid Officer, Guid Admin, Guid OfficerUserId, Guid ControllerId);

    private static DateOnly Today => Swedish.Date(DateTimeOffset.UtcNow);

    private async Task<TestParty> CreatePartyAsync()
    {
        var slug = $"todo-{Guid.NewGuid().ToString("N")[..8]}";
        var tenant = Guid.NewGuid();
        var (dpo, officer, admin) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Guid partyId, officerUserId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var party = new Party { Slug = slug, Name = $"Testkommun {slug}", Kind = PartyKind.Kommun, EntraTenantIds = [tenant] };
            db.Parties.Add(party);
            AppUser User(string name, Guid oid, PartyRole role)
            {
                var u = new AppUser { DisplayName = name, EntraTenantId = tenant, EntraObjectId = oid, Email = $"{oid:N}@example.org" };
                u.Memberships.Add(new Membership { PartyId = party.Id, Role = role });
                return u;
            }

            var officerUser = User("Olle Officer", officer, PartyRole.Handlaggare);
            db.Users.AddRange(User("Dina Dpo", dpo, PartyRole.Dataskyddsombud), officerUser, User("Adam Admin", admin, PartyRole.Administrator));
            await db.SaveChangesAsync();
            (partyId, officerUserId) = (party.Id, officerUser.Id);
        }

        var controller = await app.InParty(slug, async db =>
        {
            var c = new DataController { Name = "Kommunstyrelsen", Kind = DataControllerKind.Namnd };
            db.DataControllers.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return new TestParty(partyId, slug, tenant, dpo, officer, admin, officerUserId, controller);
    }

    private HttpClient As(TestParty p, Guid oid) => app.ClientWithToken(TestTokens.Issue(p.Tenant, oid));

    private static DataSubjectRequest Request(TestParty p, string caseNumber, RequestStatus status, DateOnly effectiveDue, DateOnly? due = null, bool protectedIdentity = false) => new()
    {
        CaseNumber = caseNumber,
        RequesterName = "Hemliga Hemligsson",
        ControllerId = p.ControllerId,
        ReceivedAt = DateTimeOffset.UtcNow.AddDays(-20),
        Rights = DataSubjectRights.Access,
        ClockStartOn = Today.AddDays(-20),
        DueOn = due ?? effectiveDue,
        ExtendedDueOn = (due ?? effectiveDue).AddMonths(2),
        EffectiveDueOn = effectiveDue,
        Status = status,
        ProtectedIdentity = protectedIdentity,
    };

    private static Breach Breach(TestParty p, string caseNumber, DateTimeOffset aware) => new()
    {
        CaseNumber = caseNumber,
        ControllerIds = [p.ControllerId],
        Title = "Hemlig incidenttitel",
        Description = "Beskrivning",
        AwareAt = aware,
        ImyDeadlineAt = aware.AddHours(72),
    };

    private static async Task<List<JsonElement>> TodoAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me/todo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    [PostgresFact]
    public async Task EveryKind_IsDerivedFromStoredState_ForTheRolesThatActOnIt_OrderedByDueTime()
    {
        var p = await CreatePartyAsync();
        var now = DateTimeOffset.UtcNow;
        var awareAt = now.AddHours(-10);
        var settings = new PartySettings();
        await app.InParty(p.Slug, async db =>
        {
            db.Requests.AddRange(
                Request(p, "T 1/overdue", RequestStatus.InProgress, Today.AddDays(-3)),
                Request(p, "T 2/due", RequestStatus.InProgress, Today.AddDays(2)),
                Request(p, "T 4/closed", RequestStatus.Answered, Today.AddDays(-3)),
                Request(p, "T 5/far", RequestStatus.Registered, Today.AddDays(30)));
            var waiting = Request(p, "T 3/identity", RequestStatus.IdentityCheck, Today.AddDays(20));
            waiting.IdentityCheckAskedAt = now.AddDays(-10);
            db.Requests.Add(waiting);

            var unassessed = Breach(p, "I 2/assess", now.AddDays(-5));
            (unassessed.Reportable, unassessed.NotReportableReason, unassessed.Status) = (false, "Ingen risk", BreachStatus.Assessed);
            var reported = Breach(p, "I 3/supplement", now.AddDays(-6));
            (reported.Reportable, reported.ReportedAt, reported.Risk, reported.Status, reported.SupplementDueOn) = (true, now.AddDays(-5), RiskLevel.Risk, BreachStatus.ReportedToImy, Today.AddDays(5));
            var closed = Breach(p, "I 4/closed", now.AddHours(-5));
            closed.Status = BreachStatus.Closed;
            db.Breaches.AddRange(Breach(p, "I 1/clock", awareAt), unassessed, reported, closed);

            // A second controller with an ordinary DPO ending in 10 days whom IMY was never told of; the first has none.
            var second = new DataController { Name = "Socialnämnden", Kind = DataControllerKind.Namnd };
            db.DataControllers.Add(second);
            var person = new DpoPerson { Name = "Tilde Tillfällig" };
            db.DpoPersons.Add(person);
            db.DpoAllocations.Add(new DpoAllocation
            {
                PersonId = person.Id,
                Role = DpoRole.Ordinarie,
                ControllerIds = [second.Id],
                SharePercent = 20,
                StartsOn = Today.AddDays(-30),
                EndsOn = Today.AddDays(10),
                ReportsTo = "Kommunstyrelsen",
                ReportingLevel = ReportingLevel.HighestManagement,
            });

            // An activity whose screening requires an assessment not made; a system run by a processor without an agreement.
            db.ProcessingActivities.Add(new GemensamNamnd.Web.Features.Processing.ProcessingActivity { ControllerId = second.Id, Name = "Kameraövervakning", ScreenedOn = Today.AddDays(-1), DpiaRequired = true });
            var supplier = new GemensamNamnd.Web.Features.Suppliers.Supplier { Name = "Att göra-leverantör " + Guid.NewGuid().ToString("N")[..6], Country = "SE" };
            db.Suppliers.Add(supplier);
            db.PartySystems.Add(new GemensamNamnd.Web.Features.Systems.PartySystem { Name = "Kamerasystemet", SupplierId = supplier.Id, IsActive = true });
            return await db.SaveChangesAsync();
        });

        var round = await AddRoundAsync();
        try
        {
            var dpo = await TodoAsync(As(p, p.Dpo));
            var expected = new[]
            {
                "request.overdue", "request.due", "request.extension-notice", "request.identity-check",
                "breach.clock", "breach.assessment", "breach.supplement",
                "dpo.gap", "dpo.ending", "dpo.imy-notice", "drill.overdue", "maturity.closing",
                "dpia.missing", "processor.agreement",
            };
            Assert.Equal(expected.Order(), dpo.Select(i => i.GetProperty("kind").GetString()!).Distinct().Order());
            Assert.DoesNotContain(dpo, i => i.GetProperty("caseNumber").GetString() is "T 4/closed" or "T 5/far" or "I 4/closed");

            // The exact shape, in order of due time, every item in this party, overdue exactly when its time has passed.
            foreach (var item in dpo)
            {
                Assert.Equal(Shape, item.EnumerateObject().Select(o => o.Name));
                Assert.Equal(p.Slug, item.GetProperty("party").GetString());
                Assert.StartsWith($"/{p.Slug}/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
                Assert.EndsWith("Z", item.GetProperty("dueAt").GetString(), StringComparison.Ordinal);
                Assert.Equal(item.GetProperty("dueAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow, item.GetProperty("overdue").GetBoolean());
                Assert.DoesNotContain("Hemlig", item.GetProperty("title").GetString(), StringComparison.Ordinal);
            }

            var times = dpo.Select(i => i.GetProperty("dueAt").GetDateTimeOffset()).ToList();
            Assert.Equal(times.Order(), times);

            JsonElement One(string caseNumber, string kind) => Assert.Single(dpo, i => i.GetProperty("caseNumber").GetString() == caseNumber && i.GetProperty("kind").GetString() == kind);
            Assert.Equal(TodoTime.EndOf(Today.AddDays(-3)), One("T 1/overdue", "request.overdue").GetProperty("dueAt").GetDateTimeOffset());
            Assert.True(One("T 1/overdue", "request.overdue").GetProperty("overdue").GetBoolean());
            Assert.False(One("T 2/due", "request.due").GetProperty("overdue").GetBoolean());
            Assert.Equal(TodoTime.EndOf(Swedish.Date(now.AddDays(-10)).AddDays(settings.IdentityCheckReminderDays)),
                One("T 3/identity", "request.identity-check").GetProperty("dueAt").GetDateTimeOffset());
            Assert.Equal(awareAt.AddHours(72).ToUnixTimeSeconds(), One("I 1/clock", "breach.clock").GetProperty("dueAt").GetDateTimeOffset().ToUnixTimeSeconds());
            Assert.Equal($"/{p.Slug}/incidenter/", One("I 1/clock", "breach.clock").GetProperty("url").GetString()![..^36]);
            Assert.True(One("Kommunstyrelsen", "dpo.gap").GetProperty("overdue").GetBoolean());
            Assert.True(One("Kameraövervakning", "dpia.missing").GetProperty("overdue").GetBoolean());
            Assert.StartsWith($"/{p.Slug}/konsekvensbedomningar/ny?ActivityId=", One("Kameraövervakning", "dpia.missing").GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Single(dpo, i => i.GetProperty("kind").GetString() == "processor.agreement" && i.GetProperty("caseNumber").GetString()!.StartsWith("Att göra-leverantör", StringComparison.Ordinal));

            // The officer works the cases: no DPO follow-up or self-assessment; the administrator only those.
            var officerKinds = (await TodoAsync(As(p, p.Officer))).Select(i => i.GetProperty("kind").GetString()!).Distinct().ToList();
            Assert.Equal(expected.Where(k => k.StartsWith("request.", StringComparison.Ordinal) || k.StartsWith("breach.", StringComparison.Ordinal) || k is "drill.overdue" or "dpia.missing").Order(), officerKinds.Order());
            var adminKinds = (await TodoAsync(As(p, p.Admin))).Select(i => i.GetProperty("kind").GetString()!).Distinct().ToList();
            Assert.Equal(expected.Where(k => k.StartsWith("dpo.", StringComparison.Ordinal) || k is "maturity.closing" or "processor.agreement").Order(), adminKinds.Order());
        }
        finally
        {
            await RemoveRoundAsync(round);
        }
    }

    [PostgresFact]
    public async Task AProtectedCase_IsListedOnlyForTheDpo_AndTheOfficerItIsAssignedTo()
    {
        var p = await CreatePartyAsync();
        var id = await app.InParty(p.Slug, async db =>
        {
            var r = Request(p, "T 9/skyddad", RequestStatus.InProgress, Today.AddDays(-1), protectedIdentity: true);
            db.Requests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

        Assert.Contains(await TodoAsync(As(p, p.Dpo)), i => i.GetProperty("caseNumber").GetString() == "T 9/skyddad");
        Assert.DoesNotContain(await TodoAsync(As(p, p.Officer)), i => i.GetProperty("caseNumber").GetString() == "T 9/skyddad");
        var page = await (await As(p, p.Officer).GetAsync("/att-gora")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("T 9/skyddad", page, StringComparison.Ordinal);

        await app.InParty(p.Slug, async db => await db.Requests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AssignedOfficerId, p.OfficerUserId)));
        Assert.Contains(await TodoAsync(As(p, p.Officer)), i => i.GetProperty("caseNumber").GetString() == "T 9/skyddad");
    }

    [PostgresFact]
    public async Task TheList_NeverHoldsAnotherUsersParties()
    {
        var p = await CreatePartyAsync();
        await app.InParty(p.Slug, async db =>
        {
            db.Requests.Add(Request(p, "T 7/ours", RequestStatus.InProgress, Today.AddDays(-2)));
            return await db.SaveChangesAsync();
        });

        var bo = await TodoAsync(app.ClientFor(AppFactory.Demo("bo")));
        Assert.NotEmpty(bo);
        Assert.All(bo, i => Assert.Contains(i.GetProperty("party").GetString(), new[] { "ostersund", "krokom", "are" }));
        Assert.DoesNotContain(bo, i => i.GetProperty("caseNumber").GetString() == "T 7/ours");

        var dpo = await TodoAsync(As(p, p.Dpo));
        Assert.All(dpo, i => Assert.Equal(p.Slug, i.GetProperty("party").GetString()));

        // A filter naming a party the user is not in shows their own list, never the other party's.
        var html = await (await As(p, p.Dpo).GetAsync("/att-gora?part=ostersund")).Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Contains(doc.QuerySelectorAll("table.todo a"), a => a.TextContent == "T 7/ours");
        Assert.DoesNotContain(doc.QuerySelectorAll("table.todo a"), a => a.GetAttribute("href")!.StartsWith("/ostersund", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/me/todo")).StatusCode);
    }

    [PostgresFact]
    public async Task AMember_StartsOnTheList_AndThePartyStartPageShowsItsPartAndKeyFigures()
    {
        var p = await CreatePartyAsync();
        await app.InParty(p.Slug, async db =>
        {
            db.Requests.AddRange(
                Request(p, "T 1/late", RequestStatus.InProgress, Today.AddDays(-2)),
                Request(p, "T 2/open", RequestStatus.Registered, Today.AddDays(25)));
            db.Breaches.Add(Breach(p, "I 1/running", DateTimeOffset.UtcNow.AddHours(-1)));
            return await db.SaveChangesAsync();
        });
        var client = As(p, p.Officer);

        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/att-gora", start.Headers.Location!.OriginalString);

        var list = new HtmlParser().ParseDocument(await (await client.GetAsync("/att-gora")).Content.ReadAsStringAsync());
        var rows = list.QuerySelectorAll("table.todo tbody tr").Select(r => r.QuerySelector("th a")!.TextContent).ToList();
        // The overdue case, then the drill never held (due now), then the clock with 71 hours left; the far case is not due.
        Assert.Equal(["T 1/late", "Övning av incidentrutinen", "I 1/running"], rows);
        Assert.Contains("försenad", list.QuerySelector("table.todo tbody tr")!.TextContent, StringComparison.Ordinal);

        var home = new HtmlParser().ParseDocument(await (await client.GetAsync($"/{p.Slug}")).Content.ReadAsStringAsync());
        var figures = home.QuerySelectorAll(".key-figures li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["2 pågående begäranden", "1 försenad begäran", "1 72-timmarsklocka som tickar"], figures.Select(f => string.Join(' ', f.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Contains(home.QuerySelectorAll("table.todo a"), a => a.TextContent == "T 1/late");
    }

    [PostgresFact]
    public async Task TheCalendarFeed_HasTheDeadlinesWithoutPersonalData_AndStopsWhenRevoked()
    {
        var p = await CreatePartyAsync();
        await app.InParty(p.Slug, async db =>
        {
            db.Requests.Add(Request(p, "T 1/feed", RequestStatus.InProgress, Today.AddDays(3)));
            db.Breaches.Add(Breach(p, "I 1/feed", DateTimeOffset.UtcNow.AddHours(-2)));
            return await db.SaveChangesAsync();
        });

        // Made on the page (CSRF-protected form), shown once.
        var client = As(p, p.Dpo);
        var form = new HtmlParser().ParseDocument(await (await client.GetAsync("/att-gora/kalender")).Content.ReadAsStringAsync());
        var renew = form.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.Contains("handler=Renew", StringComparison.Ordinal));
        var token = renew.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = renew.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        var made = await client.PostAsync(renew.GetAttribute("action"), new FormUrlEncodedContent(fields));
        var address = new HtmlParser().ParseDocument(await made.Content.ReadAsStringAsync()).QuerySelector("code.feed-address")!.TextContent;
        var path = new Uri(address).AbsolutePath;
        Assert.Matches("^/kalender/[A-Za-z0-9_-]{43}\\.ics$", path);
        Assert.NotEmpty(token);

        var feed = await app.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:T 1/feed: Besvara begäran (art. 12.3)", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{Today.AddDays(3):yyyyMMdd}", ics, StringComparison.Ordinal);
        Assert.Contains("I 1/feed", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemlig", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));

        // Another secret, a malformed one, and the old one once renewed: nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/kalender/{new string('A', 43)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/kalender/x.ics")).StatusCode);
        string secret;
        using (var scope = app.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.EntraObjectId == p.Dpo);
            secret = await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().RenewAsync(user.Id, default);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(CalendarFeeds.PathOf(secret))).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.EntraObjectId == p.Dpo);
            await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().RevokeAsync(user.Id, default);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(CalendarFeeds.PathOf(secret))).StatusCode);
    }

    private async Task<Guid> AddRoundAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = MaturityRound.Draft(3000 + Random.Shared.Next(1, 5000), Today.AddDays(3));
        round.Status = RoundStatus.Open;
        round.OpenedAt = DateTimeOffset.UtcNow;
        db.MaturityRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    private async Task RemoveRoundAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().MaturityRounds.Where(r => r.Id == id).ExecuteDeleteAsync();
    }
}
