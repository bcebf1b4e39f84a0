using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Processors;
using GemensamNamnd.Web.Features.Suppliers;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Processors;

/// <summary>
/// Processors and agreements (Art. 28) and the DPO's consultation log (Art. 38(1)) on PostgreSQL with RLS: the status per
/// processor, suppliers shared without leaking agreements, bad input refused with nothing stored, another party's ids 404.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProcessorsTests(AppFactory app)
{
    private static DateOnly Today => Swedish.Today(TimeProvider.System);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> SupplierAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
        var s = new Supplier { Name = $"{name} {Guid.NewGuid():N}"[..40], Country = "SE" };
        db.Suppliers.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    }

    private Task<Guid> SystemAsync(string slug, Guid supplier, bool active = true) => app.InParty(slug, async db =>
    {
        var s = new PartySystem { Name = $"System {Guid.NewGuid():N}"[..30], SupplierId = supplier, IsActive = active };
        db.PartySystems.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    private Task<Guid> AgreementAsync(string slug, Guid supplier, DateOnly from, DateOnly? to, params SubProcessorNotice[] notices) => app.InParty(slug, async db =>
    {
        var controller = await db.DataControllers.Select(c => c.Id).FirstAsync();
        var a = new ProcessorAgreement { SupplierId = supplier, ControllerIds = [controller], ValidFrom = from, ValidTo = to, Standard = AgreementStandard.SkrTemplate, Notices = [.. notices] };
        db.ProcessorAgreements.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    private Task<int> AgreementCountAsync(string slug) => app.InParty(slug, db => db.ProcessorAgreements.CountAsync());

    [PostgresFact]
    public async Task TheApiList_GivesEachProcessorsStatus_AndAnotherPartysAgreementWithTheSameSupplierNeverCounts()
    {
        var inForce = await SupplierAsync("Gällande AB");
        var ending = await SupplierAsync("Snart slut AB");
        var expired = await SupplierAsync("Utgången AB");
        var missing = await SupplierAsync("Utan avtal AB");
        var notInUse = await SupplierAsync("Ur bruk AB");
        var bergOnly = await SupplierAsync("Bara Berg AB");
        await SystemAsync("krokom", inForce);
        await SystemAsync("krokom", ending);
        await SystemAsync("krokom", expired);
        await SystemAsync("krokom", missing);
        await SystemAsync("krokom", notInUse, active: false);
        await AgreementAsync("krokom", inForce, Today.AddYears(-1), null);
        await AgreementAsync("krokom", ending, Today.AddYears(-2), Today.AddDays(30),
            new SubProcessorNotice { ReceivedOn = Today.AddDays(-3), Description = "Nytt underbiträde i Irland" });
        await AgreementAsync("krokom", expired, Today.AddYears(-3), Today.AddDays(-1));

        // Berg has agreements in force with the supplier Krokom's has expired with, and with the one Krokom has none with.
        var bergExpired = await AgreementAsync("berg", expired, Today.AddYears(-1), null);
        await AgreementAsync("berg", missing, Today.AddYears(-1), null);
        await AgreementAsync("berg", bergOnly, Today.AddYears(-1), null);

        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var list = await bo.GetFromJsonAsync<JsonElement>("/api/v1/krokom/processors");
        var rows = list.EnumerateArray().ToDictionary(r => r.GetProperty("supplierId").GetGuid());
        Assert.Equal("InForce", rows[inForce].GetProperty("status").GetString());
        Assert.Equal("EndingSoon", rows[ending].GetProperty("status").GetString());
        Assert.Equal(Iso(Today.AddDays(30)), rows[ending].GetProperty("validTo").GetString());
        Assert.Equal(1, rows[ending].GetProperty("pendingNotices").GetInt32());
        Assert.Equal("Expired", rows[expired].GetProperty("status").GetString());
        Assert.Equal("Missing", rows[missing].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, rows[missing].GetProperty("agreementId").ValueKind);
        Assert.False(rows.ContainsKey(notInUse));
        Assert.False(rows.ContainsKey(bergOnly));

        // Berg's agreement by id, through Krokom's API and page: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/api/v1/krokom/processors/agreements/{bergExpired}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/krokom/personuppgiftsbitraden/avtal/{bergExpired}")).StatusCode);

        // The page says the same, in words, with the processors lacking an agreement counted.
        var html = WebUtility.HtmlDecode(await bo.GetStringAsync("/krokom/personuppgiftsbitraden"));
        Assert.Contains("Löper ut inom 90 dagar", html, StringComparison.Ordinal);
        Assert.Contains("Utgånget", html, StringComparison.Ordinal);
        Assert.Contains("Saknas", html, StringComparison.Ordinal);
        Assert.Contains("saknar ett gällande avtal", html, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AnEndBeforeTheStart_OrNoSupplier_IsRefusedInSwedish_AndNothingIsStored()
    {
        var supplier = await SupplierAsync("Felaktig AB");
        var controller = await app.InParty("krokom", db => db.DataControllers.Select(c => c.Id).FirstAsync());
        var before = await AgreementCountAsync("krokom");
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var endBeforeStart = await bo.PostAsJsonAsync("/api/v1/krokom/processors/agreements", new
        {
            supplierId = supplier,
            controllerIds = new[] { controller },
            validFrom = Iso(Today),
            validTo = Iso(Today.AddDays(-1)),
            standard = "SkrTemplate",
        });
        Assert.Equal(HttpStatusCode.BadRequest, endBeforeStart.StatusCode);
        var endProblem = await endBeforeStart.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AgreementRules.EndBeforeStart, endProblem.GetProperty("errors").GetProperty("ValidTo")[0].GetString());

        var noSupplier = await bo.PostAsJsonAsync("/api/v1/krokom/processors/agreements", new
        {
            controllerIds = new[] { controller },
            validFrom = Iso(Today),
            standard = "SkrTemplate",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noSupplier.StatusCode);
        var problem = await noSupplier.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("SupplierId", out _));

        var page = await PostFormAsync(bo, "/krokom/personuppgiftsbitraden/avtal/ny", new Dictionary<string, string>
        {
            ["SupplierId"] = supplier.ToString(),
            ["ControllerIds"] = controller.ToString(),
            ["ValidFrom"] = Iso(Today),
            ["ValidTo"] = Iso(Today.AddDays(-10)),
            ["Standard"] = "SkrTemplate",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(AgreementRules.EndBeforeStart, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await AgreementCountAsync("krokom"));
    }

    [PostgresFact]
    public async Task RecordingAnAgreementOnThePage_TurnsTheProcessorFromMissingToInForce_AndExports()
    {
        var supplier = await SupplierAsync("Ny leverantör AB");
        await SystemAsync("are", supplier);
        var controller = await app.InParty("are", db => db.DataControllers.Select(c => c.Id).FirstAsync());
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal("Missing", await StatusAsync(bo, supplier));

        var saved = await PostFormAsync(bo, $"/are/personuppgiftsbitraden/avtal/ny?leverantor={supplier}", new Dictionary<string, string>
        {
            ["SupplierId"] = supplier.ToString(),
            ["ControllerIds"] = controller.ToString(),
            ["SignedOn"] = Iso(Today.AddDays(-5)),
            ["ValidFrom"] = Iso(Today.AddDays(-5)),
            ["ValidTo"] = Iso(Today.AddYears(3)),
            ["Standard"] = "SupplierOwn",
            ["SubNames[0]"] = "Datacenter Dublin Ltd",
            ["SubCountries[0]"] = "ie",
            ["AuditDates[0]"] = Iso(Today.AddDays(-1)),
            ["AuditNotes[0]"] = "Granskat SOC 2-rapporten",
            ["NoticeReceived[0]"] = Iso(Today.AddDays(-2)),
            ["NoticeTexts[0]"] = "Byter driftleverantör",
            ["NoticeDecisions[0]"] = "Pending",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("InForce", await StatusAsync(bo, supplier));
        var stored = await app.InParty("are", db => db.ProcessorAgreements.AsNoTracking().SingleAsync(a => a.SupplierId == supplier));
        Assert.Equal("IE", Assert.Single(stored.SubProcessors).Country);
        Assert.Single(stored.Audits);
        var notice = Assert.Single(stored.Notices);
        Assert.Equal(NoticeDecision.Pending, notice.Decision);
        Assert.NotEqual(Guid.Empty, notice.Id);

        var xlsx = await bo.GetAsync("/are/personuppgiftsbitraden/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(Spreadsheet.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var csv = await bo.GetStringAsync("/are/personuppgiftsbitraden/export?format=csv");
        Assert.Contains("Gällande", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bo.GetAsync("/are/personuppgiftsbitraden/export?format=pdf")).StatusCode);
    }

    [PostgresFact]
    public async Task Suppliers_AreReadByEveryone_KeptByDposAndGlobalAdministrators_WithUniqueNames()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/leverantorer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/leverantorer/ny")).StatusCode);

        var name = $"Molnbolaget {Guid.NewGuid():N}"[..30];
        var bad = await PostFormAsync(bo, "/leverantorer/ny", new Dictionary<string, string> { ["Name"] = name, ["Country"] = "Sverige", ["IsActive"] = "true" });
        Assert.Contains("Ange landet med två bokstäver", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var ok = await PostFormAsync(bo, "/leverantorer/ny", new Dictionary<string, string> { ["Name"] = name, ["Country"] = "us", ["IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains(name, WebUtility.HtmlDecode(await anna.GetStringAsync("/leverantorer")), StringComparison.Ordinal);
        var again = await PostFormAsync(bo, "/leverantorer/ny", new Dictionary<string, string> { ["Name"] = name, ["Country"] = "SE", ["IsActive"] = "true" });
        Assert.Contains("finns redan i listan", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Consultations_NeedAReasonWhenTheAdviceWasNotFollowed_SayWhetherTheDpoWasAskedInGoodTime_AndStayInTheirParty()
    {
        var controller = await app.InParty("krokom", db => db.DataControllers.Select(c => c.Id).FirstAsync());
        var before = await app.InParty("krokom", db => db.DpoConsultations.CountAsync());
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var subject = "Kameraövervakning av skolgården " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["ControllerId"] = controller.ToString(),
            ["AskedOn"] = Iso(Today.AddDays(-3)),
            ["Subject"] = subject,
            ["Advice"] = "Gör en konsekvensbedömning först.",
            ["DecidedOn"] = Iso(Today.AddDays(-10)),
            ["Followed"] = "No",
        };
        var bad = await PostFormAsync(bo, "/krokom/radgivningslogg/ny", new Dictionary<string, string>(fields));
        Assert.Contains("Ange varför rådet inte följdes", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.InParty("krokom", db => db.DpoConsultations.CountAsync()));

        fields["FollowedNote"] = "Beslutet var redan fattat.";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(bo, "/krokom/radgivningslogg/ny", fields)).StatusCode);
        var html = WebUtility.HtmlDecode(await bo.GetStringAsync("/krokom/radgivningslogg"));
        var row = html[html.LastIndexOf("<tr>", html.IndexOf(subject, StringComparison.Ordinal), StringComparison.Ordinal)..];
        Assert.Contains("Nej, efter beslutet", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);

        // Krokom's consultation by id from Berg's log: 404 (David is Berg's officer).
        var id = await app.InParty("krokom", db => db.DpoConsultations.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync());
        using var david = app.ClientFor(AppFactory.Demo("david"));
        Assert.Equal(HttpStatusCode.NotFound, (await david.GetAsync($"/berg/radgivningslogg/{id}")).StatusCode);
        Assert.DoesNotContain(subject, WebUtility.HtmlDecode(await david.GetStringAsync("/berg/radgivningslogg")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/krokom/radgivningslogg/{id}")).StatusCode);
    }

    private static async Task<string?> StatusAsync(HttpClient client, Guid supplier)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/are/processors");
        return list.EnumerateArray().Single(r => r.GetProperty("supplierId").GetGuid() == supplier).GetProperty("status").GetString();
    }

    /// <summary>Posts a page form as a browser does: with the antiforgery token (and cookie) from the form's GET.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
