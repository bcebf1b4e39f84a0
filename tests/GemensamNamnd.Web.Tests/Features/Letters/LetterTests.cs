using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Letters;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GemensamNamnd.Web.Tests.Features.Letters;

/// <summary>
/// Letters from a case (issue 18): each letter opened as PDF (the text extracted with PdfPig) and as DOCX (the XML read
/// with OpenXml), holding the case number, the dates in Swedish and the legal items; party templates; bad input; access.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class LetterTests(AppFactory app)
{
    private static DateOnly Today => Swedish.Date(DateTimeOffset.UtcNow);

    private static string Long(DateOnly d) => SwedishDates.Long(d);

    private async Task<T> AsParty<T>(string slug, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    private static void Ok<T>(CommandResult<T> result) => Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Message)));

    private Task<DataSubjectRequest> LoadAsync(string slug, Guid id) =>
        app.InParty(slug, db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task<DataSubjectRequest> RegisterAsync(string slug, string name, bool protectedIdentity = false)
    {
        var registered = await AsParty(slug, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controllerId = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
            var input = new RegisterRequestInput(DateTimeOffset.UtcNow.AddDays(-3), RequestChannel.Letter, controllerId, DataSubjectRights.Access, name, null,
                "registrerad@example.se", protectedIdentity ? null : "Storgatan 1\n831 30 Östersund", protectedIdentity, null);
            return await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
        });
        Ok(registered);
        return await LoadAsync(slug, registered.Value!.Id);
    }

    private async Task<DataSubjectRequest> ExtendedAsync(string slug, string name)
    {
        var r = await RegisterAsync(slug, name);
        var started = await AsParty(slug, sp => sp.GetRequiredService<MoveRequest>().RunAsync(r.Id, r.Version, RequestStatus.InProgress));
        Ok(started);
        var extended = await AsParty(slug, sp => sp.GetRequiredService<ExtendRequest>().RunAsync(r.Id, started.Value!.Version, "Omfattande material i flera verksamhetssystem.", Today));
        Ok(extended);
        return await LoadAsync(slug, r.Id);
    }

    private static async Task<byte[]> FileAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The PDF's text, extracted as a reader would (PdfPig), whitespace made single spaces.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        return Spaces().Replace(text, " ");
    }

    /// <summary>The DOCX's paragraphs (OpenXml), one space between them; and its headings and list items.</summary>
    private static (string Text, List<string> Headings, List<string> Items) DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().ToList();
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText).ToList();
        var items = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).Select(p => p.InnerText).ToList();
        return (Spaces().Replace(string.Join(" ", paragraphs.Select(p => p.InnerText)), " "), headings, items);
    }

    /// <summary>Both files of one letter hold every expected text; the PDF is PDF/A with its font embedded.</summary>
    private static async Task AssertLetterAsync(HttpClient client, string address, params string[] expected)
    {
        var pdf = await FileAsync(client, address + "?format=pdf", "application/pdf");
        var pdfText = PdfText(pdf);
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.Contains("pdfaid:part", raw, StringComparison.Ordinal);
        using (var read = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // Every letter drawn in the embedded DejaVu Sans, never a system font.
            var fonts = read.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
            Assert.NotEmpty(fonts);
            Assert.All(fonts, f => Assert.Contains("DejaVu", f, StringComparison.Ordinal));
        }

        var docx = await FileAsync(client, address + "?format=docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var (docxText, headings, _) = DocxText(docx);
        Assert.NotEmpty(headings);
        foreach (var text in expected)
        {
            Assert.True(pdfText.Contains(text, StringComparison.Ordinal), $"PDF of {address} lacks «{text}»: {pdfText}");
            Assert.True(docxText.Contains(text, StringComparison.Ordinal), $"DOCX of {address} lacks «{text}»: {docxText}");
        }
    }

    [PostgresFact]
    public async Task EveryRequestLetter_AsPdfAndDocx_HoldsTheCaseNumber_TheDatesInSwedish_AndTheLegalItems()
    {
        const string slug = "ostersund";
        var r = await ExtendedAsync(slug, "Robin Brevsson");
        var received = Swedish.Date(r.ReceivedAt);
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var at = $"/{slug}/begaranden/{r.Id}/brev/";

        await AssertLetterAsync(client, at + "mottagningsbekraftelse", r.CaseNumber, "Robin Brevsson", "Storgatan 1", "Östersunds kommun",
            $"mottagen den {Long(received)} – besvaras senast den {Long(r.DueOn)}", "artikel 12.3", "EDPB:s riktlinjer 01/2022", "punkt 57",
            $"Datum: {Long(Today)}", $"Diarienummer: {r.CaseNumber}");
        await AssertLetterAsync(client, at + "identitetskontroll", r.CaseNumber, "artikel 12.6", "Du behöver inte skicka en kopia av din id-handling",
            "Vad som händer med tidsfristen", Long(r.DueOn));
        await AssertLetterAsync(client, at + "forlangning", r.CaseNumber, "Omfattande material i flera verksamhetssystem.", Long(r.ExtendedDueOn),
            "artikel 12.3", "inom en månad");
        await AssertLetterAsync(client, at + "svar", r.CaseNumber, "artikel 15.1–15.2", "Ändamål", "Kategorier av personuppgifter", "Mottagare",
            "Hur länge uppgifterna sparas", "rättas (artikel 16)", "raderas (artikel 17)", "begränsas (artikel 18)", "invända mot behandlingen (artikel 21)",
            "Integritetsskyddsmyndigheten (IMY)", "Varifrån uppgifterna kommer", "Automatiserat beslutsfattande", "Överföring till tredjeland", "[Fyll i:", "Bilagor");

        // The extension notice is recorded on the timeline (which letter, who), with the notice date on the case.
        var events = await app.InParty(slug, db => db.RequestEvents.AsNoTracking().Where(e => e.RequestId == r.Id).Select(e => e.Text).ToListAsync());
        Assert.Contains(events, e => e.StartsWith("Brev togs fram: Besked om förlängd tid (PDF)", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("Brev togs fram: Mottagningsbekräftelse (DOCX)", StringComparison.Ordinal));
        Assert.Equal(Today, (await LoadAsync(slug, r.Id)).ExtensionNoticeSentOn);
        // Producing a letter is a read of personal data.
        Assert.True(await app.InParty(slug, db => db.PersonalDataReads.AnyAsync(x => x.EntityId == r.Id.ToString() && x.Purpose == LetterService.ReadPurpose)));
    }

    [PostgresFact]
    public async Task TheRefusal_GivesTheReasons_IMY_TheCourt_AndTheLastDayToAppeal()
    {
        const string slug = "ostersund";
        var r = await RegisterAsync(slug, "Kim Avslagsson");
        var refused = await AsParty(slug, sp => sp.GetRequiredService<RefuseRequest>().RunAsync(r.Id, r.Version, Today, "Art. 12.5: uppenbart ogrundad begäran. Den femte på en månad."));
        Ok(refused);
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        await AssertLetterAsync(client, $"/{slug}/begaranden/{r.Id}/brev/avslag", r.CaseNumber, "Den femte på en månad.",
            "Integritetsskyddsmyndigheten (IMY)", "prövning av beslutet i domstol", "artikel 12.4", "förvaltningsrätten", "dataskyddslagen (2018:218) 7 kap. 2 §",
            "förvaltningslagen (2017:900) 44 §", $"sista dagen för överklagandet den {Long(AppealPeriod.LastDay(Today))}");
    }

    [PostgresFact]
    public async Task TheArt34Notice_SaysWhatHappened_TheDpo_TheConsequences_AndTheMeasures()
    {
        const string slug = "ostersund";
        var registered = await AsParty(slug, async sp =>
        {
            var controllerId = await sp.GetRequiredService<AppDbContext>().DataControllers.Where(c => c.IsActive).Select(c => c.Id).FirstAsync();
            return await sp.GetRequiredService<QuickRegisterBreach>().RunAsync(new QuickBreachInput("Felskickat brev", controllerId, DateTimeOffset.UtcNow.AddHours(-5),
                "Ett beslut skickades till fel mottagare."));
        });
        Ok(registered);
        var id = registered.Value!.Id;
        await app.InParty(slug, async db =>
        {
            var b = await db.Breaches.SingleAsync(x => x.Id == id);
            b.Consequences = "Någon obehörig kan ha läst ditt beslut.";
            b.MeasuresTaken = "Mottagaren har raderat brevet.";
            return await db.SaveChangesAsync();
        });

        using var client = app.ClientFor(AppFactory.Demo("anna"));
        await AssertLetterAsync(client, $"/{slug}/incidenter/{id}/brev/art34", registered.Value.CaseNumber, "Ett beslut skickades till fel mottagare.",
            "Någon obehörig kan ha läst ditt beslut.", "Mottagaren har raderat brevet.", "artikel 34.2 och 33.3 b–d", "dataskyddsombud");
        var events = await app.InParty(slug, db => db.BreachEvents.AsNoTracking().Where(e => e.BreachId == id).Select(e => e.Text).ToListAsync());
        Assert.Contains(events, e => e.StartsWith("Brev togs fram: Information om personuppgiftsincident", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task UnknownTemplateOrFormat_AnotherPartysCase_AndAProtectedCase_Are404_AnUnextendedCaseHasNoExtensionNotice()
    {
        var r = await RegisterAsync("ostersund", "Alex Felsson");
        var other = await RegisterAsync("krokom", "Kim Annanpart");
        var hidden = await RegisterAsync("ostersund", "Sam Skyddad", protectedIdentity: true);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/begaranden/{r.Id}/brev/okand?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/begaranden/{r.Id}/brev/art34?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/begaranden/{r.Id}/brev/svar?format=odt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/incidenter/{r.Id}/brev/art34?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/begaranden/{other.Id}/brev/svar?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/ostersund/begaranden/{hidden.Id}/brev/mottagningsbekraftelse?format=pdf")).StatusCode);

        var notExtended = await anna.GetAsync($"/ostersund/begaranden/{r.Id}/brev/forlangning?format=pdf");
        Assert.Equal(HttpStatusCode.Conflict, notExtended.StatusCode);
        Assert.Contains("inte förlängt", await notExtended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await LoadAsync("ostersund", r.Id)).ExtensionNoticeSentOn);

        // The DPO opens the protected case; its letter names the person and no address.
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var pdf = PdfText(await FileAsync(bo, $"/ostersund/begaranden/{hidden.Id}/brev/mottagningsbekraftelse?format=pdf", "application/pdf"));
        Assert.Contains("Sam Skyddad", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("Storgatan", pdf, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task APartysTemplate_OverridesTheDefault_OnlyForThatParty_ABrokenOneNamesTheLine_AndTheDefaultComesBack()
    {
        var inAre = await RegisterAsync("are", "Mika Mallsson");
        var inKrokom = await RegisterAsync("krokom", "Nour Standardsson");
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        const string page = "/are/brevmallar/mottagningsbekraftelse";
        const string own = "# Åres egen bekräftelse\n\nHej {{ namn }}, vi fick din begäran {{ mottagen_den }}.\n\n- Diarienummer {{ diarienummer }}";

        var saved = await PostFormAsync(bo, page, null, new() { ["Source"] = own });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var areText = DocxText(await FileAsync(bo, $"/are/begaranden/{inAre.Id}/brev/mottagningsbekraftelse?format=docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.Contains("Åres egen bekräftelse", areText.Headings);
        Assert.Contains($"Diarienummer {inAre.CaseNumber}", areText.Items);
        Assert.Contains($"Hej Mika Mallsson, vi fick din begäran {Long(Swedish.Date(inAre.ReceivedAt))}.", areText.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("besvaras senast", areText.Text, StringComparison.Ordinal);

        // Another party still gets the default.
        var krokomText = PdfText(await FileAsync(bo, $"/krokom/begaranden/{inKrokom.Id}/brev/mottagningsbekraftelse?format=pdf", "application/pdf"));
        Assert.Contains("besvaras senast den", krokomText, StringComparison.Ordinal);
        Assert.DoesNotContain("Åres egen", krokomText, StringComparison.Ordinal);

        // A template that does not parse: the message names the line, and the previous template stays.
        var broken = await PostFormAsync(bo, page, null, new() { ["Source"] = "# Rubrik\n\nHej {{ namn }}\n{% if registerutdrag %}\nText" });
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var html = WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync());
        Assert.Matches("fel på rad [0-9]+", html);
        Assert.Contains("Den tidigare mallen gäller", html, StringComparison.Ordinal);
        Assert.Equal(own, await app.InParty("are", db => db.LetterTemplates.AsNoTracking().Where(t => t.Kind == LetterKind.Mottagningsbekraftelse).Select(t => t.Source).SingleAsync()));

        // Anna (case officer) may not edit templates.
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/ostersund/brevmallar")).StatusCode);

        // "Återställ standardmallen".
        var reset = await PostFormAsync(bo, page, "Reset", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await app.InParty("are", db => db.LetterTemplates.AnyAsync()));
        var again = PdfText(await FileAsync(bo, $"/are/begaranden/{inAre.Id}/brev/mottagningsbekraftelse?format=pdf", "application/pdf"));
        Assert.Contains("besvaras senast den", again, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMarkup_GivesTitleHeadingsParagraphsAndListItems()
    {
        var blocks = LetterDocument.Parse("# Titel\n\nEtt stycke\npå två rader.\n## Rubrik\n- ett\n- två\n\nSlut.");
        Assert.Equal(
            [
                new LetterBlock(LetterBlockKind.Title, "Titel"),
                new LetterBlock(LetterBlockKind.Paragraph, "Ett stycke på två rader."),
                new LetterBlock(LetterBlockKind.Heading, "Rubrik"),
                new LetterBlock(LetterBlockKind.ListItem, "ett"),
                new LetterBlock(LetterBlockKind.ListItem, "två"),
                new LetterBlock(LetterBlockKind.Paragraph, "Slut."),
            ],
            blocks);
    }

    [Fact]
    public void EveryDefaultTemplate_Parses_AndABrokenTemplateNamesItsLine()
    {
        Assert.All(LetterKinds.All, k => Assert.True(LetterTemplates.TryParse(LetterTemplates.Default(k.Kind), out _, out var error), $"{k.Slug}: {error}"));
        Assert.False(LetterTemplates.TryParse("Rad ett\nRad två\nRad tre {{ namn ", out _, out var message));
        Assert.Contains("fel på rad 3", message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string? handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(handler is null ? url : $"{url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [PostgresFact]
    public async Task ALetter_StoredOnTheCase_IsADocumentOfTheCase_ForOfficersOnly()
    {
        const string slug = "ostersund";
        var r = await RegisterAsync(slug, "Stina Sparad");
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var url = $"/{slug}/begaranden/{r.Id}";
        var page = await anna.GetStringAsync(url);
        Assert.Contains("Spara som PDF i ärendet", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        HttpContent Form(string t) => new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = t });

        var stored = await anna.PostAsync($"{url}/brev/mottagningsbekraftelse?format=pdf", Form(token));
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal($"{url}#handlingar", stored.Headers.Location?.OriginalString);
        var document = Assert.Single(await app.InParty(slug, db => db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == r.Id).ToListAsync()));
        Assert.Equal("application/pdf", document.ContentType);
        Assert.EndsWith(".pdf", document.FileName, StringComparison.Ordinal);

        // An administrator reads the case but stores nothing; an unknown template is 404.
        var adminPage = await cecilia.GetStringAsync(url);
        Assert.DoesNotContain("Spara som PDF i ärendet", WebUtility.HtmlDecode(adminPage), StringComparison.Ordinal);
        var adminToken = Regex.Match(adminPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.PostAsync($"{url}/brev/mottagningsbekraftelse?format=pdf", Form(adminToken))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.PostAsync($"{url}/brev/okand?format=pdf", Form(token))).StatusCode);
        Assert.Single(await app.InParty(slug, db => db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == r.Id).ToListAsync()));
    }
}

public sealed class LetterWriterTests
{
    [Fact]
    public void ThePdf_IsWritten()
    {
        var doc = new LetterDocument(new LetterFrame("Parten", "Nämnden", "1 december 2026", "KS 2026/0001", ["Namn"], ["Anna", "Handläggare"]),
            LetterDocument.Parse("# Titel\n\nText – med tankstreck.\n- punkt"));
        var bytes = PdfLetterWriter.Write(doc, "Titel");
        Assert.True(bytes.Length > 1000);
    }
}
