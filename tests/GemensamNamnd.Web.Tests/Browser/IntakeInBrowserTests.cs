using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// Issue 19 in Chromium: an officer registers one letter addressed to the municipality for three nämnder in one step,
/// with a representative; each case shows the others, and "Begäran och ombud" the whole intake. WCAG 2.1 AA by axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class IntakeInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task Officer_RegistersOneLetterForThreeNamnder_InOneStep()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund/begaranden/ny");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registrera begäran");

        await page.GetByLabel("Kom in via").SelectOptionAsync(new SelectOptionValue { Label = "Brev" });
        await page.GetByLabel("Socialnämnden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Barn- och utbildningsnämnden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Miljö- och byggnämnden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Registerutdrag (art. 15)").CheckAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Linnea Lind");
        await page.GetByLabel("Ombudet är").SelectOptionAsync(new SelectOptionValue { Label = "Vårdnadshavare" });
        await page.GetByLabel("Ombudets namn").FillAsync("Lars Lind");
        await page.GetByLabel("Behörigheten kontrollerad (valfritt)").FillAsync("Vårdnaden kontrollerad i folkbokföringen");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("registrerad som 3 ärenden, ett per personuppgiftsansvarig");
        var block = page.Locator("section[aria-labelledby=intake-block-heading]");
        await Assertions.Expect(block).ToContainTextAsync("Samma begäran gäller 3 personuppgiftsansvariga");
        await Assertions.Expect(block).ToContainTextAsync("Begärd av Lars Lind (vårdnadshavare)");
        await Assertions.Expect(block.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await BrowserFixture.AssertAccessibleAsync(page);

        await block.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Begäran och ombud") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Begäran och ombud");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Socialnämnden");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Barn- och utbildningsnämnden");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Miljö- och byggnämnden");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kontrollerad");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
