using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The breach register as an officer uses it: register → assess → report → supplement → close; every page of the feature checked by axe (WCAG 2.1 AA).</summary>
[Trait("Category", "Browser")]
public sealed class BreachesInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task Officer_Registers_Assesses_Reports_Supplements_AndCloses_ABreach()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund");
        await BrowserFixture.FollowMenuAsync(page, "Ärenden", "Incidenter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Personuppgiftsincidenter");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The form: Swedish errors first, next to the fields and in the summary.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera med alla uppgifter" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registrera incident");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Incidenten kunde inte registreras");
        await Assertions.Expect(alert).ToContainTextAsync("Välj minst en personuppgiftsansvarig");
        await Assertions.Expect(alert).ToContainTextAsync("Beskriv vad som har hänt.");
        await Assertions.Expect(page.Locator("#Title")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#Title").FillAsync("Elevlista skickad till fel vårdnadshavare");
        await page.GetByLabel("Socialnämnden").CheckAsync();
        await page.Locator("#Description").FillAsync("En klasslista med namn och telefonnummer skickades till fel mottagare.");
        await page.Locator("#Types").CheckAsync();
        await page.Locator("#Cause").SelectOptionAsync(new SelectOptionValue { Label = "Felskickad e-post eller brev" });
        await page.Locator("#Groups-Pupils").CheckAsync();
        await page.Locator("#Count-Pupils").FillAsync("28");
        await page.Locator("#Kinds").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();

        var year = Swedish.ToLocal(DateTimeOffset.UtcNow).Year;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Incident KS {year}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Incidenten är registrerad med diarienummer");
        var clock = page.Locator("section[aria-labelledby=clock-heading]");
        await Assertions.Expect(clock).ToContainTextAsync("Klockan går:");
        await Assertions.Expect(clock).ToContainTextAsync("timmar kvar");
        await Assertions.Expect(clock).ToContainTextAsync("(svensk tid)");
        await BrowserFixture.AssertAccessibleAsync(page);
        var caseUrl = page.Url;

        // Assess: a risk, so reportable; no Art. 34 notice below high risk.
        await page.Locator("#Risk-Risk").CheckAsync();
        await page.Locator("#RiskReasoning").FillAsync("Kontaktuppgifter till barn har röjts för en obehörig.");
        await page.Locator("#Reportable").CheckAsync();
        await page.Locator("#SubjectNoticeRequired-no").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara bedömningen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bedömningen är sparad. Anmäl till IMY senast");
        var facts = page.Locator("section[aria-labelledby=facts-heading]");
        await Assertions.Expect(facts).ToContainTextAsync("Bedömd");
        await BrowserFixture.AssertAccessibleAsync(page);

        // Report to IMY, now: within 72 hours.
        await page.Locator("#ImyReference").FillAsync("IMY-2026-4711");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera anmälan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Första kompletteringen ska lämnas senast");
        await Assertions.Expect(clock).ToContainTextAsync("inom fristen");
        await Assertions.Expect(facts).ToContainTextAsync("Anmäld till IMY");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The report view: printable, copyable, WCAG clean.
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmälan till IMY (utskrift och text)" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Anmälan av personuppgiftsincident");
        await Assertions.Expect(page.Locator("#report-text")).ToContainTextAsync("IMY:s diarienummer: IMY-2026-4711");
        await Assertions.Expect(page.Locator("#report-text")).ToContainTextAsync("Elever (ca 28)");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#report-text")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".report h1")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync(caseUrl);

        // Supplement: empty text refused in Swedish, then given.
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera komplettering" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Beskriv vad som kompletterades.");
        await Assertions.Expect(page.Locator("#SupplementText")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#SupplementText").FillAsync("Samtliga mottagare har bekräftat att listan är raderad.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera komplettering" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kompletteringen är registrerad.");
        await Assertions.Expect(page.Locator("section[aria-labelledby=supplements-heading]")).ToContainTextAsync("bekräftat att listan är raderad");

        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta incidenten" }).ClickAsync();
        // Asked first, stating the consequence; only "Ja, …" closes.
        await Assertions.Expect(page.Locator("#confirm")).ToContainTextAsync("Det går inte att ångra.");
        await Assertions.Expect(facts).Not.ToContainTextAsync("Avslutad");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, avsluta incidenten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Incidenten är avslutad.");
        await Assertions.Expect(facts).ToContainTextAsync("Avslutad");
        // Closed: nothing left to change; files and letters may still be kept on the case.
        await Assertions.Expect(page.Locator("main form[method=post]:not(#handlingar form, #letters form)")).ToHaveCountAsync(0);
        var timeline = page.Locator("section[aria-labelledby=events-heading] li");
        await Assertions.Expect(timeline).ToHaveCountAsync(5);
        await Assertions.Expect(timeline.First).ToContainTextAsync("Avslutad.");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The list, filtered; statistics; drills and their form.
        await page.GotoAsync("/ostersund/incidenter?status=Closed&klocka=");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Elevlista skickad till fel vårdnadshavare");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Statistik" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Statistik över personuppgiftsincidenter");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/ostersund/ovningar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Övningar av incidentrutinen");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera övning" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Beskriv scenariot som övades");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#Scenario").FillAsync("Stulen surfplatta i hemtjänsten");
        await page.Locator("#Participants").FillAsync("DSO, enhetschef, IT");
        await page.Locator("#Actions").FillAsync("Kryptera alla surfplattor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Stulen surfplatta i hemtjänsten");

        // The edit form of a breach, and the start page with the drill.
        await page.GotoAsync("/ostersund");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Senaste övningen:");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task EditForm_OfAnOpenBreach_IsAccessible()
    {
        var page = await browser.SignInAsync("Bo Berglund");
        await page.GotoAsync("/krokom/incidenter?klocka=pagar");
        await page.GetByRole(AriaRole.Table).Locator("tbody a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifterna" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ändra incident KS ");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#Title").FillAsync("Ändrad rubrik");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppgifterna är sparade.");
        await Assertions.Expect(page.Locator(".lead")).ToHaveTextAsync("Ändrad rubrik");
    }
}
