using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The shell as a person uses it: demo sign-in, party start page, a form with errors, and WCAG 2.1 AA by axe.</summary>
[Trait("Category", "Browser")]
public sealed class ShellInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task PublicPages_AreAccessible()
    {
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = browser.BaseUrl });
        foreach (var url in new[] { "/", "/logga-in", "/demo/logga-in", "/finns-inte" })
        {
            await page.GotoAsync(url);
            await BrowserFixture.AssertAccessibleAsync(page);
        }
    }

    [PostgresFact]
    public async Task Administrator_AddsAController_ThroughTheForm_WithSwedishErrorsFirst()
    {
        var page = await browser.SignInAsync("Cecilia Claesson");
        await page.GotoAsync("/ostersund");
        Assert.Equal("Östersunds kommun", await page.Locator("h1").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Personuppgiftsansvariga" }).First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange namnet på nämnden eller bolaget.");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Namn").FillAsync("Överförmyndarnämnden");
        await page.GetByLabel("Slag").SelectOptionAsync(new SelectOptionValue { Label = "Nämnd" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Överförmyndarnämnden");

        await page.GotoAsync("/ostersund/logg");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Överförmyndarnämnden");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task DpoServingThreeParties_SwitchesParty_AndIsRefusedElsewhere()
    {
        var page = await browser.SignInAsync("Bo Berglund");
        await page.GotoAsync("/krokom");
        await page.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Åre kommun" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt" }).ClickAsync();
        Assert.Equal("Åre kommun", await page.Locator("h1").InnerTextAsync());

        var refused = await page.GotoAsync("/berg");
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Du har inte behörighet", await page.Locator("h1").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" })).ToBeVisibleAsync();
        var afterSignOut = await page.GotoAsync("/krokom");
        Assert.EndsWith("/logga-in?ReturnUrl=%2Fkrokom", afterSignOut!.Url, StringComparison.Ordinal);
    }
}

