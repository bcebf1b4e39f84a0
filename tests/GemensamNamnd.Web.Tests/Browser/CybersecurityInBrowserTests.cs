using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// Issue 20 in Chromium: a breach marked as a significant incident under the cybersecurity act shows the IMY clock and
/// the act's three clocks side by side, and the early warning is recorded as sent. WCAG 2.1 AA by axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CybersecurityInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task Officer_MarksABreachSignificant_AndRecordsTheEarlyWarning()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund/incidenter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera med alla uppgifter" }).ClickAsync();
        await page.Locator("#Title").FillAsync("Intrång i e-tjänstplattformen");
        await page.GetByLabel("Socialnämnden").CheckAsync();
        await page.Locator("#Description").FillAsync("Obehörig åtkomst till plattformen under natten.");
        await page.Locator("#Types").CheckAsync();
        await page.Locator("#Cause").SelectOptionAsync(new SelectOptionValue { Label = "Dataintrång eller skadlig kod" });
        await page.Locator("#Groups-Pupils").CheckAsync();
        await page.Locator("#Count-Pupils").FillAsync("120");
        await page.Locator("#Kinds").CheckAsync();
        await page.GetByLabel("Betydande incident enligt cybersäkerhetslagen").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();

        var cyber = page.Locator("section[aria-labelledby=cyber-heading]");
        await Assertions.Expect(cyber).ToContainTextAsync("Tidig varning");
        await Assertions.Expect(cyber).ToContainTextAsync("Incidentanmälan");
        await Assertions.Expect(cyber).ToContainTextAsync("Slutrapport");
        await BrowserFixture.AssertAccessibleAsync(page);

        await cyber.GetByLabel("Rapport").SelectOptionAsync(new SelectOptionValue { Label = "Tidig varning" });
        await cyber.GetByRole(AriaRole.Button, new() { Name = "Registrera skickad" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(cyber.GetByLabel("Rapport").Locator("option", new() { HasText = "Tidig varning" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tidig varning");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
