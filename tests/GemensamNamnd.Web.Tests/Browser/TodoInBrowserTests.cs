using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>Bo's day (issue 17): he signs in, lands on what is due across his three parties, follows the most urgent request and takes its next step.</summary>
[Trait("Category", "Browser")]
public sealed class TodoInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PostgresFact]
    public async Task BosDay_StartsOnTheList_FollowsTheMostUrgentRequest_AndTakesItsNextStep()
    {
        // A letter registered 40 days ago and never started: more overdue than anything the demo holds.
        var caseNumber = await RegisterAsync("krokom", DateTimeOffset.UtcNow.AddDays(-40));

        var page = await browser.SignInAsync("Bo Berglund");
        await page.WaitForURLAsync("**/att-gora");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Att göra");
        var table = page.Locator("table.todo");
        foreach (var party in new[] { "Östersunds kommun", "Krokoms kommun", "Åre kommun" })
        {
            await Assertions.Expect(table).ToContainTextAsync(party);
        }

        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Register").SelectOptionAsync(new SelectOptionValue { Label = "Begäranden" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        var first = table.Locator("tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(caseNumber);
        await Assertions.Expect(first).ToContainTextAsync("försenad");
        await Assertions.Expect(first).ToContainTextAsync("Krokoms kommun");

        await first.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(caseNumber);
        var next = page.Locator("section.next-step");
        await next.GetByRole(AriaRole.Button, new() { Name = "Påbörja handläggning" }).ClickAsync();
        await Assertions.Expect(page.Locator("nav[aria-label='Ärendets steg'] [aria-current='step']")).ToContainTextAsync("Under handläggning");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The party's start page shows its part of the list and its figures.
        await page.GotoAsync("/krokom");
        await Assertions.Expect(page.Locator(".key-figures")).ToContainTextAsync("försenad");
        await Assertions.Expect(page.Locator("table.todo")).ToContainTextAsync(caseNumber);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    private async Task<string> RegisterAsync(string slug, DateTimeOffset receivedAt)
    {
        using var scope = browser.App.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var controllerId = await sp.GetRequiredService<AppDbContext>().DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(receivedAt, RequestChannel.Letter, controllerId, DataSubjectRights.Access, "Dagny Dagsson", null,
                "dagny@example.se", null, false, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.True(registered.Ok, string.Join("; ", registered.Errors.Select(e => e.Message)));
            return registered.Value!.CaseNumber;
        });
    }
}
