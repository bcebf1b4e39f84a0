using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Features.Documents;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Documents;

/// <summary>
/// Documents on a case, on PostgreSQL with row-level security: upload, list, download (an attachment with the detected
/// type, logged as a read), delete with a reason asked first; content checks by magic bytes; the size limit and names
/// with a path refused in Swedish with nothing stored; another party's ids are 404; retention removes them.
/// </summary>
public sealed partial class CaseDocumentsTests(DocumentsFactory app) : IClassFixture<DocumentsFactory>
{
    private const string Party = "ostersund";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<string> TokenOn(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        return token;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string documentsPath, string fileName, byte[] content, string claimedType = "application/pdf")
    {
        var token = await TokenOn(client, documentsPath);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"File\"", FileName = "\"" + fileName + "\"" };
        form.Add(file);
        return await client.PostAsync(documentsPath + "?handler=Upload", form);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string documentsPath, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenOn(client, documentsPath);
        return await client.PostAsync(handler.Length == 0 ? documentsPath : $"{documentsPath}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<List<CaseDocument>> DocumentsOf(string slug, Guid caseId) =>
        app.InParty(slug, db => db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync());

    private Task<int> ContentCount(string slug) => app.InParty(slug, db => db.Set<DocumentContent>().CountAsync());

    [PostgresFact]
    public async Task Upload_List_Download_Delete_RoundTrip()
    {
        var id = await app.RequestAsync(Party);
        var casePath = $"/{Party}/begaranden/{id}";
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        var uploaded = await UploadAsync(anna, casePath + "/handlingar", "Undertecknad begäran.pdf", Pdf, "application/octet-stream");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(casePath + "#handlingar", uploaded.Headers.Location?.OriginalString);

        var document = Assert.Single(await DocumentsOf(Party, id));
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(Pdf.Length, document.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), document.Sha256);
        Assert.False(string.IsNullOrWhiteSpace(document.UploadedBy));

        // The case page lists it: name, detected type, size in Swedish, the download link.
        var page = WebUtility.HtmlDecode(await anna.GetStringAsync(casePath));
        Assert.Contains("<h2 id=\"documents-heading\" class=\"summary-heading\">Handlingar: ", page, StringComparison.Ordinal);
        Assert.Contains("sparad i ärendet", page, StringComparison.Ordinal);
        Assert.Contains("Undertecknad begäran.pdf", page, StringComparison.Ordinal);
        Assert.Contains($"<td>PDF</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{Pdf.Length} byte</td>", page, StringComparison.Ordinal);
        Assert.Contains($"/{Party}/handlingar/{document.Id}", page, StringComparison.Ordinal);
        Assert.Contains(document.UploadedBy, page, StringComparison.Ordinal);

        // The API lists the same metadata.
        var listed = await anna.GetAsync($"/api/v1/{Party}/requests/{id}/documents");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var json = await listed.Content.ReadAsStringAsync();
        Assert.Contains("\"fileName\":\"Undertecknad begäran.pdf\"", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        Assert.Contains($"/{Party}/handlingar/{document.Id}", json, StringComparison.Ordinal);

        // Download: attachment, detected type, nosniff, logged as a read of the case's personal data.
        var readsBefore = await app.InParty(Party, db => db.PersonalDataReads.CountAsync(r => r.EntityId == id.ToString() && r.Purpose.StartsWith("Hämtade handlingen")));
        var download = await anna.GetAsync($"/{Party}/handlingar/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Undertecknad begäran.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var readsAfter = await app.InParty(Party, db => db.PersonalDataReads.CountAsync(r => r.EntityId == id.ToString() && r.Purpose.StartsWith("Hämtade handlingen")));
        Assert.Equal(readsBefore + 1, readsAfter);

        // Delete: a reason is required, then asked first; only the confirmed post deletes.
        var documentsPath = casePath + "/handlingar";
        var noReason = await PostAsync(anna, documentsPath, "Delete", new() { ["DocumentId"] = document.Id.ToString(), ["DeleteReason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Ange varför handlingen tas bort", await TextOf(noReason), StringComparison.Ordinal);
        var asked = await PostAsync(anna, documentsPath, "Delete", new() { ["DocumentId"] = document.Id.ToString(), ["DeleteReason"] = "Fel ärende" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Ja, ta bort handlingen", await TextOf(asked), StringComparison.Ordinal);
        Assert.Null((await DocumentsOf(Party, id)).Single().DeletedAt);

        var deleted = await PostAsync(anna, documentsPath, "Delete", new() { ["DocumentId"] = document.Id.ToString(), ["DeleteReason"] = "Fel ärende", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var row = Assert.Single(await DocumentsOf(Party, id));
        Assert.NotNull(row.DeletedAt);
        Assert.Equal("Fel ärende", row.DeletionReason);
        Assert.False(await app.InParty(Party, db => db.Set<DocumentContent>().AnyAsync(c => c.StorageKey == row.StorageKey)));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Party}/handlingar/{document.Id}")).StatusCode);
        var after = WebUtility.HtmlDecode(await anna.GetStringAsync(casePath));
        Assert.Contains("borttagen", after, StringComparison.Ordinal);
        Assert.Contains("Fel ärende", after, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Content_DecidesTheType_NotTheName()
    {
        var id = await app.RequestAsync(Party);
        var path = $"/{Party}/begaranden/{id}/handlingar";
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var contents = await ContentCount(Party);

        // PNG bytes under a .pdf name: refused (the name must end as the content's type does).
        var pngAsPdf = await UploadAsync(anna, path, "skanning.pdf", Png);
        Assert.Equal(HttpStatusCode.BadRequest, pngAsPdf.StatusCode);
        Assert.Contains("png-bild", await TextOf(pngAsPdf), StringComparison.Ordinal);

        // A Windows program and an HTML page dressed as PDFs: not allowed types.
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
        foreach (var bytes in new[] { exe, html })
        {
            var refused = await UploadAsync(anna, path, "faktura.pdf", bytes);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Filtypen är inte tillåten", await TextOf(refused), StringComparison.Ordinal);
        }

        // A zip that is not Word or Excel is refused; a real .docx is a Word document.
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(anna, path, "arkiv.docx", Zip(("a.txt", "hej")))).StatusCode);
        Assert.Empty(await DocumentsOf(Party, id));
        Assert.Equal(contents, await ContentCount(Party));

        var docx = Zip(("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"), ("word/document.xml", "<w:document/>"));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(anna, path, "Utdrag.docx", docx)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(anna, path, "anteckning.txt", Encoding.UTF8.GetBytes("Ringde och bad om utdrag.\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(anna, path, "bild.png", Png)).StatusCode);
        var types = (await DocumentsOf(Party, id)).OrderBy(d => d.FileName, StringComparer.Ordinal).Select(d => d.ContentType).ToList();
        Assert.Equal([DocumentTypes.Docx.ContentType, DocumentTypes.Text.ContentType, DocumentTypes.Png.ContentType], types);
    }

    [PostgresFact]
    public async Task OverTheLimit_AndANameWithAPath_Are400InSwedish_AndNothingIsStored()
    {
        var id = await app.RequestAsync(Party);
        var path = $"/{Party}/begaranden/{id}/handlingar";
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var contents = await ContentCount(Party);

        var large = new byte[DocumentsFactory.MaxBytes + 1];
        Pdf.CopyTo(large, 0);
        var tooLarge = await UploadAsync(anna, path, "stor.pdf", large);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("Filen är för stor. Största tillåtna storlek är 50,0 kB.", await TextOf(tooLarge), StringComparison.Ordinal);

        foreach (var name in new[] { "../../etc/passwd.pdf", "mapp/fil.pdf", "C:\\Users\\anna\\fil.pdf", "..pdf", "fil\u0001.pdf" })
        {
            var refused = await UploadAsync(anna, path, name, Pdf);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("får inte innehålla en sökväg", await TextOf(refused), StringComparison.Ordinal);
        }

        Assert.Empty(await DocumentsOf(Party, id));
        Assert.Equal(contents, await ContentCount(Party));
    }

    [PostgresFact]
    public async Task AnotherPartysCaseOrDocument_Is404_AndAnAdministratorOnlyReads()
    {
        var theirs = await app.RequestAsync("berg");
        var added = await AddResultAsync("berg", CaseRef.Request(theirs), "bergs.pdf", Pdf);
        Assert.True(added.Ok, string.Join(", ", added.Errors.Select(e => e.Message)));

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Party}/begaranden/{theirs}/handlingar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/api/v1/{Party}/requests/{theirs}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Party}/handlingar/{added.Value!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync($"/berg/handlingar/{added.Value.Id}")).StatusCode);

        // Deleting their document through our case's page: 404, and it stays.
        var ours = await app.RequestAsync(Party);
        var refused = await PostAsync(anna, $"/{Party}/begaranden/{ours}/handlingar", "Delete",
            new() { ["DocumentId"] = added.Value.Id.ToString(), ["DeleteReason"] = "x", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null((await DocumentsOf("berg", theirs)).Single().DeletedAt);

        // The party's administrator sees the list and downloads, but has no upload form and may not upload.
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var page = await cecilia.GetStringAsync($"/{Party}/begaranden/{ours}");
        Assert.Contains("documents-heading", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Upload", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(cecilia, $"/{Party}/begaranden/{ours}/handlingar", "a.pdf", Pdf)).StatusCode);
    }

    [PostgresFact]
    public async Task ProtectedIdentity_DocumentsOnlyForWhoMayOpenTheCase()
    {
        var id = await app.RequestAsync(Party, protectedIdentity: true);
        var added = await AddAsync(Party, CaseRef.Request(id), "skyddad.pdf", Pdf);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Party}/begaranden/{id}/handlingar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/{Party}/handlingar/{added.Id}")).StatusCode);
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        Assert.Equal(HttpStatusCode.OK, (await bo.GetAsync($"/{Party}/handlingar/{added.Id}")).StatusCode);
    }

    [PostgresFact]
    public async Task Breach_HasDocumentsToo()
    {
        var breachId = await app.InParty(Party, async db =>
        {
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var b = new GemensamNamnd.Web.Features.Breaches.Breach
            {
                CaseNumber = "HT-INC " + Guid.NewGuid().ToString("N")[..8],
                Title = "Borttappad dator",
                Description = "En dator glömdes på tåget.",
                ControllerIds = [controller.Id],
                AwareAt = DateTimeOffset.UtcNow.AddHours(-2),
                DiscoveredAt = DateTimeOffset.UtcNow.AddHours(-3),
                ImyDeadlineAt = DateTimeOffset.UtcNow.AddHours(70),
            };
            db.Breaches.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var path = $"/{Party}/incidenter/{breachId}";
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(anna, path + "/handlingar", "Biträdets rapport.pdf", Pdf)).StatusCode);
        var page = WebUtility.HtmlDecode(await anna.GetStringAsync(path));
        Assert.Contains("Biträdets rapport.pdf", page, StringComparison.Ordinal);
        var read = await app.InParty(Party, db => db.PersonalDataReads.CountAsync(r => r.EntityType == "Breach" && r.EntityId == breachId.ToString()));
        var document = Assert.Single(await DocumentsOf(Party, breachId));
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/{Party}/handlingar/{document.Id}")).StatusCode);
        Assert.Equal(read + 1, await app.InParty(Party, db => db.PersonalDataReads.CountAsync(r => r.EntityType == "Breach" && r.EntityId == breachId.ToString())));
    }

    [PostgresFact]
    public async Task Retention_RemovesTheDocuments_WithTheirCase()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var old = await app.RequestAsync("krokom", answeredOn: today.AddMonths(-30));
        var open = await app.RequestAsync("krokom");
        var gone = await AddAsync("krokom", CaseRef.Request(old), "utdrag.pdf", Pdf);
        var kept = await AddAsync("krokom", CaseRef.Request(open), "begaran.pdf", Pdf);

        using (var scope = app.Services.CreateScope())
        {
            var partyId = await app.InParty("krokom", db => Task.FromResult(db.CurrentPartyId!.Value));
            var result = await scope.ServiceProvider.GetRequiredService<PartyRetentionJob>().RunAsync(partyId, default);
            Assert.True(result.Thinned >= 1);
        }

        Assert.Empty(await DocumentsOf("krokom", old));
        Assert.Single(await DocumentsOf("krokom", open));
        var keys = await app.InParty("krokom", db => db.Set<DocumentContent>().Select(c => c.StorageKey).ToListAsync());
        Assert.DoesNotContain(keys, k => k.EndsWith(gone.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(keys, k => k.EndsWith(kept.Id.ToString(), StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task PersonSearch_ListsTheDocumentsOfTheCasesItFinds_AndTheRecordNamesThem()
    {
        var id = await app.RequestAsync(Party);
        var name = "Sökbar Handlingsdotter " + Guid.NewGuid().ToString("N")[..6];
        await app.InParty(Party, async db =>
        {
            var r = await db.Requests.SingleAsync(x => x.Id == id);
            r.RequesterName = name;
            return await db.SaveChangesAsync();
        });
        await AddAsync(Party, CaseRef.Request(id), "Pass-kopia.pdf", Pdf);

        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var found = await PostAsync(bo, $"/{Party}/personsok", "", new() { ["Name"] = name, ["Reason"] = "Registerutdrag" });
        var html = await TextOf(found);
        Assert.Contains("Handling", html, StringComparison.Ordinal);
        Assert.Contains("Pass-kopia.pdf (PDF,", html, StringComparison.Ordinal);

        var record = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{Party}/behandlingar"));
        Assert.Contains("Handlingar i ärenden", record, StringComparison.Ordinal);
        Assert.Contains("filnamn", record, StringComparison.Ordinal);
        Assert.Contains("I databasen (tabellen document_contents)", record, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AddAsync_FromBytes_ChecksAsTheFormDoes()
    {
        var id = await app.RequestAsync(Party);
        var refused = await AddResultAsync(Party, CaseRef.Request(id), "brev.pdf", Encoding.UTF8.GetBytes("<html></html>"));
        Assert.False(refused.Ok);
        Assert.Equal(CaseDocuments.FileField, Assert.Single(refused.Errors).Field);
        var missing = await AddResultAsync(Party, CaseRef.Request(Guid.NewGuid()), "brev.pdf", Pdf);
        Assert.Equal(GemensamNamnd.Web.Infrastructure.CommandStatus.NotFound, missing.Status);
        var added = await AddAsync(Party, CaseRef.Request(id), "Mottagningsbekräftelse.pdf", Pdf);
        Assert.Equal("PDF", added.TypeName);
    }

    private async Task<DocumentRow> AddAsync(string slug, CaseRef @case, string name, byte[] content)
    {
        var result = await AddResultAsync(slug, @case, name, content);
        Assert.True(result.Ok, string.Join(", ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<GemensamNamnd.Web.Infrastructure.CommandResult<DocumentRow>> AddResultAsync(string slug, CaseRef @case, string name, byte[] content)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Parties.PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Parties.PartyScope>().RunAsync(party!.Id, sp =>
            sp.GetRequiredService<CaseDocuments>().AddAsync(@case, name, content, default));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
