using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// The DPO pages as a party administrator, the e-strateg and a global administrator use them: Swedish errors first, then
/// a saved person and allocation, the warnings, the committee matrix and its Excel file; WCAG 2.1 AA by axe on every page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DpoInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task PartyAdministrator_AddsAPersonAndAnAllocation_SeesWarnings()
    {
        var page = await browser.SignInAsync("Cecilia Claesson");
        await page.GotoAsync("/ostersund");
        await BrowserFixture.FollowMenuAsync(page, "Inställningar", "Dataskyddsombud");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dataskyddsombud");
        // The demo: Kultur- och fritidsnämnden has no DPO, and Bo Berglund is planned over a full-time post.
        var todo = page.Locator("section[aria-labelledby=warnings-heading]");
        await Assertions.Expect(todo).ToContainTextAsync("Kultur- och fritidsnämnden saknar ordinarie dataskyddsombud");
        await Assertions.Expect(todo).ToContainTextAsync("mer än en heltid går inte att utföra (art. 38.2)");
        await BrowserFixture.AssertAccessibleAsync(page);

        // A new person: a bad e-mail address is refused in Swedish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt dataskyddsombud" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nytt dataskyddsombud");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("E-post i tjänsten").FillAsync("inte-en-adress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Ange dataskyddsombudets namn.");
        await Assertions.Expect(alert).ToContainTextAsync("E-postadressen är inte giltig");
        await Assertions.Expect(page.GetByLabel("Namn")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Namn").FillAsync("Ida Itsson");
        await page.GetByLabel("E-post i tjänsten").FillAsync("dataskyddsombud@ostersund.example");
        await page.GetByLabel("Andra roller").FillAsync("IT-chef");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ida Itsson är sparad.");

        // A new allocation: share and dates are checked, every error at once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt uppdrag" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nytt uppdrag som dataskyddsombud");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Dataskyddsombud", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ida Itsson" });
        await page.GetByLabel("Roll").SelectOptionAsync(new SelectOptionValue { Label = "Ordinarie" });
        await page.GetByLabel("Andel av en heltidstjänst (%)").FillAsync("150");
        await page.GetByLabel("Första dag").FillAsync("2026-06-01");
        await page.GetByLabel("Sista dag (tomt = tills vidare)").FillAsync("2026-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Andelen av en heltidstjänst ska vara ett heltal från 1 till 100 %.");
        await Assertions.Expect(alert).ToContainTextAsync("Sista dag kan inte vara före första dag.");
        await Assertions.Expect(alert).ToContainTextAsync("Välj minst en personuppgiftsansvarig");
        await Assertions.Expect(alert).ToContainTextAsync("Ange vem dataskyddsombudet rapporterar till");
        await Assertions.Expect(page.GetByLabel("Andel av en heltidstjänst (%)")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Kultur- och fritidsnämnden").CheckAsync();
        await page.GetByLabel("Andel av en heltidstjänst (%)").FillAsync("25");
        await page.GetByLabel("Sista dag (tomt = tills vidare)").FillAsync("");
        await page.GetByLabel("Rapporterar till").FillAsync("Kommunstyrelsen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppdraget är sparat.");
        var cover = page.Locator("section[aria-labelledby=cover-heading]").GetByRole(AriaRole.Row).Filter(new() { HasText = "Kultur- och fritidsnämnden" });
        await Assertions.Expect(cover).ToContainTextAsync("Ida Itsson");
        todo = page.Locator("section[aria-labelledby=warnings-heading]");
        await Assertions.Expect(todo).Not.ToContainTextAsync("Kultur- och fritidsnämnden saknar");
        await Assertions.Expect(todo).ToContainTextAsync("Rollen ”IT-chef” kan ge en intressekonflikt");
        await Assertions.Expect(todo).ToContainTextAsync("IMY har inte fått kontaktuppgifterna"); // started 1 June, IMY not told
        await BrowserFixture.AssertAccessibleAsync(page);

        // The person page: warnings with articles, the total over time; editable here since she serves only Östersund.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ida Itsson" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ida Itsson");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("(art. 38.6)");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sammanlagd andel över tid, alla parter");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifterna" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Andra roller")).ToHaveValueAsync("IT-chef");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Bo Berglund serves several parties: only a global administrator changes him.
        await page.GotoAsync("/ostersund/dataskyddsombud");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bo Berglund" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tjänstgör även hos andra parter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifterna" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Krokom");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Target and budget.
        await page.GotoAsync("/ostersund/dataskyddsombud/mal");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Mål, andel av en heltid (%)").FillAsync("många");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Målet ska vara ett heltal i procent");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Mål, andel av en heltid (%)").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=share-heading]")).ToContainTextAsync("100 %");
    }

    [PostgresFact]
    public async Task EStrategist_SeesTheMatrix_AndDownloadsExcel_AdministratorEditsRules()
    {
        var page = await browser.SignInAsync("Stina Strand (e-strateg)");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dataskyddsombud i nämnden" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dataskyddsombud i nämnden");
        var table = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table).ToContainTextAsync("Bo Berglund");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Krokoms kommun" })).ToContainTextAsync("25 % ordinarie");
        await Assertions.Expect(page.Locator("section[aria-labelledby=warnings-heading]")).ToContainTextAsync("(art. 38.6)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nytt dataskyddsombud" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 1000);

        var admin = await browser.SignInAsync("Göran Global (administratör)");
        await admin.GotoAsync("/dataskyddsombud");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Regler för oberoende" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Roller som kan ge en intressekonflikt")).ToContainTextAsync("Kommunjurist");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GetByLabel("Minsta andel av en heltid för ett ordinarie uppdrag (%)").FillAsync("0");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Minsta andel ska vara ett heltal från 1 till 100 %.");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GetByLabel("Minsta andel av en heltid för ett ordinarie uppdrag (%)").FillAsync("20");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Reglerna för oberoende är sparade.");

        await admin.Locator("section[aria-labelledby=admin-heading]").GetByRole(AriaRole.Link, new() { Name = "Bo Berglund" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Ändra dataskyddsombud");
        await Assertions.Expect(admin.GetByLabel("Namn")).ToHaveValueAsync("Bo Berglund");
        // The global administrator sees every party's allocations of a shared person, and the planned overload.
        await Assertions.Expect(admin.Locator("section[aria-labelledby=history-heading]")).ToContainTextAsync("Krokoms kommun");
        await Assertions.Expect(admin.Locator("section[aria-labelledby=totals-heading]")).ToContainTextAsync("110 % – över heltid (art. 38.2)");
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GotoAsync("/dataskyddsombud/personer/ny");
        await BrowserFixture.AssertAccessibleAsync(admin);
    }
}
