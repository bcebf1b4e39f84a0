using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>
/// The maturity pages on PostgreSQL: a round from draft to closed with bad input refused in Swedish (4xx, nothing
/// stored), a party's answer, the committee page for the e-strateg only, its exports, and a party page that names no
/// other party.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MaturityPagesTests(AppFactory app)
{
    private static DateOnly Today => Swedish.Today(TimeProvider.System);

    private async Task<int> RoundCountAsync() => await Db(db => db.MaturityRounds.CountAsync());

    private async Task<T> Db<T>(Func<GemensamNamnd.Web.Data.AppDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>());
    }

    private async Task<Guid> CreateOpenRoundAsync(HttpClient stina, int year)
    {
        var created = await PostFormAsync(stina, "/mognad/omgangar", "/mognad/omgangar", new() { ["Year"] = $"{year}", ["ClosesOn"] = Iso(Today.AddDays(20)) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var opened = await PostFormAsync(stina, $"/mognad/omgangar/{id}", $"/mognad/omgangar/{id}?handler=open", new() { ["Version"] = await VersionAsync(id) });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private Task<string> VersionAsync(Guid id) => Db(async db => (await db.MaturityRounds.AsNoTracking().SingleAsync(r => r.Id == id)).Version.ToString());

    private static Dictionary<string, string> Answer(Guid round, int level, string? skip = null, int? badLevel = null)
    {
        var fields = new Dictionary<string, string> { ["RoundId"] = round.ToString() };
        foreach (var d in DefaultDimensions.All.Where(d => d.Key != skip))
        {
            fields[$"Levels[{round:N}-{d.Key}]"] = (d.Key == "requests" && badLevel is { } b ? b : level).ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Justifications[{round:N}-{d.Key}]"] = $"Motivering för {d.Key}";
        }

        return fields;
    }

    [PostgresFact]
    public async Task ARound_FromDraftToClosed_RefusesBadInputInSwedish_AndStoresNothingThen()
    {
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var before = await RoundCountAsync();

        // A bad year and date: 400, Swedish, nothing stored.
        var bad = await PostFormAsync(stina, "/mognad/omgangar", "/mognad/omgangar", new() { ["Year"] = "tjugo", ["ClosesOn"] = "2026-13-40" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Sista svarsdagen kunde inte läsas", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await RoundCountAsync());

        var created = await PostFormAsync(stina, "/mognad/omgangar", "/mognad/omgangar", new() { ["Year"] = "2041", ["ClosesOn"] = Iso(Today.AddDays(20)) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var round = $"/mognad/omgangar/{id}";
        var again = await PostFormAsync(stina, "/mognad/omgangar", "/mognad/omgangar", new() { ["Year"] = "2041", ["ClosesOn"] = Iso(Today.AddDays(20)) });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Det finns redan en omgång för 2041", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Questions are editable in the draft: a blank title is refused, a new title is kept.
        var draft = await Db(db => db.MaturityRounds.AsNoTracking().SingleAsync(r => r.Id == id));
        var form = new Dictionary<string, string> { ["Version"] = draft.Version.ToString(), ["ClosesOn"] = Iso(draft.ClosesOn) };
        for (var i = 0; i < draft.Dimensions.Count; i++)
        {
            var d = draft.Dimensions[i];
            form[$"Dims[{i}].Key"] = d.Key;
            form[$"Dims[{i}].Title"] = i == 0 ? " " : d.Title;
            form[$"Dims[{i}].Question"] = d.Question;
            for (var l = 0; l < 5; l++)
            {
                form[$"Dims[{i}].Levels[{l}]"] = d.Levels[l];
            }
        }

        var blank = await PostFormAsync(stina, round, round + "?handler=save", form);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Fråga 1: ange en rubrik", WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(draft.Dimensions[0].Title, (await Db(db => db.MaturityRounds.AsNoTracking().SingleAsync(r => r.Id == id))).Dimensions[0].Title);
        form["Dims[0].Title"] = "Begäranden från enskilda";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(stina, round, round + "?handler=save", form)).StatusCode);
        Assert.Equal("Begäranden från enskilda", (await Db(db => db.MaturityRounds.AsNoTracking().SingleAsync(r => r.Id == id))).Dimensions[0].Title);

        // Open; then the questions are fixed (409) and opening again is refused.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(stina, round, round + "?handler=open", new() { ["Version"] = await VersionAsync(id) })).StatusCode);
        form["Version"] = await VersionAsync(id);
        form["Dims[0].Title"] = "Ändrad efter öppning";
        var frozen = await PostFormAsync(stina, round, round + "?handler=save", form);
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Contains("frågorna kan inte längre ändras", WebUtility.HtmlDecode(await frozen.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Begäranden från enskilda", (await Db(db => db.MaturityRounds.AsNoTracking().SingleAsync(r => r.Id == id))).Dimensions[0].Title);

        // Bo answers for Östersund: level 7 is refused, a missing dimension too; then a full answer is stored.
        var seven = await PostFormAsync(bo, "/ostersund/mognad", "/ostersund/mognad", Answer(id, 3, badLevel: 7));
        Assert.Equal(HttpStatusCode.BadRequest, seven.StatusCode);
        Assert.Contains("nivån måste vara 1–5", WebUtility.HtmlDecode(await seven.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var missing = await PostFormAsync(bo, "/ostersund/mognad", "/ostersund/mognad", Answer(id, 3, skip: "resilience"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(0, await app.InParty("ostersund", db => db.MaturityAnswers.CountAsync(a => a.RoundId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(bo, "/ostersund/mognad", "/ostersund/mognad", Answer(id, 4))).StatusCode);
        var stored = await app.InParty("ostersund", db => db.MaturityAnswers.AsNoTracking().SingleAsync(a => a.RoundId == id));
        Assert.Equal(6, stored.Items.Count);
        Assert.All(stored.Items, i => Assert.Equal(4, i.Level));

        // The round page: who has not answered (Östersund has).
        var status = WebUtility.HtmlDecode(await stina.GetStringAsync(round));
        var missingList = status[status.IndexOf("Har inte svarat", StringComparison.Ordinal)..status.IndexOf("Frågor och nivåer", StringComparison.Ordinal)];
        Assert.Contains("Bergs kommun", missingList, StringComparison.Ordinal);
        Assert.DoesNotContain("Östersunds kommun", missingList, StringComparison.Ordinal);

        // Closed: frozen, an answer is refused (409) and the stored one stays.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(stina, round, round + "?handler=close", new() { ["Version"] = await VersionAsync(id) })).StatusCode);
        var late = await bo.PostAsync("/ostersund/mognad", new FormUrlEncodedContent(await WithTokenAsync(bo, "/ostersund/mognad", Answer(id, 1))));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Omgången är stängd", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.All((await app.InParty("ostersund", db => db.MaturityAnswers.AsNoTracking().SingleAsync(a => a.RoundId == id))).Items, i => Assert.Equal(4, i.Level));
        Assert.Equal(HttpStatusCode.Conflict, (await PostFormAsync(stina, round, round + "?handler=open", new() { ["Version"] = await VersionAsync(id) })).StatusCode);

        // The committee page compares the round: the heat map and Östersund's level.
        var committee = WebUtility.HtmlDecode(await stina.GetStringAsync("/mognad?omgang=2041"));
        Assert.Contains("Självskattad nivå per part och dimension, 2041", committee, StringComparison.Ordinal);
        Assert.Contains("Omgång 2041 (Stängd", committee, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AnAnswerAfterTheClosingDate_IsRefused_AndNothingIsStored()
    {
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        using var eva = app.ClientFor(AppFactory.Demo("eva"));
        var id = await CreateOpenRoundAsync(stina, 2042);
        var fields = await WithTokenAsync(eva, "/region-jh/mognad", Answer(id, 2));
        await Db(db => db.MaturityRounds.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosesOn, Today.AddDays(-1))));

        var response = await eva.PostAsync("/region-jh/mognad", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Sista svarsdagen var", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.InParty("region-jh", db => db.MaturityAnswers.CountAsync(a => a.RoundId == id)));
    }

    [PostgresFact]
    public async Task CustomPeriods_AreWholeQuartersOrYears_AndAQuarterCannotBeSubtractedFromItsYear()
    {
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        // Seven incidents in October less six in 1–17 October would be one on the 18th: such periods are refused.
        foreach (var url in new[] { "/mognad?fran=2021-10-01&till=2021-10-17", "/mognad/export?format=csv&fran=2021-10-18&till=2021-10-18", "/mognad?fran=2020-01-01&till=2021-12-31" })
        {
            var refused = await stina.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("helt kvartal eller ett helt kalenderår", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // 2021 in Östersund: six incidents in Q1, six in Q2, one in Q3. The year shows 13 and Q2 six; Q3 is "< 5", and
        // Q1 must be hidden too, or 13 − 6 − 6 would give Q3's single incident away.
        var controllerId = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        Assert.Equal("< 5", await IncidentsAsync(stina, "ar=2021"));
        foreach (var aware in Enumerable.Repeat("2021-02-10", 6).Concat(Enumerable.Repeat("2021-05-10", 6)).Append("2021-08-10"))
        {
            var at = DateTimeOffset.Parse(aware + "T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture);
            var created = await anna.PostAsJsonAsync("/api/v1/ostersund/breaches", new
            {
                title = "Kvartalsprov",
                controllerIds = new[] { controllerId },
                discoveredAt = at.AddHours(-1),
                awareAt = at,
                description = "Ett prov på kvartalsvisa siffror.",
                types = new[] { "Confidentiality" },
                cause = "MisdirectedMail",
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        Assert.Equal("13", await IncidentsAsync(stina, "ar=2021"));
        Assert.Equal("6", await IncidentsAsync(stina, "fran=2021-04-01&till=2021-06-30"));
        Assert.Equal("< 5", await IncidentsAsync(stina, "fran=2021-07-01&till=2021-09-30"));
        Assert.Equal("< 5", await IncidentsAsync(stina, "fran=2021-01-01&till=2021-03-31"));
    }

    /// <summary>Östersund's incident count in the committee's CSV for a period.</summary>
    private static async Task<string> IncidentsAsync(HttpClient stina, string period)
    {
        var response = await stina.GetAsync($"/mognad/export?format=csv&{period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        static string[] Cells(string line) => [.. line.Split(';').Select(c => c.Trim('"'))];
        var column = Array.IndexOf(Cells(lines[0]), "Incidenter");
        return Cells(lines.Single(l => l.StartsWith("\"Östersunds kommun\"", StringComparison.Ordinal)))[column];
    }

    [PostgresFact]
    public async Task TheCommitteePage_IsTheEStrategs_WithExports_AndThePartyPageNamesNoOtherParty()
    {
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        var page = WebUtility.HtmlDecode(await stina.GetStringAsync("/mognad?sortera=req.count&ordning=fallande"));
        Assert.Contains("Regional median", page, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("Bergs kommun", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/mognad")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.GetAsync("/mognad/omgangar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/ostersund/mognad")).StatusCode); // case officer: not DPO or administrator
        Assert.Equal(HttpStatusCode.Forbidden, (await stina.GetAsync("/ostersund/mognad")).StatusCode);

        var bad = await stina.GetAsync("/mognad?fran=2026-05-01&till=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Periodens slut ligger före dess början", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var csv = await stina.GetAsync($"/mognad/export?format=csv&ar={Today.Year}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFPart;Begäranden;Besvarade i tid", text, StringComparison.Ordinal);
        Assert.Contains("Regional median", text, StringComparison.Ordinal);
        var xlsx = await stina.GetAsync($"/mognad/export?format=xlsx&ar={Today.Year}");
        Assert.Equal(Spreadsheet.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip package
        using (var typed = XlsxFile.Open(bytes))
        {
            // Counts as numbers, a share of a full-time post as a percentage, the party's name as text.
            Assert.True(XlsxFile.IsText(typed.At("Östersunds kommun", "Part")));
            Assert.True(typed.Number(typed.At("Östersunds kommun", $"Personuppgiftsansvariga utan ombud per {GemensamNamnd.Domain.Deadlines.SwedishDates.Long(Today)}")) >= 0);
            var share = typed.At("Östersunds kommun", $"Dataskyddsombud, andel av tjänst per {GemensamNamnd.Domain.Deadlines.SwedishDates.Long(Today)}");
            Assert.Equal("0 %", typed.NumberFormat(share));
            Assert.InRange(typed.Number(share), 0, 10);
        }

        Assert.Contains($"/mognad/export?format=xlsx&amp;ar={Today.Year}", await stina.GetStringAsync($"/mognad?ar={Today.Year}"), StringComparison.Ordinal);
        var unknown = await stina.GetAsync($"/mognad/export?format=pdf&ar={Today.Year}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Okänt format", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await stina.GetAsync("/mognad/export?format=csv&fran=2026-05-01&till=2026-01-01")).StatusCode);

        var own = WebUtility.HtmlDecode(await bo.GetStringAsync("/ostersund/mognad"));
        Assert.Contains("Regional median", own, StringComparison.Ordinal);
        foreach (var other in new[] { "Bergs kommun", "Bräcke kommun", "Härjedalens kommun", "Ragunda kommun", "Strömsunds kommun", "Region Jämtland Härjedalen" })
        {
            Assert.DoesNotContain(other, own, StringComparison.Ordinal);
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, string>> WithTokenAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + pageUrl);
        fields["__RequestVerificationToken"] = token;
        return fields;
    }

    /// <summary>Posts a page form as a browser does: with the antiforgery token (and cookie) from the form's GET.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields) =>
        await client.PostAsync(postUrl, new FormUrlEncodedContent(await WithTokenAsync(client, pageUrl, fields)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
