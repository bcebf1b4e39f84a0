using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// Retention as the party's administrator uses it: a plan below the minimum refused in Swedish, a valid plan, the
/// preview, "Gallra nu", the log; then the person search and the record of processing. WCAG 2.1 AA by axe on each page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RetentionInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A request answered 13 months ago: not due under the default 24 months, due under a 12-month plan.</summary>
    private async Task<(Guid Id, string CaseNumber)> ClosedRequestAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync("ostersund", default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var answered = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-13);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(new RegisterRequestInput(
                new DateTimeOffset(answered.AddDays(-7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), RequestChannel.Email, controller.Id,
                DataSubjectRights.Access, "Gallra Gallrasson", "19121212-1212", "gallra@example.org", null, false, "Vill ha utdrag."), default);
            Assert.Empty(registered.Errors);
            var stored = await db.Requests.SingleAsync(r => r.Id == registered.Value!.Id);
            (stored.Status, stored.AnsweredOn, stored.Delivery) = (RequestStatus.Answered, answered, AnswerDelivery.Letter);
            await db.SaveChangesAsync();
            return (stored.Id, stored.CaseNumber);
        });
    }

    [PostgresFact]
    public async Task Administrator_SetsAPlan_Previews_AndThins()
    {
        var (caseId, caseNumber) = await ClosedRequestAsync();
        var page = await browser.SignInAsync("Cecilia Claesson");
        await page.GotoAsync("/ostersund");
        await BrowserFixture.FollowMenuAsync(page, "Uppföljning", "Gallring");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gallring");
        await Assertions.Expect(page.Locator("#forhandsvisning + .table-scroll > table")).Not.ToContainTextAsync(caseNumber);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Below the minimum: refused in Swedish, the field marked.
        await page.GetByLabel("Sparas i antal månader efter avslut").First.FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara planen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Gallringsfristen får inte vara kortare än 12 månader efter avslut.");
        await Assertions.Expect(page.Locator("#RequestMonths")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);

        // A valid plan: requests thinned 12 months after closure; the request falls due at once.
        await page.Locator("#RequestMonths").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara planen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Gallringsplanen är sparad.");
        var preview = page.Locator("#forhandsvisning + .table-scroll > table");
        await Assertions.Expect(preview).ToContainTextAsync(caseNumber);
        await Assertions.Expect(preview).ToContainTextAsync("förfallen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gallra nu" }).ClickAsync();
        // Nothing happens before the administrator has seen how many cases go, and that it cannot be undone.
        await Assertions.Expect(page.Locator("#confirm")).ToContainTextAsync("Det går inte att ångra.");
        await Assertions.Expect(page.Locator("#forhandsvisning + .table-scroll > table")).ToContainTextAsync(caseNumber);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#confirm").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Gallringen är klar: 1 gallrade, 0 raderade, 0 med gallringsstopp.");
        await Assertions.Expect(page.Locator("#logg + .table-scroll > table")).ToContainTextAsync(caseNumber);
        await Assertions.Expect(page.Locator("#logg + .table-scroll > table")).ToContainTextAsync("Begäranden: gallras 12 månader efter avslut");
        await Assertions.Expect(page.Locator("#forhandsvisning + .table-scroll > table")).Not.ToContainTextAsync(caseNumber);
        await BrowserFixture.AssertAccessibleAsync(page);

        // The case page explains the thinned fields.
        await page.GotoAsync($"/ostersund/begaranden/{caseId}");
        await Assertions.Expect(page.Locator("main [role=note]")).ToContainTextAsync("Ärendet gallrades");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Gallra Gallrasson");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The thinned case can no longer be found by its personnummer.
        await BrowserFixture.FollowMenuAsync(page, "Ärenden", "Personsökning");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Personnummer eller samordningsnummer").FillAsync("19121212-1212");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange varför du söker");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Skäl till sökningen").FillAsync("Kontroll efter gallring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Inget i registren innehåller uppgifter om personen.");
        await BrowserFixture.AssertAccessibleAsync(page);

        await BrowserFixture.FollowMenuAsync(page, "Inställningar", "Verktygets registerförteckning");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Verktygets registerförteckning");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Begäranden: gallras 12 månader efter avslut");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
