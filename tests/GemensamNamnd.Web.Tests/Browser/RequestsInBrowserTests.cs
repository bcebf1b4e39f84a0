using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The request register as an officer uses it: the list, the form with Swedish errors first, the case page; WCAG 2.1 AA by axe.</summary>
[Trait("Category", "Browser")]
public sealed class RequestsInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task Officer_RegistersARequest_ThroughTheForm_WithSwedishErrorsFirst()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund");
        await BrowserFixture.FollowMenuAsync(page, "Ärenden", "Begäranden");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Begäranden från registrerade");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera begäran" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registrera begäran");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The validator checks the personnummer before the controller, the rights and the name; the summary still
        // lists the errors in the form's order, and takes the focus.
        await page.GetByLabel("Personnummer eller samordningsnummer (valfritt)").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Begäran kunde inte registreras");
        await Assertions.Expect(alert).ToBeFocusedAsync();
        var targets = await alert.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#Channel", "#ControllerIds", "#Rights", "#RequesterName", "#PersonalNumber"], targets);
        await Assertions.Expect(alert).ToContainTextAsync("Välj hur begäran kom in.");
        await Assertions.Expect(alert).ToContainTextAsync("Välj minst en rättighet som den registrerade åberopar.");
        await Assertions.Expect(alert).ToContainTextAsync("Ange den registrerades namn");
        await Assertions.Expect(alert).ToContainTextAsync("Välj vilken nämnd eller vilket bolag begäran gäller.");
        await Assertions.Expect(page.GetByLabel("Kom in via")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The error summary's links lead to the fields.
        await alert.GetByRole(AriaRole.Link, new() { Name = "Välj minst en rättighet som den registrerade åberopar." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Registerutdrag (art. 15)")).ToBeFocusedAsync();

        await page.GetByLabel("Kom in via").SelectOptionAsync(new SelectOptionValue { Label = "E-post" });
        await page.GetByLabel("Socialnämnden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Registerutdrag (art. 15)").CheckAsync();
        await page.GetByLabel("Radering (art. 17)").CheckAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Karin Karlsson");
        await page.GetByLabel("Personnummer eller samordningsnummer (valfritt)").FillAsync("19850315-2384");
        await page.GetByLabel("E-post (valfritt)").FillAsync("karin@example.se");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();

        var year = Swedish.ToLocal(DateTimeOffset.UtcNow).Year;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Begäran KS {year}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"registrerad med diarienummer KS {year}/");
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Karin Karlsson");
        await Assertions.Expect(main).ToContainTextAsync("19850315-****");
        await Assertions.Expect(main).Not.ToContainTextAsync("2384");
        await Assertions.Expect(main).ToContainTextAsync("Sista dag:");
        await Assertions.Expect(main).ToContainTextAsync("Tidsfristen räknas från mottagandet (strikt tolkning, art. 12.3).");
        await Assertions.Expect(main).ToContainTextAsync("Registerutdrag (art. 15), Radering (art. 17)");
        await BrowserFixture.AssertAccessibleAsync(page);
        var caseNumber = (await page.Locator("h1").InnerTextAsync())["Begäran ".Length..];

        await page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till listan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync(caseNumber);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = caseNumber })).ToContainTextAsync("dagar kvar");

        // Filters are plain GET: the overdue list does not hold a case received today.
        await page.GetByLabel("Tidsfrist").SelectOptionAsync(new SelectOptionValue { Label = "Försenade" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        Assert.Contains("frist=forsenade", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync(caseNumber);
        await BrowserFixture.AssertAccessibleAsync(page);

        // The same person again: registered, with a warning, never blocked.
        await page.GotoAsync("/ostersund/begaranden/ny");
        await page.GetByLabel("Kom in via").SelectOptionAsync(new SelectOptionValue { Label = "Telefon" });
        await page.GetByLabel("Kommunstyrelsen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Rättelse (art. 16)").CheckAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Karin Karlsson");
        await page.GetByLabel("Personnummer eller samordningsnummer (valfritt)").FillAsync("198503152384");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Begäran KS {year}/");
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync($"Begäran {caseNumber}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Samma person har en pågående begäran");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task Officer_MovesACase_ThroughHandlingExtensionAndAnswer_OnTheCasePage()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund/begaranden/ny");
        await page.GetByLabel("Kom in via").SelectOptionAsync(new SelectOptionValue { Label = "E-post" });
        await page.GetByLabel("Socialnämnden", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Registerutdrag (art. 15)").CheckAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Per Persson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();

        var year = Swedish.ToLocal(DateTimeOffset.UtcNow).Year;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Begäran KS {year}/");
        var caseUrl = page.Url;
        var facts = page.Locator("section[aria-labelledby=case-heading]");
        await Assertions.Expect(facts).ToContainTextAsync("Registrerad");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nästa steg", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.stepper li[aria-current=step]")).ToHaveTextAsync("Nu: Registrerad");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Begär identitetskontroll" })).ToBeVisibleAsync();
        // Extension is for a case under handling only (art. 12.3).
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Förläng", Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Påbörja handläggning" }).ClickAsync();
        Assert.Equal(caseUrl, page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Handläggningen har påbörjats.");
        await Assertions.Expect(facts).ToContainTextAsync("Under handläggning");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Påbörja handläggning" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("ol.stepper li[aria-current=step]")).ToHaveTextAsync("Nu: Under handläggning");
        // The other actions are folded away until asked for.
        await page.GetByText("Fler åtgärder", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Förläng fristen med två månader" })).ToContainTextAsync("(art. 12.3)");
        await BrowserFixture.AssertAccessibleAsync(page);

        // No reason: refused in Swedish, in the summary and next to the field.
        await page.GetByLabel("Skäl till förlängningen").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Förläng", Exact = true }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Ändringen kunde inte sparas");
        await Assertions.Expect(alert).ToContainTextAsync("Ange skälet till förlängningen (art. 12.3).");
        await Assertions.Expect(page.GetByLabel("Skäl till förlängningen")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#Reason-error")).ToHaveTextAsync("Ange skälet till förlängningen (art. 12.3).");
        await Assertions.Expect(facts).ToContainTextAsync("Under handläggning");
        await BrowserFixture.AssertAccessibleAsync(page);

        var today = Swedish.ToLocal(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var newLastDay = await page.Locator("#Extend-hint time").Nth(1).GetAttributeAsync("datetime");
        await page.GetByLabel("Skäl till förlängningen").FillAsync("Begäran omfattar många system.");
        await page.GetByLabel("Datum då den registrerade underrättades").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Förläng", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Fristen är förlängd med två månader");
        await Assertions.Expect(facts).ToContainTextAsync("Förlängd");
        await Assertions.Expect(page.Locator("#deadline-heading + p time")).ToHaveAttributeAsync("datetime", newLastDay!);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Skäl: Begäran omfattar många system.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Förläng", Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);

        await Assertions.Expect(page.GetByLabel("Svarsdatum")).ToHaveValueAsync(today);
        // No officer is assigned: the guard rail asks for a reason to answer anyway.
        await Assertions.Expect(page.Locator("section[aria-labelledby=next-heading]")).ToContainTextAsync("Ingen handläggare är tilldelad ärendet.");
        await page.GetByLabel("Skäl att besvara ändå").FillAsync("Registraturen besvarar enkla registerutdrag.");
        await page.GetByLabel("Svaret lämnades via").SelectOptionAsync(new SelectOptionValue { Label = "Säker e-post" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Besvara", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ärendet är besvarat");
        await Assertions.Expect(facts).ToContainTextAsync("Besvarad");
        await Assertions.Expect(facts).ToContainTextAsync("via säker e-post");
        // A closed case offers no more changes.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fler åtgärder", Exact = true })).ToHaveCountAsync(0);
        // Files and letters may still be kept on a closed case; nothing else changes it.
        await Assertions.Expect(page.Locator("main form[method=post]:not(#handlingar form, #letters form)")).ToHaveCountAsync(0);

        var timeline = page.Locator("section[aria-labelledby=events-heading] li");
        await Assertions.Expect(timeline.Filter(new() { HasText = "Handläggningen har påbörjats." })).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.Filter(new() { HasText = "Förlängd med två månader (art. 12.3)" })).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.Filter(new() { HasText = "via säker e-post" })).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.First).ToContainTextAsync("Besvarad");
        await Assertions.Expect(timeline.First).ToContainTextAsync("Anna Andersson");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task Officer_RegistersAndAnswersARequest_WithTheKeyboardAlone()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund/begaranden/ny");

        // Only Tab, the arrow keys, Space, typing and Enter from here: every field is reached in the page's tab order.
        await ChooseAsync(page, page.GetByLabel("Kom in via"), "E-post");
        await TabToAsync(page, page.GetByLabel("Socialnämnden", new() { Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByLabel("Registerutdrag (art. 15)"));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByLabel("Namn", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Kim Tangentbord");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        var year = Swedish.ToLocal(DateTimeOffset.UtcNow).Year;
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Begäran KS {year}/");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kim Tangentbord");

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Påbörja handläggning" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Handläggningen har påbörjats.");

        await TabToAsync(page, page.GetByLabel("Skäl att besvara ändå"));
        await page.Keyboard.TypeAsync("Enkelt utdrag.");
        await ChooseAsync(page, page.GetByLabel("Svaret lämnades via"), "Säker e-post");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Besvara", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ärendet är besvarat");
        await Assertions.Expect(page.Locator("section[aria-labelledby=case-heading]")).ToContainTextAsync("via säker e-post");
    }

    /// <summary>Presses Tab until the element has the focus (from wherever the focus is); fails if it is never reached.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{target} nåddes inte med Tab");
    }

    /// <summary>Tabs to a select and moves through its options with the arrow keys until the one with this text is chosen.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await TabToAsync(page, select);
        for (var presses = 0; presses < 40; presses++)
        {
            if (await select.EvaluateAsync<string>("s => s.options[s.selectedIndex]?.text ?? ''") == option)
            {
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Fail($"{option} gick inte att välja i {select} med piltangenterna");
    }
}
