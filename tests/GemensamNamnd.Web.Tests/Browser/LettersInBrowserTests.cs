using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GemensamNamnd.Web.Tests.Browser;

/// <summary>Letters (issue 18) in Chromium: the extension notice produced from the case page lands on the timeline; the template editor is accessible.</summary>
[Trait("Category", "Browser")]
public sealed class LettersInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<Guid> ExtendedRequestAsync(string name)
    {
        using var scope = browser.App.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync("ostersund", default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var controllerId = await sp.GetRequiredService<AppDbContext>().DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(DateTimeOffset.UtcNow.AddDays(-3), RequestChannel.Letter, controllerId, DataSubjectRights.Access, name, null,
                "registrerad@example.se", "Storgatan 1\n831 30 Östersund", false, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.True(registered.Ok, string.Join("; ", registered.Errors.Select(e => e.Message)));
            var version = await sp.GetRequiredService<AppDbContext>().Requests.Where(r => r.Id == registered.Value!.Id).Select(r => r.Version).SingleAsync();
            var started = await sp.GetRequiredService<MoveRequest>().RunAsync(registered.Value!.Id, version, RequestStatus.InProgress);
            Assert.True(started.Ok);
            var extended = await sp.GetRequiredService<ExtendRequest>().RunAsync(started.Value!.Id, started.Value.Version, "Många system att söka i.", Swedish.Date(DateTimeOffset.UtcNow));
            Assert.True(extended.Ok, string.Join("; ", extended.Errors.Select(e => e.Message)));
            return registered.Value.Id;
        });
    }

    [PostgresFact]
    public async Task TheExtensionNotice_ProducedFromTheCasePage_IsOnTheTimeline()
    {
        var id = await ExtendedRequestAsync("Förläng Brevsson");
        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync($"/ostersund/begaranden/{id}");

        await page.Locator("#letters summary").ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "PDF – Besked om förlängd tid" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith("-forlangning.pdf", download.SuggestedFilename, StringComparison.Ordinal);

        await page.GotoAsync($"/ostersund/begaranden/{id}");
        var events = page.Locator("section[aria-labelledby='events-heading']");
        await Assertions.Expect(events).ToContainTextAsync("Anna Andersson: Brev togs fram: Besked om förlängd tid (PDF)");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [PostgresFact]
    public async Task TheTemplateEditor_ListsTheMergeFields_AndIsAccessible()
    {
        var page = await browser.SignInAsync("Bo Berglund");
        await page.GotoAsync("/ostersund/brevmallar");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mottagningsbekräftelse" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brevmall: Mottagningsbekräftelse" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Mall")).ToContainTextAsync("besvaras senast den {{ sista_dag }}");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("{{ mottagen_den }}");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
