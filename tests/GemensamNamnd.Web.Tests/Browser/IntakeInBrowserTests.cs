using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// Issue 19 in Chromium: an officer registers one letter addressed to the municipality for three nämnder in one step,
/// with a representative; each case shows the others, and "Begäran och ombud" the whole intake; then one nämnd's case
/// is searched, reviewed for secrecy per system with an OSL provision, and answered as a partial refusal. WCAG 2.1 AA by axe.
/// </summary>
[Trait("Category", "Browser")]
public sealed class IntakeInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string SystemName = "Procapita (webbtest)";

    [PostgresFact]
    public async Task Officer_RegistersOneLetterForThreeNamnder_InOneStep_ReviewsSecrecyPerSystem_AndAnswers()
    {
        // A system of its own, out of use again at the end, so no other case of the party meets it.
        await browser.App.InParty("ostersund", async db =>
        {
            db.PartySystems.Add(new PartySystem { Name = SystemName });
            return await db.SaveChangesAsync();
        });
        try
        {
            await RegisterAndAnswerAsync();
        }
        finally
        {
            await browser.App.InParty("ostersund", db => db.PartySystems.Where(x => x.Name == SystemName)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.IsActive, false)));
        }
    }

    private async Task RegisterAndAnswerAsync()
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

        // One nämnd's case: searched, reviewed for secrecy with an OSL provision, answered.
        await page.Locator("table tbody tr a").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Påbörja handläggning" }).ClickAsync();
        await page.Locator("#systems summary").ClickAsync();
        await page.GetByLabel($"Resultat för {SystemName}").SelectOptionAsync(new SelectOptionValue { Label = "Uppgifter finns" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara checklistan" }).ClickAsync();

        var secrecy = page.Locator("#secrecy");
        await Assertions.Expect(secrecy.Locator("summary")).ToContainTextAsync("0 av 1 prövade");
        await secrecy.Locator("summary").ClickAsync();
        await page.GetByLabel($"Utfall för {SystemName}").SelectOptionAsync(new SelectOptionValue { Label = "Lämnas ut med maskering" });
        await page.GetByLabel($"Bestämmelse för {SystemName}").SelectOptionAsync("26:1");
        await page.GetByLabel($"Anteckning om sekretessprövningen för {SystemName}").FillAsync("Uppgifter om tredje man maskerade.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara sekretessprövningen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sekretessprövningen är sparad");
        await Assertions.Expect(secrecy.Locator("summary")).ToContainTextAsync("1 av 1 prövade");

        // The review decides the right of access: granted in part, with the provision cited.
        await Assertions.Expect(page.Locator("select[name='Decisions[Access]']")).ToHaveValueAsync("PartlyGranted");
        var reason = page.GetByLabel("Skäl att besvara ändå");
        if (await reason.CountAsync() > 0)
        {
            await reason.FillAsync("Övriga system saknar uppgifter enligt registraturen.");
        }

        await page.GetByLabel("Svaret lämnades via").SelectOptionAsync(new SelectOptionValue { Label = "Brev" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Besvara", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Delvis avslag");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("OSL 26 kap. 1 §");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
