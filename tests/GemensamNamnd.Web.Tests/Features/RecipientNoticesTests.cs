using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// Art. 19 on a request for rectification, erasure or restriction (issue 19): the recipients the data went to and whether
/// each was told, on the case page and the API, with Swedish refusals that store nothing — on PostgreSQL.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RecipientNoticesTests(AppFactory app)
{
    private const string Slug = "ostersund";

    private static DateOnly Today => Swedish.Date(DateTimeOffset.UtcNow);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> AsParty<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(Slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    private Task<DataSubjectRequest> LoadAsync(Guid id) => app.InParty(Slug, db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<RequestRecipient>> RecipientsAsync(Guid id) =>
        app.InParty(Slug, db => db.RequestRecipients.AsNoTracking().Where(x => x.RequestId == id).ToListAsync());

    /// <summary>A request for <paramref name="rights"/>, answered today with every right granted.</summary>
    private async Task<DataSubjectRequest> AnsweredAsync(DataSubjectRights rights) => await AsParty(async sp =>
    {
        var controller = await sp.GetRequiredService<AppDbContext>().DataControllers.FirstAsync(c => c.IsActive);
        var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(new RegisterRequestInput(
            DateTimeOffset.UtcNow.AddDays(-3), RequestChannel.Letter, controller.Id, rights, "Rut Rättelse", null, null, null, false, null), default);
        Assert.Empty(registered.Errors);
        var registeredVersion = await sp.GetRequiredService<AppDbContext>().Requests.Where(x => x.Id == registered.Value!.Id).Select(x => x.Version).SingleAsync();
        var started = await sp.GetRequiredService<MoveRequest>().RunAsync(registered.Value!.Id, registeredVersion, RequestStatus.InProgress);
        var answered = await sp.GetRequiredService<AnswerRequest>().RunAsync(started.Value!.Id, started.Value.Version, Today, AnswerDelivery.Letter,
            "Provfall: rättelsen är gjord i verksamhetssystemet.", []);
        Assert.Empty(answered.Errors);
        return answered.Value!;
    });

    private async Task<HttpResponseMessage> PostCaseAsync(HttpClient client, Guid id, string handler, Dictionary<string, string> fields)
    {
        var url = $"/{Slug}/begaranden/{id}";
        var page = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        fields.TryAdd("Version", (await LoadAsync(id)).Version.ToString());
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [PostgresFact]
    public async Task OnTheCasePage_AnOfficerRecordsTheRecipients_TellsOne_ExemptsAnother_AndArt19IsDone()
    {
        var r = await AnsweredAsync(DataSubjectRights.Rectification);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));

        var page = WebUtility.HtmlDecode(await anna.GetStringAsync($"/{Slug}/begaranden/{r.Id}"));
        Assert.Contains("Mottagare (art. 19): inga mottagare registrerade", page, StringComparison.Ordinal);
        Assert.Contains("Påminnelser skickas varje vecka", page, StringComparison.Ordinal);

        // No name: the form says so in Swedish and nothing is stored.
        var empty = await PostCaseAsync(anna, r.Id, "Recipient", new() { ["RecipientName"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Ange mottagaren", await TextOf(empty), StringComparison.Ordinal);
        Assert.Empty(await RecipientsAsync(r.Id));
        Assert.Equal(r.Version, (await LoadAsync(r.Id)).Version);

        Assert.Equal(HttpStatusCode.Redirect, (await PostCaseAsync(anna, r.Id, "Recipient", new()
        {
            ["RecipientName"] = "Försäkringskassan",
            ["RecipientDisclosedOn"] = Iso(Today.AddDays(-60)),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCaseAsync(anna, r.Id, "Recipient", new() { ["RecipientName"] = "Nedlagda bolaget AB" })).StatusCode);
        var recipients = await RecipientsAsync(r.Id);
        Assert.Equal(2, recipients.Count);
        Assert.All(recipients, x => Assert.Equal(RecipientNoticeState.Pending, x.State));
        var fk = recipients.Single(x => x.Name == "Försäkringskassan");
        var gone = recipients.Single(x => x.Name != "Försäkringskassan");

        // Told without saying how; exempt without saying why: refused, nothing stored.
        var noHow = await PostCaseAsync(anna, r.Id, "RecipientNotice", new()
        {
            ["NoticeRecipientId"] = fk.Id.ToString(),
            ["NoticeState"] = "Told",
            ["NoticeToldOn"] = Iso(Today),
            ["NoticeHow"] = "",
        });
        Assert.Contains("Ange hur mottagaren underrättades", await TextOf(noHow), StringComparison.Ordinal);
        var noWhy = await PostCaseAsync(anna, r.Id, "RecipientNotice", new()
        {
            ["NoticeRecipientId"] = gone.Id.ToString(),
            ["NoticeState"] = "Exempt",
            ["NoticeExemption"] = "Impossible",
            ["NoticeNote"] = "",
        });
        Assert.Contains("Motivera undantaget", await TextOf(noWhy), StringComparison.Ordinal);
        var forged = await PostCaseAsync(anna, r.Id, "RecipientNotice", new()
        {
            ["NoticeRecipientId"] = gone.Id.ToString(),
            ["NoticeState"] = "7",
            ["NoticeExemption"] = "99",
        });
        Assert.Contains("Välj ett skäl i listan", await TextOf(forged), StringComparison.Ordinal);
        Assert.All(await RecipientsAsync(r.Id), x => Assert.Equal(RecipientNoticeState.Pending, x.State));

        Assert.Equal(HttpStatusCode.Redirect, (await PostCaseAsync(anna, r.Id, "RecipientNotice", new()
        {
            ["NoticeRecipientId"] = fk.Id.ToString(),
            ["NoticeState"] = "Told",
            ["NoticeToldOn"] = Iso(Today),
            ["NoticeHow"] = "Säker e-post",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCaseAsync(anna, r.Id, "RecipientNotice", new()
        {
            ["NoticeRecipientId"] = gone.Id.ToString(),
            ["NoticeState"] = "Exempt",
            ["NoticeExemption"] = "Impossible",
            ["NoticeNote"] = "Bolaget är avvecklat sedan 2024.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCaseAsync(anna, r.Id, "RecipientsAsked", new()
        {
            ["RecipientsAskedOn"] = Iso(Today),
            ["RecipientsToldOn"] = Iso(Today),
        })).StatusCode);

        var done = WebUtility.HtmlDecode(await anna.GetStringAsync($"/{Slug}/begaranden/{r.Id}"));
        Assert.Contains("Mottagare (art. 19): 2 av 2 klara", done, StringComparison.Ordinal);
        Assert.DoesNotContain("Påminnelser skickas varje vecka", done, StringComparison.Ordinal);
        Assert.Contains("Art. 19: Försäkringskassan underrättad", done, StringComparison.Ordinal);
        Assert.Contains("frågade efter mottagarna", done, StringComparison.Ordinal);
        var stored = await LoadAsync(r.Id);
        Assert.Equal((Today, Today), (stored.RecipientsAskedOn!.Value, stored.RecipientsToldOn!.Value));

        // An access request has no such section.
        var access = await AnsweredAsync(DataSubjectRights.Access);
        Assert.DoesNotContain("Mottagare (art. 19)", WebUtility.HtmlDecode(await anna.GetStringAsync($"/{Slug}/begaranden/{access.Id}")), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TheApi_ListsTheRecipients_RecordsANotice_AndRefusesBadInputInSwedish_StoringNothing()
    {
        var r = await AnsweredAsync(DataSubjectRights.Erasure | DataSubjectRights.Access);
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var url = $"/api/v1/{Slug}/requests/{r.Id}";

        var before = await bo.GetFromJsonAsync<JsonElement>(url);
        var art19 = before.GetProperty("recipients");
        Assert.True(art19.GetProperty("outstanding").GetBoolean());
        Assert.Equal(0, art19.GetProperty("items").GetArrayLength());

        var bad = await bo.PostAsJsonAsync($"{url}/recipients", new { name = "", version = r.Version });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Ange mottagaren", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var future = await bo.PostAsJsonAsync($"{url}/recipients", new { name = "Skatteverket", disclosedOn = Iso(Today.AddDays(3)), version = r.Version });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Empty(await RecipientsAsync(r.Id));

        var added = await bo.PostAsJsonAsync($"{url}/recipients", new { name = "Skatteverket", version = r.Version });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var version = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        var recipientId = (await RecipientsAsync(r.Id)).Single().Id;

        // "None" once a recipient is recorded contradicts it; a stale version is a conflict.
        Assert.Equal(HttpStatusCode.BadRequest, (await bo.PostAsJsonAsync($"{url}/recipients/none", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bo.PostAsJsonAsync($"{url}/recipients/{recipientId}/notice",
            new { state = "Told", toldOn = Iso(Today), how = "Brev", version = r.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bo.PostAsJsonAsync($"{url}/recipients/{Guid.NewGuid()}/notice",
            new { state = "Told", toldOn = Iso(Today), how = "Brev", version })).StatusCode);

        var told = await bo.PostAsJsonAsync($"{url}/recipients/{recipientId}/notice", new { state = "Told", toldOn = Iso(Today), how = "Brev", version });
        Assert.Equal(HttpStatusCode.OK, told.StatusCode);

        var after = (await bo.GetFromJsonAsync<JsonElement>(url)).GetProperty("recipients");
        Assert.False(after.GetProperty("outstanding").GetBoolean());
        var item = after.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("Skatteverket", "Told", "Brev"), (item.GetProperty("name").GetString(), item.GetProperty("state").GetString(), item.GetProperty("how").GetString()));

        // A request for access only carries no Art. 19 part, and refuses recipients.
        var access = await AnsweredAsync(DataSubjectRights.Access);
        var accessUrl = $"/api/v1/{Slug}/requests/{access.Id}";
        Assert.Equal(JsonValueKind.Null, (await bo.GetFromJsonAsync<JsonElement>(accessUrl)).GetProperty("recipients").ValueKind);
        var refused = await bo.PostAsJsonAsync($"{accessUrl}/recipients", new { name = "Skatteverket", version = access.Version });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("bara begäran om rättelse, radering eller begränsning", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
