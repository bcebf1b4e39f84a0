using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// The maturity flow in Chromium: the e-strateg opens a round, two parties' DPOs answer it (a Swedish error first), and
/// the e-strateg compares; axe finds no WCAG 2.1 AA violation on the committee page or the party page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MaturityInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AnswerAsync(IPage page, string slug, int level)
    {
        await page.GotoAsync($"/{slug}");
        await BrowserFixture.FollowMenuAsync(page, "Uppföljning", "Mognad");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dataskyddsarbetets mognad");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Nothing chosen: refused in Swedish, every dimension named.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara svaret" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Process för begäranden från enskilda: välj en nivå 1–5.");
        await Assertions.Expect(alert).ToContainTextAsync("IT-resiliens och redundans: välj en nivå 1–5.");
        await BrowserFixture.AssertAccessibleAsync(page);

        foreach (var d in DefaultDimensions.All)
        {
            var set = page.Locator("fieldset", new() { Has = page.Locator("legend", new() { HasText = d.Title }) });
            await set.GetByLabel($"Nivå {level}:").CheckAsync();
            await set.GetByLabel("Motivering (kort)").FillAsync($"Bedömning av {d.Title.ToLowerInvariant()}.");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara svaret" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Svaret på omgång");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Självskattning {Swedish.Today(TimeProvider.System).Year}" })).ToContainTextAsync(level + ",0");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task TheEStrateg_OpensARound_TwoPartiesAnswer_AndTheCommitteeCompares()
    {
        var year = Swedish.Today(TimeProvider.System).Year;
        var stina = await browser.SignInAsync("Stina Strand (e-strateg)");
        await stina.GetByRole(AriaRole.Link, new() { Name = "Mognad i nämnden" }).ClickAsync();
        await Assertions.Expect(stina.Locator("h1")).ToHaveTextAsync("Dataskyddsarbetets mognad – jämförelse mellan parterna");
        await BrowserFixture.AssertAccessibleAsync(stina);

        await stina.GetByRole(AriaRole.Link, new() { Name = "Enkätomgångar" }).ClickAsync();
        await stina.GetByLabel("År").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await stina.GetByRole(AriaRole.Button, new() { Name = "Skapa utkast" }).ClickAsync();
        await Assertions.Expect(stina.Locator("h1")).ToHaveTextAsync($"Enkätomgång {year}");
        await BrowserFixture.AssertAccessibleAsync(stina);
        await stina.GetByRole(AriaRole.Button, new() { Name = "Öppna omgången för alla parter" }).ClickAsync();
        await Assertions.Expect(stina.GetByRole(AriaRole.Status)).ToHaveTextAsync("Omgången är öppnad. Parterna kan nu svara.");

        var bo = await browser.SignInAsync("Bo Berglund");
        await AnswerAsync(bo, "ostersund", 4);
        var eva = await browser.SignInAsync("Eva Ek");
        await AnswerAsync(eva, "region-jh", 2);

        // The party page names no other party.
        await Assertions.Expect(bo.Locator("main")).Not.ToContainTextAsync("Region Jämtland Härjedalen");

        await stina.GotoAsync("/mognad");
        var heat = stina.GetByRole(AriaRole.Table, new() { Name = $"Självskattade nivåer {year} per part och dimension" });
        await Assertions.Expect(heat.GetByRole(AriaRole.Row, new() { Name = "Östersunds kommun" })).ToContainTextAsync("4,0");
        await Assertions.Expect(heat.GetByRole(AriaRole.Row, new() { Name = "Region Jämtland Härjedalen" })).ToContainTextAsync("2,0");
        await Assertions.Expect(heat.GetByRole(AriaRole.Row, new() { Name = "Regional median" })).ToContainTextAsync("3,0");
        await Assertions.Expect(stina.Locator("main")).ToContainTextAsync("2 av 9 parter har svarat");
        await Assertions.Expect(stina.GetByRole(AriaRole.Img, new() { Name = $"Självskattad nivå per part och dimension, {year}" })).ToBeVisibleAsync();

        // Sorted by the self-assessment, highest first.
        await stina.GetByRole(AriaRole.Link, new() { Name = $"Självskattning {year} (medel)" }).ClickAsync();
        await stina.GetByRole(AriaRole.Link, new() { Name = $"Självskattning {year} (medel)" }).ClickAsync();
        var comparison = stina.GetByRole(AriaRole.Table, new() { Name = "Parter × mätvärden" });
        await Assertions.Expect(comparison.Locator("tbody tr").First).ToContainTextAsync("Östersunds kommun");
        await Assertions.Expect(comparison.Locator("th[aria-sort=descending]")).ToContainTextAsync("Självskattning");
        // The measured trend, year by year, with its data table.
        await Assertions.Expect(stina.GetByRole(AriaRole.Table, new() { Name = "Andel begäranden besvarade i tid per part och år" })).ToBeVisibleAsync();
        await Assertions.Expect(stina.GetByRole(AriaRole.Img, new() { Name = "Östersunds kommun: andel besvarade i tid per år" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(stina);

        var download = await stina.RunAndWaitForDownloadAsync(() => stina.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
