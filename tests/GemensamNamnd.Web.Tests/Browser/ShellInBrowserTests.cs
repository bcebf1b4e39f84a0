using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The shell as a person uses it: demo sign-in, party start page, a form with errors, and WCAG 2.1 AA by axe.</summary>
public sealed class ShellInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private async Task<IPage> SignInAsync(string name)
    {
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = browser.BaseUrl, Locale = "sv-SE" });
        await page.GotoAsync("/demo/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Logga in som {name}" }).ClickAsync();
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0,
            $"{page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length})")));
    }

    [Fact]
    public async Task PublicPages_AreAccessible()
    {
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = browser.BaseUrl });
        foreach (var url in new[] { "/", "/logga-in", "/demo/logga-in", "/finns-inte" })
        {
            await page.GotoAsync(url);
            await AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task Administrator_AddsAController_ThroughTheForm_WithSwedishErrorsFirst()
    {
        var page = await SignInAsync("Cecilia Claesson");
        await page.GotoAsync("/ostersund");
        Assert.Equal("Östersunds kommun", await page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Personuppgiftsansvariga" }).First.ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg till" }).ClickAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange namnet på nämnden eller bolaget.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Namn").FillAsync("Överförmyndarnämnden");
        await page.GetByLabel("Slag").SelectOptionAsync(new SelectOptionValue { Label = "Nämnd" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Överförmyndarnämnden");

        await page.GotoAsync("/ostersund/logg");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Överförmyndarnämnden");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task DpoServingThreeParties_SwitchesParty_AndIsRefusedElsewhere()
    {
        var page = await SignInAsync("Bo Berglund");
        await page.GotoAsync("/krokom");
        await page.GetByLabel("Part", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Åre kommun" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt" }).ClickAsync();
        Assert.Equal("Åre kommun", await page.Locator("h1").InnerTextAsync());

        var refused = await page.GotoAsync("/berg");
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Du har inte behörighet", await page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" })).ToBeVisibleAsync();
        var afterSignOut = await page.GotoAsync("/krokom");
        Assert.EndsWith("/logga-in?ReturnUrl=%2Fkrokom", afterSignOut!.Url, StringComparison.Ordinal);
    }
}

