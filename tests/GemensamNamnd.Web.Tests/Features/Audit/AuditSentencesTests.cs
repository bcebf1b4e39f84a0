using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Tests.Infrastructure;

namespace GemensamNamnd.Web.Tests.Features.Audit;

/// <summary>
/// /{party}/logg in Swedish sentences, with the reads of personal data, filtered by case, person, dates and kind; and
/// each case's "Vem har läst och ändrat", shown to whom may read the log.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditSentencesTests(AppFactory app)
{
    private const string Heading = "Vem har läst och ändrat";

    [PostgresFact]
    public async Task TheLog_SaysWhoDidWhatToWhichCase_InSentences_WithTheReads_AndFiltersThem()
    {
        var (id, number) = await RegisterAndAssessAsync();
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var all = await LinesAsync(bo, $"/ostersund/logg?arende={Uri.EscapeDataString(number)}");
        Assert.Contains($"Anna Andersson registrerade incidenten {number}", all);
        Assert.Contains(all, l => l.StartsWith("Anna Andersson ändrade ", StringComparison.Ordinal) && l.Contains("riskbedömning", StringComparison.Ordinal) && l.EndsWith($" i {number}", StringComparison.Ordinal));
        Assert.Contains($"Anna Andersson läste personuppgifterna i incidenten {number}", all);
        // Only this case's lines.
        Assert.All(all, l => Assert.Contains(number, l, StringComparison.Ordinal));

        var reads = await LinesAsync(bo, $"/ostersund/logg?arende={Uri.EscapeDataString(number)}&typ=Read");
        Assert.NotEmpty(reads);
        Assert.All(reads, l => Assert.Contains(" läste personuppgifterna ", l, StringComparison.Ordinal));

        var created = await LinesAsync(bo, $"/ostersund/logg?arende={Uri.EscapeDataString(number)}&typ=Created");
        Assert.Contains($"Anna Andersson registrerade incidenten {number}", created);
        Assert.All(created, l => Assert.Matches("^Anna Andersson (registrerade|lade till) ", l));
        Assert.DoesNotContain(created, l => l.Contains(" ändrade ", StringComparison.Ordinal));

        var annaKey = $"{AppFactory.Demo("anna").PartyId}/{AppFactory.Demo("anna").ObjectId}";
        var byAnna = await LinesAsync(bo, $"/ostersund/logg?vem={Uri.EscapeDataString(annaKey)}");
        Assert.NotEmpty(byAnna);
        Assert.All(byAnna, l => Assert.StartsWith("Anna Andersson ", l, StringComparison.Ordinal));
        Assert.Empty(await LinesAsync(bo, $"/ostersund/logg?arende={Uri.EscapeDataString(number)}&vem=nobody%2Fnobody"));

        var tomorrow = DateOnly.FromDateTime(DateTime.Today).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(await LinesAsync(bo, $"/ostersund/logg?arende={Uri.EscapeDataString(number)}&fran={tomorrow}"));
        Assert.NotEmpty(await LinesAsync(bo, $"/ostersund/logg?arende={Uri.EscapeDataString(number)}&till={tomorrow}"));
        _ = id;
    }

    [PostgresFact]
    public async Task ABadDateFilter_IsAFieldError_NotAFailure()
    {
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var response = await bo.GetAsync("/ostersund/logg?fran=2026-13-45");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Från och med: ange ett datum som ÅÅÅÅ-MM-DD.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ABreachPage_ShowsWhoReadAndChangedIt_ToTheDpo_NotToTheCaseOfficer()
    {
        var (id, number) = await RegisterAndAssessAsync();
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/ostersund/incidenter/{id}"));
        Assert.Contains(Heading, page, StringComparison.Ordinal);
        Assert.Contains($"Anna Andersson registrerade incidenten {number}", page, StringComparison.Ordinal);
        Assert.Contains($"/ostersund/logg?arende={Uri.EscapeDataString(number)}", page, StringComparison.Ordinal);

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var annasPage = WebUtility.HtmlDecode(await anna.GetStringAsync($"/ostersund/incidenter/{id}"));
        Assert.DoesNotContain(Heading, annasPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/ostersund/logg")).StatusCode);
    }

    /// <summary>Anna registers a breach, reads it through the API and assesses it.</summary>
    private async Task<(Guid Id, string Number)> RegisterAndAssessAsync()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var controller = await app.InParty("ostersund", db => Task.FromResult(db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).First()));
        var response = await anna.PostAsJsonAsync("/api/v1/ostersund/breaches", new
        {
            title = "Loggtest",
            controllerIds = new[] { controller },
            awareAt = DateTimeOffset.UtcNow.AddHours(-1),
            description = "En lista skickades fel.",
            types = new[] { "Confidentiality" },
            cause = "MisdirectedMail",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var read = await anna.GetFromJsonAsync<JsonElement>($"/api/v1/ostersund/breaches/{id}");
        var assessed = await anna.PostAsJsonAsync($"/api/v1/ostersund/breaches/{id}/assessment", new
        {
            risk = "Risk",
            riskReasoning = "Namn har röjts.",
            reportable = true,
            subjectNoticeRequired = false,
            version = read.GetProperty("version").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        return (id, created.GetProperty("caseNumber").GetString()!);
    }

    /// <summary>The sentences of the log page's table.</summary>
    private static async Task<List<string>> LinesAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var body = html[(html.IndexOf("<tbody>", StringComparison.Ordinal) is var at and >= 0 ? at : html.Length)..];
        return [.. Regex.Matches(body, @"<tr>\s*<td>.*?</td>\s*<td>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];
    }
}
