using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Processing;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GemensamNamnd.Web.Tests.Features.Processing;

/// <summary>
/// The record of processing (Art. 30) and the impact assessments (Art. 35) on PostgreSQL with row-level security: the
/// form refuses bad input in Swedish and stores nothing; another party's records are 404; the export per controller opens
/// as .xlsx and as PDF; the API lists.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ProcessingTests(AppFactory app)
{
    private sealed record Setup(Guid ControllerId, Guid OtherControllerId, Guid SystemId, Guid SupplierId, string Tag);

    /// <summary>Fresh controllers and a system run by a seeded supplier, in the party: the test's own.</summary>
    private Task<Setup> SetupAsync(string slug) => app.InParty(slug, async db =>
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var supplier = await db.Suppliers.OrderBy(s => s.Name).FirstAsync();
        var controller = new DataController { Name = $"Socialnämnden {tag}", Kind = DataControllerKind.Namnd };
        var other = new DataController { Name = $"Kulturnämnden {tag}", Kind = DataControllerKind.Namnd };
        var system = new PartySystem { Name = $"Verksamhetssystem {tag}", SupplierId = supplier.Id };
        db.DataControllers.AddRange(controller, other);
        db.PartySystems.Add(system);
        await db.SaveChangesAsync();
        return new Setup(controller.Id, other.Id, system.Id, supplier.Id, tag);
    });

    private static List<KeyValuePair<string, string>> Activity(Setup s, string name, params (string Key, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ControllerId", s.ControllerId.ToString()),
            new("Name", name),
            new("Purposes", "Utreda och besluta om ekonomiskt bistånd."),
            new("LegalBasis", nameof(LegalBasis.PublicTask)),
            new("SwedishLaw", "socialtjänstlagen (2025:400)"),
            new("DataSubjectCategories", "Sökande"),
            new("PersonalDataCategories", "Namn, personnummer, ekonomi"),
            new("Recipients", "Försäkringskassan"),
            new("RetentionPeriod", "5 år efter sista anteckningen"),
            new("SecurityMeasures", "Behörighetsstyrning och loggning"),
            new("SystemIds", s.SystemId.ToString()),
        };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        return fields;
    }

    private static List<KeyValuePair<string, string>> Without(List<KeyValuePair<string, string>> fields, string key) => [.. fields.Where(f => f.Key != key)];

    private Task<ProcessingActivity?> FindAsync(string slug, string name) =>
        app.InParty(slug, db => db.ProcessingActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name));

    private async Task<ProcessingActivity> RecordAsync(HttpClient client, string slug, List<KeyValuePair<string, string>> fields)
    {
        var response = await PostFormAsync(client, $"/{slug}/registerforteckning/ny", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {Decode(await response.Content.ReadAsStringAsync())}");
        return (await FindAsync(slug, fields.First(f => f.Key == "Name").Value))!;
    }

    [PostgresFact]
    public async Task AnActivity_IsRecordedAndScreened_WithTheSystemsSupplier_AndListedPerController()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var s = await SetupAsync("ostersund");
        var name = $"Ekonomiskt bistånd {s.Tag}";
        var activity = await RecordAsync(anna, "ostersund", Activity(s, name,
            ("ScreeningCriteria", nameof(Wp248Criterion.SensitiveData)), ("ScreeningCriteria", nameof(Wp248Criterion.VulnerableSubjects)), ("Screened", "true")));

        Assert.Equal(LegalBasis.PublicTask, activity.LegalBasis);
        Assert.Equal([s.SystemId], activity.SystemIds);
        Assert.Equal([s.SupplierId], activity.SupplierIds); // from the system's supplier
        Assert.True(activity.DpiaRequired);
        Assert.NotNull(activity.ScreenedOn);

        var list = await Html(anna, $"/ostersund/registerforteckning?personuppgiftsansvarig={s.ControllerId}");
        Assert.Contains($"Behandlingar hos Socialnämnden {s.Tag}", list, StringComparison.Ordinal);
        Assert.Contains("Krävs – saknas", Row(list, name), StringComparison.Ordinal);
        Assert.DoesNotContain($"Kulturnämnden {s.Tag}</h2>", list, StringComparison.Ordinal);

        var page = await Html(anna, $"/ostersund/registerforteckning/{activity.Id}");
        Assert.Contains("uppfyller 2 av de nio kriterierna", page, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task BadInput_IsRefusedInSwedish_AndNothingIsStored()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var s = await SetupAsync("ostersund");
        var name = $"Felaktig {s.Tag}";

        // A legal basis outside Art. 6(1) a–f does not bind: 400 before the page.
        var outside = await PostFormAsync(anna, "/ostersund/registerforteckning/ny", [.. Without(Activity(s, name), "LegalBasis"), new("LegalBasis", "NationalSecurity")]);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);

        // No retention period or rule.
        var noRetention = await PostFormAsync(anna, "/ostersund/registerforteckning/ny", Without(Activity(s, name), "RetentionPeriod"));
        Assert.Equal(HttpStatusCode.OK, noRetention.StatusCode);
        Assert.Contains(ProcessingInput.RetentionMessage, Decode(await noRetention.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A transfer without its safeguard, and a processor's record without the controller it works for.
        var transfer = await PostFormAsync(anna, "/ostersund/registerforteckning/ny", [.. Activity(s, name), new("ThirdCountryTransfers", "USA")]);
        Assert.Contains("Välj skyddsåtgärden för överföringen till tredjeland", Decode(await transfer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var processor = await PostFormAsync(anna, "/ostersund/registerforteckning/ny", [.. Activity(s, name), new("AsProcessor", "true")]);
        Assert.Contains("art. 30.2 a", Decode(await processor.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Null(await FindAsync("ostersund", name));
        Assert.Equal(0, await app.InParty("ostersund", db => db.ProcessingActivities.CountAsync(a => a.ControllerId == s.ControllerId)));
    }

    [PostgresFact]
    public async Task AnAssessment_NeedsTheDposAdviceForADecision_AndPriorConsultationWhenTheResidualRiskStaysHigh()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var s = await SetupAsync("ostersund");
        var activity = await RecordAsync(anna, "ostersund", Activity(s, $"Utredning av barn {s.Tag}"));
        var url = $"/ostersund/konsekvensbedomningar/ny?ActivityId={activity.Id}";
        List<KeyValuePair<string, string>> Assessment(params (string Key, string Value)[] extra) =>
        [
            new("ActivityId", activity.Id.ToString()),
            new("Description", "Utredning av barns behov av skydd."),
            new("Necessity", "Nödvändig enligt socialtjänstlagen."),
            new("RiskTexts[0]", "Obehörig åtkomst"),
            new("RiskLikelihoods[0]", "3"),
            new("RiskSeverities[0]", "4"),
            new("Measures", "Behörighetsstyrning"),
            new("Decision", nameof(DpiaDecision.Proceed)),
            new("DecidedOn", "2026-11-02"),
            new("DecidedBy", "Socialnämnden, § 12"),
            new("ReviewOn", "2027-06-01"),
            .. extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)),
        ];

        var noAdvice = await PostFormAsync(anna, url, Assessment(("ResidualLikelihood", "1"), ("ResidualSeverity", "2"), ("DpoAdviceFollowed", "true")));
        Assert.Equal(HttpStatusCode.OK, noAdvice.StatusCode);
        Assert.Contains(ProcessingInput.DpoAdviceMessage, Decode(await noAdvice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var advice = new[] { ("DpoAdvice", "Inför logguppföljning."), ("DpoAdviceOn", "2026-10-20"), ("DpoAdviceFollowed", "true") };
        var high = await PostFormAsync(anna, url, Assessment([("ResidualLikelihood", "3"), ("ResidualSeverity", "3"), .. advice]));
        Assert.Contains(AssessmentInput.PriorConsultationMessage, Decode(await high.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var notFollowed = await PostFormAsync(anna, url, Assessment([("ResidualLikelihood", "1"), ("ResidualSeverity", "2"), ("DpoAdvice", "Avstå."), ("DpoAdviceOn", "2026-10-20"), ("DpoAdviceFollowed", "false")]));
        Assert.Contains("Ange varför dataskyddsombudets råd inte följdes.", Decode(await notFollowed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.InParty("ostersund", db => db.ImpactAssessments.CountAsync(x => x.ActivityId == activity.Id)));

        var done = await PostFormAsync(anna, url, Assessment([("ResidualLikelihood", "3"), ("ResidualSeverity", "3"), ("PriorConsultationOn", "2026-10-25"), .. advice]));
        Assert.True(done.StatusCode == HttpStatusCode.Redirect, Decode(await done.Content.ReadAsStringAsync()));
        var stored = await app.InParty("ostersund", db => db.ImpactAssessments.AsNoTracking().SingleAsync(x => x.ActivityId == activity.Id));
        Assert.Equal(RiskGrade.VeryHigh, stored.Residual);
        Assert.Equal(new DateOnly(2026, 10, 25), stored.PriorConsultationOn);
        Assert.Equal([(3, 4)], stored.Risks.Select(r => (r.Likelihood, r.Severity)));
    }

    [PostgresFact]
    public async Task AnotherPartysActivityAndAssessment_Are404_OnPagesExportAndApi()
    {
        using var bo = app.ClientFor(AppFactory.Demo("bo")); // DPO of Östersund, Krokom and Åre, not of Berg
        var berg = await SetupAsync("berg");
        var (activityId, assessmentId) = await app.InParty("berg", async db =>
        {
            var a = new ProcessingActivity { ControllerId = berg.ControllerId, Name = $"Bergs behandling {berg.Tag}", RetentionRule = "Bevaras", LegalBasis = LegalBasis.PublicTask };
            db.ProcessingActivities.Add(a);
            var x = new ImpactAssessment { ActivityId = a.Id, Description = "Bergs bedömning" };
            db.ImpactAssessments.Add(x);
            await db.SaveChangesAsync();
            return (a.Id, x.Id);
        });

        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/ostersund/registerforteckning/{activityId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/ostersund/konsekvensbedomningar/{assessmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/ostersund/konsekvensbedomningar/ny?ActivityId={activityId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync($"/ostersund/registerforteckning/export?format=xlsx&personuppgiftsansvarig={berg.ControllerId}")).StatusCode);
        var api = await bo.GetStringAsync($"/api/v1/ostersund/processing-activities?controllerId={berg.ControllerId}");
        Assert.Equal("[]", api);
        Assert.DoesNotContain(assessmentId.ToString(), await bo.GetStringAsync("/api/v1/ostersund/dpias"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/berg/registerforteckning")).StatusCode);

        // Nor can an Östersund record point at Berg's controller, or an assessment at Berg's activity.
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var own = await SetupAsync("ostersund");
        var refused = await PostFormAsync(anna, "/ostersund/registerforteckning/ny", [.. Without(Activity(own, $"Lånad {own.Tag}"), "ControllerId"), new("ControllerId", berg.ControllerId.ToString())]);
        Assert.Contains("Välj en personuppgiftsansvarig hos parten.", Decode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await FindAsync("ostersund", $"Lånad {own.Tag}"));
    }

    [PostgresFact]
    public async Task TheControllersRecord_ExportsAsXlsxCsvAndPdf_AndTheApiListsIt()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var s = await SetupAsync("ostersund");
        var name = $"Ekonomiskt bistånd {s.Tag}";
        var activity = await RecordAsync(anna, "ostersund", Activity(s, name, ("SpecialCategoryCondition", nameof(SpecialCategoryCondition.HealthAndSocialCare))));
        await RecordAsync(anna, "ostersund", [.. Without(Activity(s, $"Bibliotekslån {s.Tag}"), "ControllerId"), new("ControllerId", s.OtherControllerId.ToString())]);
        var export = $"/ostersund/registerforteckning/export?personuppgiftsansvarig={s.ControllerId}&format=";

        var xlsx = await anna.GetAsync(export + "xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var book = XlsxFile.Open(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var rows = book.Rows();
            Assert.Equal(2, rows.Count); // the header and this controller's one activity
            Assert.Equal("Allmänt intresse eller myndighetsutövning (art. 6.1 e)", book.At($"Socialnämnden {s.Tag}", "Rättslig grund (art. 6)").InnerText);
            Assert.Equal("Hälso- och sjukvård, social omsorg (art. 9.2 h)", book.At($"Socialnämnden {s.Tag}", "Känsliga uppgifter (art. 9)").InnerText);
            Assert.Equal("5 år efter sista anteckningen", book.At($"Socialnämnden {s.Tag}", "Lagringstid").InnerText);
            Assert.Equal($"Verksamhetssystem {s.Tag}", book.At($"Socialnämnden {s.Tag}", "System").InnerText);
        }

        var csv = await anna.GetStringAsync(export + "csv");
        Assert.Contains(name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Bibliotekslån", csv, StringComparison.Ordinal);

        var pdf = await anna.GetAsync(export + "pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Registerförteckning – Socialnämnden {s.Tag}", text, StringComparison.Ordinal);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("Rättslig grund: Allmänt intresse eller myndighetsutövning (art. 6.1 e)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bibliotekslån", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.GetAsync(export + "docx")).StatusCode);

        var api = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/ostersund/processing-activities?controllerId={s.ControllerId}");
        var item = Assert.Single(api.EnumerateArray());
        Assert.Equal(activity.Id, item.GetProperty("id").GetGuid());
        Assert.Equal("PublicTask", item.GetProperty("legalBasis").GetString());
        Assert.Equal("art. 6.1 e", item.GetProperty("legalBasisArticle").GetString());
        Assert.Equal(s.SupplierId, item.GetProperty("supplierIds")[0].GetGuid());
        Assert.Equal("NotScreened", item.GetProperty("dpiaStatus").GetString());

        await app.InParty("ostersund", db =>
        {
            db.ImpactAssessments.Add(new ImpactAssessment { ActivityId = activity.Id, Description = "Bedömning", Risks = [new DpiaRisk { Description = "Läckage", Likelihood = 2, Severity = 4 }] });
            return db.SaveChangesAsync();
        });
        var dpias = await anna.GetFromJsonAsync<JsonElement>("/api/v1/ostersund/dpias");
        var dpia = dpias.EnumerateArray().Single(d => d.GetProperty("activityId").GetGuid() == activity.Id);
        Assert.Equal("High", dpia.GetProperty("risks")[0].GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, dpia.GetProperty("decision").ValueKind);
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static async Task<string> Html(HttpClient client, string url) => Decode(await client.GetStringAsync(url));

    private static string Row(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{text} is not listed");
        return html[html.LastIndexOf("<tr>", at, StringComparison.Ordinal)..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Spaces().Replace(string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))), " ");
    }

    /// <summary>Posts a page form as a browser does: with the antiforgery token (and cookie) from the form's GET.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
