using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The record of processing as an officer keeps it: record an activity, screen it, assess it, export the controller's record; axe on every step.</summary>
[Trait("Category", "Browser")]
public sealed class ProcessingInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task Officer_RecordsScreensAndAssessesAnActivity_AndExportsTheControllersRecord()
    {
        var name = "Utredning av barn och unga " + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund");
        await BrowserFixture.FollowMenuAsync(page, "Register", "Behandlingar (art. 30)");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registerförteckning");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Bad input first: Swedish errors in the summary and next to the fields.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny behandling" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Behandlingen kunde inte sparas");
        await Assertions.Expect(alert).ToContainTextAsync("Ange hur länge uppgifterna sparas");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Record and screen it: two of the nine criteria → an assessment is required.
        await page.Locator("#ControllerId").SelectOptionAsync(new SelectOptionValue { Label = "Socialnämnden" });
        await page.Locator("#Name").FillAsync(name);
        await page.Locator("#Purposes").FillAsync("Utreda barns behov av skydd och stöd.");
        await page.Locator("#LegalBasis").SelectOptionAsync(new SelectOptionValue { Label = "Allmänt intresse eller myndighetsutövning (art. 6.1 e)" });
        await page.Locator("#SwedishLaw").FillAsync("socialtjänstlagen (2025:400)");
        await page.Locator("#RetentionRule").FillAsync("Bevaras");
        await page.GetByLabel("Känsliga uppgifter eller uppgifter av mycket personlig karaktär").CheckAsync();
        await page.GetByLabel("Sårbara registrerade (barn, anställda, personer under omsorg)").CheckAsync();
        await page.GetByLabel("Tröskelbedömningen är gjord").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("uppfyller 2 av de nio kriterierna");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Assess it: a decision without the DPO's advice is refused; with it, the assessment is done.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gör en konsekvensbedömning" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#Risks").FillAsync("Obehörig åtkomst till utredningen");
        await page.Locator("#RiskLikelihood-0").SelectOptionAsync("2");
        await page.Locator("#RiskSeverity-0").SelectOptionAsync("4");
        await page.Locator("#ResidualLikelihood").SelectOptionAsync("1");
        await page.Locator("#ResidualSeverity").SelectOptionAsync("2");
        await page.Locator("#Decision").SelectOptionAsync("Proceed");
        await page.Locator("#DecidedOn").FillAsync("2026-11-02");
        await page.Locator("#DecidedBy").FillAsync("Socialnämnden, § 12");
        await page.Locator("#ReviewOn").FillAsync("2027-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ett beslut kräver dataskyddsombudets råd");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#DpoAdvice").FillAsync("Inför logguppföljning varje månad.");
        await page.Locator("#DpoAdviceOn").FillAsync("2026-10-20");
        await page.Locator("#DpoAdviceFollowed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Konsekvensbedömning");
        await Assertions.Expect(page.Locator("#DpoAdvice")).ToHaveValueAsync("Inför logguppföljning varje månad.");

        // The controller's record lists it as assessed, and exports as PDF for IMY.
        await page.GotoAsync("/ostersund/registerforteckning");
        await page.Locator("#personuppgiftsansvarig").SelectOptionAsync(new SelectOptionValue { Label = "Socialnämnden" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("Gjord");
        await BrowserFixture.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF", Exact = true }).ClickAsync());
        Assert.StartsWith("registerforteckning-ostersund-socialnamnden", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
