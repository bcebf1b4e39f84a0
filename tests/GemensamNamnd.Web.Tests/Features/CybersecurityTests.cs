using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Features.SupplierIncidents;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// Issue 20 on PostgreSQL: the cybersecurity act's clocks through the API (the exact shape a check depends on), bad input,
/// and one supplier incident fanned out to three parties' registers without cross-party reads.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CybersecurityTests(AppFactory app)
{
    private const string Base = "/api/v1/ostersund/breaches";

    private static readonly string[] CyberProperties =
        ["earlyWarningDueAt", "notificationDueAt", "finalReportDueAt", "earlyWarningSentAt", "notificationSentAt", "finalReportSentAt"];

    private async Task<Dictionary<string, object?>> BodyAsync(DateTimeOffset awareAt, bool? significant) => new()
    {
        ["title"] = "Intrång i e-tjänsten " + Guid.NewGuid().ToString("N")[..6],
        ["controllerIds"] = new[] { await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync()) },
        ["awareAt"] = awareAt,
        ["description"] = "Obehörig åtkomst till e-tjänsten.",
        ["types"] = new[] { "Confidentiality" },
        ["cause"] = "HackingOrMalware",
        ["significantIncident"] = significant,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [PostgresFact]
    public async Task Api_SignificantIncident_CarriesTheCybersecurityObject_ExactlyAsSpecified()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = DateTimeOffset.UtcNow.AddHours(-30);
        aware = new DateTimeOffset(aware.Ticks - (aware.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var created = await JsonAsync(await anna.PostAsJsonAsync(Base, await BodyAsync(aware, true)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var one = await JsonAsync(await anna.GetAsync($"{Base}/{id}"), HttpStatusCode.OK);
        Assert.True(one.GetProperty("significantIncident").GetBoolean());
        var cyber = one.GetProperty("cybersecurity");
        Assert.Equal(CyberProperties, cyber.EnumerateObject().Select(p => p.Name));
        Assert.Equal(aware.AddHours(24), cyber.GetProperty("earlyWarningDueAt").GetDateTimeOffset());
        Assert.Equal(aware.AddHours(72), cyber.GetProperty("notificationDueAt").GetDateTimeOffset());
        foreach (var name in new[] { "finalReportDueAt", "earlyWarningSentAt", "notificationSentAt", "finalReportSentAt" })
        {
            Assert.Equal(JsonValueKind.Null, cyber.GetProperty(name).ValueKind);
        }

        // ISO 8601 instants.
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", cyber.GetProperty("earlyWarningDueAt").GetString());

        // The final report cannot come before the notification: 400, nothing stored.
        var version = one.GetProperty("version").GetGuid();
        var early = await anna.PostAsJsonAsync($"{Base}/{id}/cybersecurity/final-report", new { sentAt = aware.AddHours(2), version });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var warned = await JsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/cybersecurity/early-warning", new { sentAt = aware.AddHours(20), version }), HttpStatusCode.OK);
        var notifiedAt = aware.AddHours(29);
        await JsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/cybersecurity/notification", new { sentAt = notifiedAt, version = warned.GetProperty("version").GetGuid() }), HttpStatusCode.OK);

        cyber = (await JsonAsync(await anna.GetAsync($"{Base}/{id}"), HttpStatusCode.OK)).GetProperty("cybersecurity");
        Assert.Equal(aware.AddHours(20), cyber.GetProperty("earlyWarningSentAt").GetDateTimeOffset());
        Assert.Equal(notifiedAt, cyber.GetProperty("notificationSentAt").GetDateTimeOffset());
        Assert.Equal(CybersecurityClock.FinalReportDue(notifiedAt, Swedish.TimeZone), cyber.GetProperty("finalReportDueAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, cyber.GetProperty("finalReportSentAt").ValueKind);
        var events = await app.InParty("ostersund", db => db.BreachEvents.Where(e => e.BreachId == id).Select(e => e.Text).ToListAsync());
        Assert.Contains(events, e => e.StartsWith("Tidig varning enligt cybersäkerhetslagen skickad", StringComparison.Ordinal));

        // Not significant: cybersecurity is null.
        var plain = await JsonAsync(await anna.PostAsJsonAsync(Base, await BodyAsync(aware, null)), HttpStatusCode.Created);
        var plainOne = await JsonAsync(await anna.GetAsync($"{Base}/{plain.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, plainOne.GetProperty("cybersecurity").ValueKind);
        Assert.False(plainOne.GetProperty("significantIncident").GetBoolean());
    }

    [PostgresFact]
    public async Task Api_BadInput_IsRefusedInSwedish_NothingStored()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = DateTimeOffset.UtcNow.AddHours(-5);
        var created = await JsonAsync(await anna.PostAsJsonAsync(Base, await BodyAsync(aware, true)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetGuid();

        var before = await anna.PostAsJsonAsync($"{Base}/{id}/cybersecurity/early-warning", new { sentAt = aware.AddHours(-1), version });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("före tidpunkten då parten fick kännedom", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await anna.PostAsJsonAsync($"{Base}/{id}/cybersecurity/slutrapport", new { sentAt = aware, version });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Okänt steg", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.PostAsJsonAsync($"{Base}/{Guid.NewGuid()}/cybersecurity/early-warning", new { sentAt = aware, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anna.PostAsJsonAsync($"{Base}/{id}/cybersecurity/early-warning", new { sentAt = aware, version = Guid.NewGuid() })).StatusCode);
        var stored = await app.InParty("ostersund", db => db.Breaches.SingleAsync(b => b.Id == id));
        Assert.Null(stored.EarlyWarningSentAt);
        Assert.Equal(version, stored.Version);

        // Not significant: recording a step is refused.
        var plain = await JsonAsync(await anna.PostAsJsonAsync(Base, await BodyAsync(aware, false)), HttpStatusCode.Created);
        var refused = await anna.PostAsJsonAsync($"{Base}/{plain.GetProperty("id").GetGuid()}/cybersecurity/early-warning", new { sentAt = aware, version = plain.GetProperty("version").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [PostgresFact]
    public async Task SupplierIncident_ThreeParties_ThreeDrafts_IndependentClocks_NoCrossPartyRead()
    {
        using var bo = app.ClientFor(AppFactory.Demo("bo")); // DPO of Östersund, Krokom and Åre; may choose any parties
        var supplierId = await app.InParty("ostersund", db => db.Suppliers.Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync());
        var parties = await app.InParty("ostersund", db => db.Parties.Where(p => p.Slug == "ostersund" || p.Slug == "krokom" || p.Slug == "berg").ToDictionaryAsync(p => p.Slug, p => p.Id));
        var title = "Lärplattformen " + Guid.NewGuid().ToString("N")[..6];
        var incidentsBefore = await app.InParty("ostersund", db => db.Set<SupplierIncident>().CountAsync());

        // No party: refused, nothing stored.
        var none = await PostFormAsync(bo, "/leverantorsincidenter", Form(supplierId, title, []));
        Assert.Contains("Välj minst en berörd part", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(incidentsBefore, await app.InParty("ostersund", db => db.Set<SupplierIncident>().CountAsync()));

        var response = await PostFormAsync(bo, "/leverantorsincidenter", Form(supplierId, title, [.. parties.Values]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var incident = await app.InParty("ostersund", db => db.Set<SupplierIncident>().SingleAsync(i => i.Title == title));
        Assert.Equal(parties.Values.Order(), incident.PartyIds.Order());

        var drafts = new Dictionary<string, Web.Features.Breaches.Breach>();
        foreach (var (slug, _) in parties)
        {
            drafts[slug] = await app.InParty(slug, db => db.Breaches.SingleAsync(b => b.SupplierIncidentId == incident.Id));
            Assert.Equal(supplierId, drafts[slug].SupplierId);
            Assert.Equal(drafts[slug].AwareAt.AddHours(72), drafts[slug].ImyDeadlineAt);
        }

        Assert.Equal(3, drafts.Values.Select(d => d.Id).Distinct().Count());
        // Each party's clock is its own: Krokom learnt later; the others do not move.
        await app.InParty("krokom", async db =>
        {
            var d = await db.Breaches.SingleAsync(b => b.Id == drafts["krokom"].Id);
            d.AwareAt = d.AwareAt.AddHours(5);
            d.ImyDeadlineAt = BreachClock.DeadlineFor(d.AwareAt);
            await db.SaveChangesAsync();
            return true;
        });
        Assert.Equal(drafts["ostersund"].ImyDeadlineAt, await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == drafts["ostersund"].Id).Select(b => b.ImyDeadlineAt).SingleAsync()));
        Assert.Equal(drafts["berg"].ImyDeadlineAt, await app.InParty("berg", db => db.Breaches.Where(b => b.Id == drafts["berg"].Id).Select(b => b.ImyDeadlineAt).SingleAsync()));

        // Bo (not of Berg) cannot read Berg's draft, through his own party's route or Berg's.
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/ostersund/incidenter/{drafts["berg"].Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await bo.GetAsync($"/berg/incidenter/{drafts["berg"].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/api/v1/ostersund/breaches/{drafts["berg"].Id}")).StatusCode);

        // The incident page: each party's status only, never a case number.
        var page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/leverantorsincidenter/{incident.Id}"));
        Assert.Contains("Bergs kommun", page, StringComparison.Ordinal);
        Assert.Contains("Registrerad", page, StringComparison.Ordinal);
        foreach (var d in drafts.Values)
        {
            Assert.DoesNotContain(d.CaseNumber, page, StringComparison.Ordinal);
            Assert.DoesNotContain(d.Id.ToString(), page, StringComparison.Ordinal);
        }

        // An update from the supplier lands on every draft's timeline.
        var update = await PostFormAsync(bo, $"/leverantorsincidenter/{incident.Id}?handler=Update", new() { ["UpdateText"] = "Leverantören har stängt sårbarheten." }, $"/leverantorsincidenter/{incident.Id}");
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        foreach (var (slug, d) in drafts)
        {
            Assert.True(await app.InParty(slug, db => db.BreachEvents.AnyAsync(e => e.BreachId == d.Id && e.Text.Contains("stängt sårbarheten"))), slug);
        }
    }

    [PostgresFact]
    public async Task SupplierIncident_FanOutStoppedHalfWay_IsFinished_OneDraftPerParty()
    {
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var supplierId = await app.InParty("ostersund", db => db.Suppliers.Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync());
        var parties = await app.InParty("ostersund", db => db.Parties.Where(p => p.Slug == "krokom" || p.Slug == "berg").ToDictionaryAsync(p => p.Slug, p => p.Id));
        var told = DateTimeOffset.UtcNow.AddHours(-3);
        told = new DateTimeOffset(told.UtcTicks - (told.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        // The incident was stored but the instance stopped before Berg's draft: Krokom has one, Berg none.
        var incident = new SupplierIncident
        {
            SupplierId = supplierId,
            Title = "Avbruten " + Guid.NewGuid().ToString("N")[..6],
            Description = "E-tjänsteleverantören meddelar ett intrång.",
            SupplierAwareAt = told.AddHours(-1),
            PartiesToldAt = told,
            RecordedAt = told,
            RecordedBy = "Bo Berglund",
            PartyIds = [.. parties.Values],
        };
        await app.InParty("ostersund", async db => { db.Add(incident); await db.SaveChangesAsync(); return true; });
        await app.InParty("krokom", async db =>
        {
            var controller = await db.DataControllers.Where(c => c.IsActive).Select(c => c.Id).FirstAsync();
            db.Breaches.Add(new Web.Features.Breaches.Breach { CaseNumber = "PUI-LEV-" + Guid.NewGuid().ToString("N")[..6], Title = "Utkast", Description = "Utkast", ControllerIds = [controller], AwareAt = told, ImyDeadlineAt = told.AddHours(72), SupplierIncidentId = incident.Id });
            await db.SaveChangesAsync();
            return true;
        });

        var page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/leverantorsincidenter/{incident.Id}"));
        Assert.Contains("Skapa saknade utkast", page, StringComparison.Ordinal);
        var finish = await PostFormAsync(bo, $"/leverantorsincidenter/{incident.Id}?handler=Drafts", [], $"/leverantorsincidenter/{incident.Id}");
        Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
        Assert.Contains("1 utkast skapades", WebUtility.HtmlDecode(await bo.GetStringAsync($"/leverantorsincidenter/{incident.Id}")), StringComparison.Ordinal);

        var berg = await app.InParty("berg", db => db.Breaches.SingleAsync(b => b.SupplierIncidentId == incident.Id));
        Assert.Equal(told, berg.AwareAt); // the parties' own awareness, as recorded on the incident, not the time of the retry
        Assert.Equal(1, await app.InParty("krokom", db => db.Breaches.CountAsync(b => b.SupplierIncidentId == incident.Id)));

        // Again: nothing more, and the button is gone.
        await PostFormAsync(bo, $"/leverantorsincidenter/{incident.Id}?handler=Drafts", [], $"/leverantorsincidenter/{incident.Id}");
        Assert.Equal(1, await app.InParty("berg", db => db.Breaches.CountAsync(b => b.SupplierIncidentId == incident.Id)));
        Assert.DoesNotContain("Skapa saknade utkast", WebUtility.HtmlDecode(await bo.GetStringAsync($"/leverantorsincidenter/{incident.Id}")), StringComparison.Ordinal);

        // Two instances finishing at once cannot make two: the database holds one draft per party and incident.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.InParty("berg", async db =>
        {
            db.Breaches.Add(new Web.Features.Breaches.Breach { CaseNumber = "PUI-LEV-" + Guid.NewGuid().ToString("N")[..6], Title = "Dubblett", Description = "Dubblett", ControllerIds = berg.ControllerIds, AwareAt = told, ImyDeadlineAt = told.AddHours(72), SupplierIncidentId = incident.Id });
            await db.SaveChangesAsync();
            return true;
        }));
    }

    [PostgresFact]
    public async Task SupplierIncidentApi_RecordsAndFansOut_StatusOnly_BadInputIsASwedish400_AndOnlyDposAndAdministratorsMayUseIt()
    {
        using var eva = app.ClientFor(AppFactory.Demo("eva")); // DPO of the region
        var supplierId = await app.InParty("ostersund", db => db.Suppliers.Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync());
        var parties = await app.InParty("ostersund", db => db.Parties.Where(p => p.Slug == "region-jh" || p.Slug == "ragunda").Select(p => p.Id).ToListAsync());
        var title = "E-tjänsten " + Guid.NewGuid().ToString("N")[..6];
        var aware = DateTimeOffset.UtcNow.AddHours(-4);
        var before = await app.InParty("ostersund", db => db.Set<SupplierIncident>().CountAsync());

        // No party, and a told time before the supplier knew: 400 in Swedish, field by field, nothing stored.
        var bad = await eva.PostAsJsonAsync("/api/v1/supplier-incidents", new { supplierId, title, description = "Intrång.", supplierAwareAt = aware, partyIds = Array.Empty<Guid>(), partiesToldAt = aware.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Välj minst en berörd part", problem, StringComparison.Ordinal);
        Assert.Contains("Parterna kan inte ha fått veta före leverantören", problem, StringComparison.Ordinal);
        var malformed = await eva.PostAsync("/api/v1/supplier-incidents", new StringContent("{\"supplierId\": 12", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(before, await app.InParty("ostersund", db => db.Set<SupplierIncident>().CountAsync()));

        // Anna (case officer) and Stina (e-strateg) may not record one.
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        var body = new { supplierId, title, description = "Intrång i e-tjänsten.", supplierAwareAt = aware, partyIds = parties };
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync("/api/v1/supplier-incidents", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stina.GetAsync("/api/v1/supplier-incidents")).StatusCode);

        var created = await JsonAsync(await eva.PostAsJsonAsync("/api/v1/supplier-incidents", body), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var progress = created.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(parties.Order(), progress.Select(p => p.GetProperty("partyId").GetGuid()).Order());
        Assert.All(progress, p =>
        {
            Assert.Equal("Registered", p.GetProperty("status").GetString());
            Assert.False(p.GetProperty("reportedToImy").GetBoolean());
            Assert.Equal(["partyId", "status", "reportedToImy"], p.EnumerateObject().Select(x => x.Name)); // status only
        });

        var read = await JsonAsync(await eva.GetAsync($"/api/v1/supplier-incidents/{id}"), HttpStatusCode.OK);
        Assert.Equal(title, read.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await eva.GetAsync($"/api/v1/supplier-incidents/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await eva.PostAsJsonAsync($"/api/v1/supplier-incidents/{id}/updates", new { text = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eva.PostAsJsonAsync($"/api/v1/supplier-incidents/{id}/updates", new { text = "Sårbarheten är stängd." })).StatusCode);
        var ragunda = await app.InParty("ragunda", db => db.Breaches.SingleAsync(b => b.SupplierIncidentId == id));
        Assert.True(await app.InParty("ragunda", db => db.BreachEvents.AnyAsync(e => e.BreachId == ragunda.Id && e.Text.Contains("Sårbarheten är stängd"))));
    }

    [PostgresFact]
    public async Task SupplierIncident_SuggestsTheParties_ThatRunItsSystem_HaveAnAgreement_OrNameItInTheirRecord()
    {
        var supplier = new GemensamNamnd.Web.Features.Suppliers.Supplier { Name = "Förslagsleverantör " + Guid.NewGuid().ToString("N")[..6], Country = "SE" };
        await app.InParty("ostersund", async db => { db.Suppliers.Add(supplier); return await db.SaveChangesAsync(); });
        await app.InParty("ostersund", async db =>
        {
            db.PartySystems.Add(new GemensamNamnd.Web.Features.Systems.PartySystem { Name = "Förslagssystemet", SupplierId = supplier.Id, IsActive = true });
            return await db.SaveChangesAsync();
        });
        await app.InParty("krokom", async db =>
        {
            var controller = await db.DataControllers.Select(c => c.Id).FirstAsync();
            db.ProcessorAgreements.Add(new GemensamNamnd.Web.Features.Processors.ProcessorAgreement { SupplierId = supplier.Id, ControllerIds = [controller], ValidFrom = new DateOnly(2025, 1, 1) });
            return await db.SaveChangesAsync();
        });
        await app.InParty("are", async db =>
        {
            var controller = await db.DataControllers.Select(c => c.Id).FirstAsync();
            db.ProcessingActivities.Add(new GemensamNamnd.Web.Features.Processing.ProcessingActivity { ControllerId = controller, Name = "Förslagsbehandling", SupplierIds = [supplier.Id] });
            return await db.SaveChangesAsync();
        });
        await app.InParty("berg", async db =>
        {
            db.PartySystems.Add(new GemensamNamnd.Web.Features.Systems.PartySystem { Name = "Förslagssystemet (avvecklat)", SupplierId = supplier.Id, IsActive = false });
            return await db.SaveChangesAsync();
        });
        var expected = await app.InParty("ostersund", db => db.Parties.Where(p => p.Slug == "ostersund" || p.Slug == "krokom" || p.Slug == "are").Select(p => p.Id).ToListAsync());

        using var scope = app.Services.CreateScope();
        var suggested = await scope.ServiceProvider.GetRequiredService<SupplierIncidentParties>().SuggestAsync(supplier.Id);
        Assert.Equal(expected.Order(), suggested.Order()); // Berg's system is out of use: not suggested
    }

    private static Dictionary<string, string> Form(Guid supplierId, string title, List<Guid> partyIds)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-2), Swedish.TimeZone);
        var form = new Dictionary<string, string>
        {
            ["SupplierId"] = supplierId.ToString(),
            ["Title"] = title,
            ["Description"] = "Obehörig åtkomst till plattformen hos leverantören.",
            ["SupplierAwareDate"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["SupplierAwareTime"] = now.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < partyIds.Count; i++)
        {
            form[$"PartyIds[{i}]"] = partyIds[i].ToString();
        }

        return form;
    }

    /// <summary>Posts a page form as a browser does: with the antiforgery token (and cookie) from the form's GET.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formUrl = null)
    {
        var page = await client.GetStringAsync(formUrl ?? url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
