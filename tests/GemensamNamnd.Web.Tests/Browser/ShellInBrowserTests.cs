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

    [PostgresFact]
    public async Task Menu_LinksOnlyPagesTheRoleMayOpen_OnOneLineAt1280_AndWorksByKeyboard()
    {
        var expected = new Dictionary<string, (int Links, bool Log)>
        {
            ["Anna Andersson"] = (12, false), // case officer: no oversight pages (Logg, Gallring, Mognad, Personsökning, System); the registers (Behandlingar, Konsekvensbedömningar, Personuppgiftsbiträden, Rådgivningslogg)
            ["Bo Berglund"] = (18, true), // the DPO also keeps the party's letter templates (Brevmallar), and the four registers
            ["Cecilia Claesson"] = (19, true), // the party's administrator also manages its users, reminder settings and letter templates; the registers but Rådgivningslogg (not an officer)
        };
        foreach (var (name, (links, log)) in expected)
        {
            var page = await browser.SignInAsync(name);
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync("/ostersund");
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
            var tops = await menu.Locator(".main-nav__list > li").EvaluateAllAsync<double[]>("items => items.map(i => i.getBoundingClientRect().top)");
            Assert.Single(tops.Distinct());

            var hrefs = await menu.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(links, hrefs.Length);
            Assert.Equal(log, hrefs.Contains("/ostersund/logg"));
            foreach (var href in hrefs)
            {
                var response = await page.APIRequest.GetAsync(href);
                Assert.True(response.Status == 200, $"{name}: {href} answered {response.Status}");
            }

            await page.CloseAsync();
        }

        // By keyboard: the group opens with Enter, Tab reaches its first link, Enter follows it; the page is marked.
        var anna = await browser.SignInAsync("Anna Andersson");
        await anna.GotoAsync("/ostersund");
        var annaMenu = anna.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await annaMenu.Locator("summary", new() { HasTextString = "Ärenden" }).FocusAsync();
        await anna.Keyboard.PressAsync("Enter");
        await anna.Keyboard.PressAsync("Tab");
        await Assertions.Expect(annaMenu.GetByRole(AriaRole.Link, new() { Name = "Begäranden", Exact = true })).ToBeFocusedAsync();
        await anna.Keyboard.PressAsync("Enter");
        await anna.WaitForURLAsync("**/ostersund/begaranden");
        await annaMenu.Locator("summary", new() { HasTextString = "Ärenden" }).ClickAsync();
        await Assertions.Expect(annaMenu.GetByRole(AriaRole.Link, new() { Name = "Begäranden", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await anna.Keyboard.PressAsync("Escape");
        await Assertions.Expect(annaMenu.GetByRole(AriaRole.Link, new() { Name = "Begäranden", Exact = true })).ToBeHiddenAsync();
        await BrowserFixture.AssertAccessibleAsync(anna);

        // The committee's menu: the e-strateg's pages; the global administrator's also administration.
        var stina = await browser.SignInAsync("Stina Strand (e-strateg)");
        await stina.GotoAsync("/mognad");
        var stinaMenu = stina.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(stinaMenu.GetByRole(AriaRole.Link, new() { Name = "Mognad i nämnden" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(stinaMenu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        var goran = await browser.SignInAsync("Göran Global (administratör)");
        await goran.GotoAsync("/");
        await Assertions.Expect(goran.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();
    }

    [PostgresFact]
    public async Task At320Pixels_ThePageNeverScrollsSideways_AWideTableScrollsInItsOwnRegion()
    {
        var page = await browser.SignInAsync("Stina Strand (e-strateg)");
        await page.SetViewportSizeAsync(320, 700);
        await page.GotoAsync("/mognad");
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        var wrapper = page.Locator(".table-scroll:has(table.comparison)");
        Assert.True(await wrapper.EvaluateAsync<bool>("w => w.scrollWidth > w.clientWidth"), "the comparison scrolls inside its wrapper");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
