using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data.Seed;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>The breach pages: list and filters, the report to IMY without personal data, CSV, the drill warning, demo data.</summary>
[Collection(AppCollection.Name)]
public sealed class BreachPagesTests(AppFactory app)
{
    private async Task<Guid> CreateAsync(HttpClient client, DateTimeOffset awareAt, string title, string description)
    {
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var response = await client.PostAsJsonAsync("/api/v1/ostersund/breaches", new
        {
            title,
            controllerIds = new[] { controller },
            awareAt,
            description,
            types = new[] { "Confidentiality", "Integrity" },
            cause = "HackingOrMalware",
            groups = new[] { new { group = "Patients", approxCount = (int?)1200 }, new { group = "Staff", approxCount = (int?)null } },
            dataKinds = new[] { "Health", "Secrecy" },
            approxRecords = 5000,
            reportedInternallyBy = "Kalle Internsson",
            contactName = "Kontakt Persson",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [PostgresFact]
    public async Task List_ShowsTheClockInWords_AndFiltersOnIt()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var running = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-10).AddMinutes(-1), "Pågående " + Guid.NewGuid().ToString("N")[..6], "Intrång i journalsystem.");
        var late = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-75).AddMinutes(-1), "Försenad " + Guid.NewGuid().ToString("N")[..6], "Intrång i journalsystem.");
        var runningCase = await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == running).Select(b => b.CaseNumber).SingleAsync());
        var lateCase = await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == late).Select(b => b.CaseNumber).SingleAsync());

        var all = await Html(anna, "/ostersund/incidenter");
        Assert.Contains("61 timmar kvar", Row(all, runningCase), StringComparison.Ordinal);
        Assert.DoesNotContain("ds-tag", Row(all, runningCase), StringComparison.Ordinal);
        // Late: the words in the danger tag, never the colour alone.
        Assert.Contains("<span class=\"ds-tag status-tag\" data-color=\"danger\" data-urgency=\"Overdue\">4 timmar försenad</span>", Row(all, lateCase), StringComparison.Ordinal);

        var runningOnly = await Html(anna, "/ostersund/incidenter?klocka=pagar");
        Assert.Contains(runningCase, runningOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(lateCase, runningOnly, StringComparison.Ordinal);
        var lateOnly = await Html(anna, "/ostersund/incidenter?klocka=forsenade&status=Registered");
        Assert.Contains(lateCase, lateOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(runningCase, lateOnly, StringComparison.Ordinal);
        // An unknown filter value is ignored, not an error.
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/ostersund/incidenter?klocka=snart&risk=Massor&sida=-3")).StatusCode);

        var csvResponse = await anna.GetAsync("/ostersund/incidenter/export?format=csv&klocka=forsenade");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFDiarienummer;Rubrik;Status", csv, StringComparison.Ordinal);
        Assert.Contains(lateCase, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(runningCase, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalle Internsson", csv, StringComparison.Ordinal);

        // The same filter as an Excel workbook.
        var xlsx = await anna.GetAsync("/ostersund/incidenter/export?format=xlsx&klocka=forsenade");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new System.IO.Compression.ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var cells = string.Concat(workbook.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("Diarienummer", cells, StringComparison.Ordinal);
        Assert.Contains(lateCase, cells, StringComparison.Ordinal);
        Assert.DoesNotContain(runningCase, cells, StringComparison.Ordinal);
        Assert.Contains("/ostersund/incidenter/export?format=xlsx", await Html(anna, "/ostersund/incidenter"), StringComparison.Ordinal);

        // Typed cells: the case number text, the count a number, the moment of awareness a date and time.
        using var typed = XlsxFile.Open(await (await anna.GetAsync("/ostersund/incidenter/export?format=xlsx&klocka=forsenade")).Content.ReadAsByteArrayAsync());
        Assert.True(XlsxFile.IsText(typed.At(lateCase, "Diarienummer")));
        Assert.Equal(5000, typed.Number(typed.At(lateCase, "Antal poster")));
        var aware = typed.Date(typed.At(lateCase, "Kännedom"));
        var swedishNow = GemensamNamnd.Web.Infrastructure.Swedish.ToLocal(DateTimeOffset.UtcNow).DateTime;
        Assert.InRange(aware, swedishNow.AddHours(-75).AddMinutes(-3), swedishNow.AddHours(-75));
        Assert.Contains($"\"{lateCase}\";", csv, StringComparison.Ordinal); // text quoted in the CSV
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.GetAsync("/ostersund/incidenter/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.GetAsync("/ostersund/incidenter/export")).StatusCode);
    }

    [PostgresFact]
    public async Task ReportToImy_FollowsTheFormsOrder_IsPrintableAndCopyable_AndCarriesNoPersonalDataOfTheAffected()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var id = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-5), "Intrång i journalsystemet", "Obehörig åtkomst till journaler via stulet konto.");
        var html = await Html(anna, $"/ostersund/incidenter/{id}/imy");
        var headings = new[] { "1. Personuppgiftsansvarig", "2. Kontaktuppgifter", "3. Tidpunkter", "4. Incidenten", "5. Berörda registrerade", "6. Konsekvenser", "7. Åtgärder", "8. Information till de registrerade", "9. Övrigt" };
        var positions = headings.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Matches(@"Patienter \(ca 1\s?200\), Anställda \(antal okänt\)", html);
        // The DPO from the DPO register (Bo's allocation at Östersund), with his work contact details.
        Assert.Contains("Bo Berglund, dataskyddsombud@ostersund.example, 063-14 30 00", html, StringComparison.Ordinal);
        Assert.Contains("Kontakt Persson", html, StringComparison.Ordinal); // the party's contact person (staff)
        Assert.Contains(ImyNotificationForm.For(DateOnly.FromDateTime(DateTime.UtcNow)).Name, html, StringComparison.Ordinal); // the form version followed
        Assert.Contains("<dt>Gränsöverskridande incident", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalle Internsson", html, StringComparison.Ordinal); // internal reporter is not in the report
        Assert.Contains("@media print", await anna.GetStringAsync("/css/site.css"), StringComparison.Ordinal);
        Assert.Contains("class=\"hint no-print\"", html, StringComparison.Ordinal);
        Assert.Contains("data-copy=\"report-text\"", html, StringComparison.Ordinal);

        var text = await anna.GetAsync($"/ostersund/incidenter/{id}/imy?handler=Text");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        var body = await text.Content.ReadAsStringAsync();
        Assert.StartsWith("Anmälan av personuppgiftsincident – Östersunds kommun", body, StringComparison.Ordinal);
        Assert.Contains("Typ av incident: Konfidentialitet, Riktighet", body, StringComparison.Ordinal);
        Assert.Contains("Känsliga uppgifter (art. 9): Ja", body, StringComparison.Ordinal);
        Assert.Contains("Enligt IMY:s formulär Anmälan av personuppgiftsincident", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalle Internsson", body, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Form_BadInput_ShowsSwedishErrors_AndStoresNothing()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var before = await app.InParty("ostersund", db => db.Breaches.CountAsync());
        var form = new Dictionary<string, string>
        {
            ["Title"] = "Fel ordning",
            ["When[OccurredFromDate]"] = "2026-11-20",
            ["When[OccurredFromTime]"] = "10:00",
            ["When[AwareAtDate]"] = "2026-11-19",
            ["When[AwareAtTime]"] = "10:00",
            ["When[CeasedAtDate]"] = "2026-13-40",
            ["Description"] = "Test",
        };
        var response = await PostFormAsync(anna, "/ostersund/incidenter/ny", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Incidenten kunde inte registreras", html, StringComparison.Ordinal);
        Assert.Contains("Parten kan inte ha fått kännedom om incidenten innan den inträffade.", html, StringComparison.Ordinal);
        Assert.Contains("Välj minst en personuppgiftsansvarig", html, StringComparison.Ordinal);
        Assert.Contains("Skriv datum som ÅÅÅÅ-MM-DD", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#When_AwareAtDate\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.InParty("ostersund", db => db.Breaches.CountAsync()));
    }

    [PostgresFact]
    public async Task DemoData_HoldEveryState_AndTheStartPageWarnsWhereNoDrillWasHeld()
    {
        var states = await app.InParty("krokom", db => db.Breaches.Select(b => new { b.Status, b.Risk, b.Reportable, b.ReportedAt, b.ImyDeadlineAt, b.LateReason, b.SubjectNoticeSentAt }).ToListAsync());
        Assert.Contains(states, b => b.ReportedAt == null && b.Reportable == true); // the clock running
        Assert.Contains(states, b => b.ReportedAt > b.ImyDeadlineAt && b.LateReason != null); // late with reasons
        Assert.Contains(states, b => b.Reportable == false && b.Status == BreachStatus.Closed);
        Assert.Contains(states, b => b.Risk == RiskLevel.HighRisk && b.SubjectNoticeSentAt != null);

        using var fredrik = app.ClientFor(AppFactory.Demo("fredrik")); // DPO of Bräcke and Ragunda
        var ragunda = await Html(fredrik, $"/{BreachDemoSeed.PartyWithoutRecentDrill}");
        Assert.Contains("Ingen övning av incidentrutinen har hållits de senaste 12 månaderna.", ragunda, StringComparison.Ordinal);
        var bracke = await Html(fredrik, "/bracke");
        Assert.DoesNotContain("Ingen övning av incidentrutinen", bracke, StringComparison.Ordinal);
        Assert.Contains("Senaste övningen:", bracke, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Drill_IsRecorded_WithActions()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var scenario = "Ransomware på en fredag " + Guid.NewGuid().ToString("N")[..6];
        var bad = await PostFormAsync(anna, "/ostersund/ovningar/ny", new Dictionary<string, string> { ["HeldOn"] = "2999-01-01" });
        var badHtml = System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("En övning kan inte registreras innan den har hållits.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Ange vilka som deltog", badHtml, StringComparison.Ordinal);

        var ok = await PostFormAsync(anna, "/ostersund/ovningar/ny", new Dictionary<string, string>
        {
            ["HeldOn"] = "2026-11-02",
            ["Scenario"] = scenario,
            ["Participants"] = "DSO, IT",
            ["ActionTexts[0]"] = "Uppdatera kontaktlistan",
            ["ActionTexts[1]"] = "Öva igen i vår",
            ["ActionsDone"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var drill = await app.InParty("ostersund", db => db.Drills.SingleAsync(d => d.Scenario == scenario));
        Assert.Equal([("Uppdatera kontaktlistan", true), ("Öva igen i vår", false)], drill.Actions.Select(a => (a.Text, a.Done)));
        Assert.Contains("1 av 2 klara", await Html(anna, "/ostersund/ovningar"), StringComparison.Ordinal);
    }

    private static async Task<string> Html(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    /// <summary>Posts a page form as a browser does: with the antiforgery token (and cookie) from the form's GET.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string Row(string html, string caseNumber)
    {
        var at = html.IndexOf(caseNumber, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{caseNumber} is not listed");
        return html[html.LastIndexOf("<tr>", at, StringComparison.Ordinal)..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
