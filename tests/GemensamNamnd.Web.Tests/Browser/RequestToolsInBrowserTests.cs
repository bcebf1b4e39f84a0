using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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

/// <summary>The register's tools in Chromium: the party's systems and a case's checklist, assignment, and the exports.</summary>
[Trait("Category", "Browser")]
public sealed class RequestToolsInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<RegisteredRequest> RegisterAsync(string slug, string name, string? personalNumber, bool protectedIdentity = false)
    {
        using var scope = browser.App.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var controllerId = await sp.GetRequiredService<AppDbContext>().DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(DateTimeOffset.UtcNow.AddDays(-3), RequestChannel.Letter, controllerId, DataSubjectRights.Access, name, personalNumber,
                "registrerad@example.se", null, protectedIdentity, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.True(registered.Ok, string.Join("; ", registered.Errors.Select(e => e.Message)));
            return registered.Value!;
        });
    }

    [PostgresFact]
    public async Task Dpo_KeepsThePartysSystems_AndTheOfficerWorksThroughTheChecklist()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var registered = await RegisterAsync("ostersund", $"Checklista Persson {suffix}", null);

        var dpo = await browser.SignInAsync("Bo Berglund");
        await dpo.GotoAsync("/ostersund/system");
        await Assertions.Expect(dpo.Locator("h1")).ToHaveTextAsync("System med personuppgifter");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Lägg till", Exact = true }).ClickAsync();
        await Assertions.Expect(dpo.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange systemets namn");
        await BrowserFixture.AssertAccessibleAsync(dpo);
        await dpo.GetByLabel("Namn", new() { Exact = true }).FillAsync($"Elevregistret {suffix}");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Lägg till", Exact = true }).ClickAsync();
        await Assertions.Expect(dpo.GetByRole(AriaRole.Status)).ToContainTextAsync($"Elevregistret {suffix} är tillagt");
        await BrowserFixture.AssertAccessibleAsync(dpo);

        var officer = await browser.SignInAsync("Anna Andersson");
        await officer.GotoAsync($"/ostersund/begaranden/{registered.Id}");
        // Assigning is among the other actions, folded away; the checklist folds too, its summary counting what is searched.
        await officer.GetByText("Fler åtgärder", new() { Exact = true }).ClickAsync();
        await officer.GetByLabel("Tilldela handläggare").SelectOptionAsync(new SelectOptionValue { Label = "Anna Andersson" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara handläggare" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Handläggaren är tilldelad.");
        await officer.Locator("#systems summary").ClickAsync();
        await officer.GetByLabel($"Resultat för Elevregistret {suffix}").SelectOptionAsync(new SelectOptionValue { Label = "Uppgifter finns" });
        await officer.GetByLabel($"Anteckning om Elevregistret {suffix}").FillAsync("Sökt på personnumret i elevakten.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara checklistan" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Checklistan över sökta system är sparad.");
        await officer.Locator("#systems summary").ClickAsync();
        await Assertions.Expect(officer.GetByLabel($"Resultat för Elevregistret {suffix}")).ToHaveValueAsync(nameof(SystemSearchResult.DataFound));
        await Assertions.Expect(officer.GetByLabel($"Anteckning om Elevregistret {suffix}")).ToHaveValueAsync("Sökt på personnumret i elevakten.");
        await Assertions.Expect(officer.Locator("section[aria-labelledby=events-heading] li").First).ToContainTextAsync($"Elevregistret {suffix} (uppgifter finns, med anteckning)");
        await BrowserFixture.AssertAccessibleAsync(officer);

        // Correcting the facts: the same Swedish errors as the registration form, then back to the case.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifterna i ärendet" }).ClickAsync();
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync($"Ändra {registered.CaseNumber}");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await officer.GetByLabel("Namn", new() { Exact = true }).FillAsync("");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange den registrerades namn");
        await BrowserFixture.AssertAccessibleAsync(officer);
        await officer.GetByLabel("Namn", new() { Exact = true }).FillAsync($"Rättad Persson {suffix}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Ändringarna är sparade.");
        await Assertions.Expect(officer.Locator("section[aria-labelledby=subject-heading]")).ToContainTextAsync($"Rättad Persson {suffix}");

        // The list filters on the assigned officer.
        await officer.GotoAsync("/ostersund/begaranden");
        await officer.GetByRole(AriaRole.Group, new() { Name = "Filtrera" }).GetByLabel("Handläggare", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Anna Andersson" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = registered.CaseNumber })).ToHaveCountAsync(1);
    }

    [PostgresFact]
    public async Task Dpo_ExportsWithPersonalNumbers_OnlyWhenAskedWithAPurpose_AndNeverForSkyddadIdentitet()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var open = await RegisterAsync("ostersund", $"Export Andersson {suffix}", "19850612-2343");
        var shielded = await RegisterAsync("ostersund", $"Hemlig Hemlin {suffix}", "19121212-1212", protectedIdentity: true);

        var page = await browser.SignInAsync("Bo Berglund");
        await page.GotoAsync("/ostersund/begaranden");
        await page.GetByRole(AriaRole.Link, new() { Name = "Exportera till Excel eller CSV" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Exportera begäranden");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("CSV (semikolonseparerad, öppnas i Excel)").CheckAsync();
        await page.GetByLabel("Ta med personnummer (bara dataskyddsombud)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Exportera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange varför personnumren behövs");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Varför behövs personnumren?").FillAsync("Samkörning med Skatteverkets avisering");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exportera" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        var header = text.Split("\r\n")[0].Split(';');
        Assert.Equal("Personnummer", header[^1]);
        // Text is quoted in the CSV, so no comma-separated reader takes a cell for a formula.
        var openLine = text.Split("\r\n").Single(l => l.StartsWith($"\"{open.CaseNumber}\";", StringComparison.Ordinal));
        Assert.Contains($"Export Andersson {suffix}", openLine, StringComparison.Ordinal);
        Assert.EndsWith(";\"19850612-2343\"", openLine, StringComparison.Ordinal);
        var shieldedLine = text.Split("\r\n").Single(l => l.StartsWith($"\"{shielded.CaseNumber}\";", StringComparison.Ordinal));
        Assert.Contains(";\"Skyddad identitet\";", shieldedLine, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemlin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("19121212-1212", text, StringComparison.Ordinal);

        // The export is logged as reads of personal data, with the DPO's purpose.
        var reads = await browser.App.InParty("ostersund", db => db.PersonalDataReads.AsNoTracking()
            .Where(r => r.EntityId == open.Id.ToString() && r.Purpose.Contains("Samkörning med Skatteverkets avisering")).CountAsync());
        Assert.Equal(1, reads);
    }

    [PostgresFact]
    public async Task Officer_ExportsExcel_WithoutPersonalNumbers_AndCannotForceThem()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var open = await RegisterAsync("ostersund", $"Excel Eriksson {suffix}", "19920304-5571");

        var page = await browser.SignInAsync("Anna Andersson");
        await page.GotoAsync("/ostersund/begaranden/export?status=alla");
        await Assertions.Expect(page.GetByLabel("Ta med personnummer (bara dataskyddsombud)")).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exportera" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var rows = ReadSheet((await download.PathAsync())!);
        Assert.Equal("Diarienummer", rows[0][0]);
        Assert.DoesNotContain("Personnummer", rows[0]);
        var row = rows.Single(r => r[0] == open.CaseNumber);
        Assert.Contains($"Excel Eriksson {suffix}", row);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains("19920304-5571", StringComparison.Ordinal));

        // A hand-made form that asks for personnummer is refused for a Handläggare.
        await page.EvaluateAsync("""
            () => { const f = document.querySelector('main form');
                    const i = document.createElement('input'); i.type = 'hidden'; i.name = 'IncludePersonalNumbers'; i.value = 'true'; f.appendChild(i); }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Exportera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bara dataskyddsombudet kan ta med personnummer i en export.");
    }

    private static List<List<string>> ReadSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }
}
