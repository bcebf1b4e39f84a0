using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>The reminder settings, the user's digest choice and the failed-mail list, in Chromium, with axe (WCAG 2.1 AA).</summary>
[Trait("Category", "Browser")]
public sealed class RemindersInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task AnOfficer_ChoosesTheDailyDigest()
    {
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mina påminnelser" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("En sammanfattning per dag kl. 07.00").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("en sammanfattning per dag");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task TheAdministrator_SetsReminderSettings_WithSwedishErrors_AndResendsAFailedMail()
    {
        using (var scope = browser.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = "nagon@ostersund.test",
                From = "noreply@gemensamnamnd.local",
                Subject = "Påminnelse: KS 2026/0001 – misslyckad",
                TextBody = "x",
                HtmlBody = "<p>x</p>",
                CreatedAt = DateTimeOffset.UtcNow,
                NextAttemptAt = DateTimeOffset.UtcNow,
                Status = OutboxStatus.Failed,
                Attempts = 8,
                LastError = "SocketException: Connection refused",
            });
            await db.SaveChangesAsync();
        }

        var page = await browser.SignInAsync("Göran Global (administratör)");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Utkorg för e-post" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("KS 2026/0001 – misslyckad");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka igen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("i kö igen");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Östersunds kommun" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Fler mottagare av alla påminnelser, en adress per rad").FillAsync("registrator@ostersund.se\nfel adress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("”fel adress” är inte en giltig e-postadress.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Fler mottagare av alla påminnelser, en adress per rad").FillAsync("registrator@ostersund.se");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");

        using var check = browser.App.Services.CreateScope();
        var party = await check.ServiceProvider.GetRequiredService<AppDbContext>().Parties.AsNoTracking().SingleAsync(p => p.Slug == "ostersund");
        Assert.Equal(["registrator@ostersund.se"], party.Settings.ReminderExtraAddresses);
        Assert.Equal([7, 2, 0], party.Settings.RequestReminderDays);
    }
}
