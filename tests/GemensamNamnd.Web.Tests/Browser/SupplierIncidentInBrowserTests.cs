using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>
/// Issue 20 in Chromium: a DPO records a supplier's breach once, from the breach register; the affected parties are
/// suggested from the registers, a form without a party is refused in Swedish, and the incident page shows each party's
/// draft as status only. WCAG 2.1 AA by axe at each step.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SupplierIncidentInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task Dpo_RecordsASupplierIncident_FromTheSuggestedParties_AndSeesEachPartysStatus()
    {
        // Östersund runs its e-archive at Formpipe (the systems list names the supplier).
        await browser.App.InParty("ostersund", async db =>
        {
            var formpipe = await db.Suppliers.Where(s => s.Name == "Formpipe Software AB").Select(s => s.Id).SingleAsync();
            if (!await db.PartySystems.AnyAsync(s => s.SupplierId == formpipe && s.IsActive))
            {
                db.PartySystems.Add(new GemensamNamnd.Web.Features.Systems.PartySystem { Name = "E-arkivet (webbtest)", SupplierId = formpipe, IsActive = true });
            }

            return await db.SaveChangesAsync();
        });

        var page = await browser.SignInAsync("Bo Berglund");
        await page.GotoAsync("/ostersund/incidenter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Leverantörsincidenter" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Leverantörsincidenter");

        await page.GetByLabel("Leverantör att föreslå berörda parter för").SelectOptionAsync(new SelectOptionValue { Label = "Formpipe Software AB" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Föreslå berörda parter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är förvalda");
        var parties = page.GetByRole(AriaRole.Group, new() { Name = "Berörda parter" });
        await Assertions.Expect(parties.GetByLabel("Östersunds kommun")).ToBeCheckedAsync(); // runs Östersund's e-archive
        await BrowserFixture.AssertAccessibleAsync(page);

        // Without a party: refused in Swedish, nothing recorded.
        var title = "Intrång i e-arkivet " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Rubrik").FillAsync(title);
        await page.GetByLabel("Vad har hänt hos leverantören?").FillAsync("Obehörig åtkomst till arkivtjänsten hos leverantören.");
        var aware = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-3), GemensamNamnd.Web.Infrastructure.Swedish.TimeZone);
        await page.GetByLabel("Leverantören fick kännedom, datum").FillAsync(aware.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Leverantören fick kännedom, klockslag").FillAsync(aware.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var box in await parties.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.UncheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera och skapa utkast" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("Välj minst en berörd part");
        await BrowserFixture.AssertAccessibleAsync(page);

        await parties.GetByLabel("Östersunds kommun").CheckAsync();
        await parties.GetByLabel("Krokoms kommun").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera och skapa utkast" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
        var status = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Berörda parter" }) });
        await Assertions.Expect(status.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(status).ToContainTextAsync("Registrerad");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skapa saknade utkast" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
