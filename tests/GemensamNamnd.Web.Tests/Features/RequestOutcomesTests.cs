using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// Outcomes per right (issue 17: Art. 15 granted, Art. 17 refused), the secrecy review per system (issue 19: OSL, Art. 23)
/// that decides the right of access, partial refusals in the statistics, and the API's correction, makulering and
/// reopening — on PostgreSQL.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RequestOutcomesTests(AppFactory app)
{
    private static DateOnly Today => Swedish.Date(DateTimeOffset.UtcNow);

    private async Task<T> AsParty<T>(string slug, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    private Task<CommandResult<DataSubjectRequest>> Change<TCommand>(string slug, Func<TCommand, Task<CommandResult<DataSubjectRequest>>> change)
        where TCommand : notnull =>
        AsParty(slug, sp => change(sp.GetRequiredService<TCommand>()));

    private Task<DataSubjectRequest> LoadAsync(string slug, Guid id) =>
        app.InParty(slug, db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task<DataSubjectRequest> RegisterAsync(string slug, DataSubjectRights rights, string name = "Olle Utfallsson")
    {
        var registered = await AsParty(slug, async sp =>
        {
            var controller = await sp.GetRequiredService<AppDbContext>().DataControllers.FirstAsync(c => c.IsActive);
            var input = new RegisterRequestInput(DateTimeOffset.UtcNow.AddDays(-2), RequestChannel.Letter, controller.Id, rights,
                name, null, null, null, false, null);
            return await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
        });
        Assert.Empty(registered.Errors);
        return await LoadAsync(slug, registered.Value!.Id);
    }

    private async Task<HttpResponseMessage> PostCaseAsync(HttpClient client, string slug, Guid id, string handler, Dictionary<string, string> fields)
    {
        var url = $"/{slug}/begaranden/{id}";
        var page = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        fields.TryAdd("Version", (await LoadAsync(slug, id)).Version.ToString());
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [PostgresFact]
    public async Task TheAnswerForm_Art15GrantedArt17Refused_IsAPartialRefusal_WithTheReasonsPerRight()
    {
        const string slug = "ostersund";
        var registered = await RegisterAsync(slug, DataSubjectRights.Access | DataSubjectRights.Erasure);
        var started = await Change<MoveRequest>(slug, c => c.RunAsync(registered.Id, registered.Version, RequestStatus.InProgress));
        Assert.True(started.Ok);
        var r = started.Value!;
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.Contains("Utfall per rättighet (art. 12.4)", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Decisions[Erasure]\"", page, StringComparison.Ordinal);

        Dictionary<string, string> Answer(string ground) => new()
        {
            ["AnsweredOn"] = RequestWordsIso(Today),
            ["Delivery"] = nameof(AnswerDelivery.Letter),
            ["AnswerReason"] = "Enkel begäran, registraturen har sökt.",
            ["Decisions[Access]"] = nameof(RightDecision.Granted),
            ["Decisions[Erasure]"] = nameof(RightDecision.Refused),
            ["DecisionGrounds[Erasure]"] = ground,
            ["DecisionTexts[Erasure]"] = "",
        };

        // Refused without a ground: the form says so, nothing is stored.
        var refused = await PostCaseAsync(bo, slug, r.Id, "Answer", Answer(""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ange grunden för att Radering (art. 17) avslås (art. 12.4)", await TextOf(refused), StringComparison.Ordinal);
        Assert.Equal(r.Version, (await LoadAsync(slug, r.Id)).Version);

        var done = await PostCaseAsync(bo, slug, r.Id, "Answer", Answer("17.3b"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.Answered, stored.Status);
        Assert.Equal(RequestOutcome.PartlyRefused, stored.Outcome);
        Assert.Equal([(DataSubjectRights.Access, RightDecision.Granted), (DataSubjectRights.Erasure, RightDecision.Refused)],
            stored.Outcomes.Select(o => (o.Right, o.Decision)));
        Assert.StartsWith("Radering (art. 17) avslås: Art. 17.3 b:", stored.RefusalGround, StringComparison.Ordinal);

        var shown = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.Contains("Delvis avslag: Registerutdrag (art. 15) bifalls; Radering (art. 17) avslås", shown, StringComparison.Ordinal);

        // The API reads the same outcomes.
        var api = await bo.GetFromJsonAsync<JsonElement>($"/api/v1/{slug}/requests/{r.Id}");
        Assert.Equal("PartlyRefused", api.GetProperty("outcome").GetString());
        var erasure = api.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("right").GetString() == "Erasure");
        Assert.Equal(("Refused", "17.3b"), (erasure.GetProperty("decision").GetString(), erasure.GetProperty("ground").GetString()));
    }

    [PostgresFact]
    public async Task TheSecrecyReview_CitesAListedProvision_Osl12_1_AndDecidesTheRightOfAccess_CountedAsAPartialRefusal()
    {
        const string slug = "krokom";
        var year = Today.Year;
        async Task<RequestIndicators?> FiguresAsync() => await AsParty(slug, async sp =>
        {
            var partyId = sp.GetRequiredService<CurrentParty>().Required.Id;
            return (await sp.GetRequiredService<MaturityCrossParty>().MeasuredAsync(Period.Year(year), Today, default)).GetValueOrDefault(partyId)?.Requests;
        });
        var before = await FiguresAsync();

        var registered = await RegisterAsync(slug, DataSubjectRights.Access, "Sara Sekretess");
        var r = (await Change<MoveRequest>(slug, c => c.RunAsync(registered.Id, registered.Version, RequestStatus.InProgress))).Value!;
        // Two systems of its own, out of use again at the end, so no other case of the party meets them.
        var (found, clean) = await app.InParty(slug, async db =>
        {
            var systems = new[] { "Procapita (sekretesstest)", "Ciceron (sekretesstest)" }.Select(n => new PartySystem { Name = n }).ToArray();
            db.PartySystems.AddRange(systems);
            await db.SaveChangesAsync();
            return (systems[0], systems[1]);
        });
        try
        {
            await ReviewAndAnswerAsync(slug, r, found, clean, before, FiguresAsync);
        }
        finally
        {
            await app.InParty(slug, db => db.PartySystems.Where(s => s.Id == found.Id || s.Id == clean.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false)));
        }
    }

    private async Task ReviewAndAnswerAsync(
        string slug, DataSubjectRequest r, PartySystem found, PartySystem clean, RequestIndicators? before, Func<Task<RequestIndicators?>> FiguresAsync)
    {
        var marked = await Change<SaveSystemSearches>(slug, c => c.RunAsync(r.Id, r.Version,
            new Dictionary<Guid, SystemSearchResult?> { [found.Id] = SystemSearchResult.DataFound, [clean.Id] = SystemSearchResult.DataFound }));
        Assert.True(marked.Ok, string.Join(" ", marked.Errors.Select(e => e.Message)));

        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.Contains("Sekretessprövning: 0 av 2 prövade", page, StringComparison.Ordinal);
        Assert.Contains("2 system med uppgifter om personen är inte sekretessprövade", page, StringComparison.Ordinal);

        Dictionary<string, string> Review(string disclosure, string provision, string note) => new()
        {
            [$"Disclosures[{found.Id}]"] = disclosure,
            [$"Provisions[{found.Id}]"] = provision,
            [$"SecrecyNotes[{found.Id}]"] = note,
            [$"Disclosures[{clean.Id}]"] = nameof(Disclosure.Disclosed),
            [$"Provisions[{clean.Id}]"] = "",
        };

        // A provision not in the list, and secrecy protecting the individual held against the individual alone: refused.
        var unknown = await PostCaseAsync(bo, slug, r.Id, "Secrecy", Review(nameof(Disclosure.Withheld), "99:9", "x"));
        Assert.Contains("finns inte i listan över bestämmelser i offentlighets- och sekretesslagen", await TextOf(unknown), StringComparison.Ordinal);
        var self = await PostCaseAsync(bo, slug, r.Id, "Secrecy", Review(nameof(Disclosure.Withheld), "26:1", ""));
        Assert.Contains("gäller inte mot den enskilde själv (OSL 12 kap. 1 §)", await TextOf(self), StringComparison.Ordinal);
        Assert.Null((await app.InParty(slug, db => db.SystemSearches.AsNoTracking().SingleAsync(s => s.RequestId == r.Id && s.SystemId == found.Id))).Disclosure);

        var masked = await PostCaseAsync(bo, slug, r.Id, "Secrecy", Review(nameof(Disclosure.DisclosedMasked), "26:1", "Uppgifter om grannen maskeras."));
        Assert.Equal(HttpStatusCode.Redirect, masked.StatusCode);
        var line = await app.InParty(slug, db => db.SystemSearches.AsNoTracking().SingleAsync(s => s.RequestId == r.Id && s.SystemId == found.Id));
        Assert.Equal((Disclosure.DisclosedMasked, "26:1"), (line.Disclosure, line.OslProvision));
        page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.Contains(SecrecyReview.SelfRule, page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecrecyReview.GuardianRule, page, StringComparison.Ordinal);
        // Asked by a guardian for a child: OSL 12 kap. 3 § is shown beside the review.
        await app.InParty(slug, db => db.Requests.Where(x => x.Id == r.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.RepresentativeKind, RepresentativeKind.Guardian).SetProperty(x => x.RepresentativeName, "Vera Vårdnadshavare")));
        Assert.Contains(SecrecyReview.GuardianRule, WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}")), StringComparison.Ordinal);
        Assert.Contains("Sekretessprövning: 2 av 2 prövade", page, StringComparison.Ordinal);

        // The answer with no outcome named: the review decides the right of access.
        var version = (await LoadAsync(slug, r.Id)).Version;
        var answered = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, version, Today, AnswerDelivery.Letter, "Enkel begäran."));
        Assert.True(answered.Ok, string.Join(" ", answered.Errors.Select(e => e.Message)));
        var stored = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestOutcome.PartlyRefused, stored.Outcome);
        var access = Assert.Single(stored.Outcomes);
        Assert.Equal((RightDecision.PartlyGranted, "osl"), (access.Decision, access.GroundKey));
        Assert.Equal($"Sekretessprövning: {found.Name} lämnas ut med maskering (OSL 26 kap. 1 §).", access.GroundText);

        var after = await FiguresAsync();
        Assert.Equal((before?.PartlyRefused ?? 0) + 1, after!.PartlyRefused);
        Assert.Equal((before?.Answered ?? 0) + 1, after.Answered);
    }

    [PostgresFact]
    public async Task TheApi_AnswersWithOutcomes_AndCorrectsVoidsAndReopens_WithReasons()
    {
        const string slug = "ostersund";
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var r = await RegisterAsync(slug, DataSubjectRights.Access | DataSubjectRights.Objection, "Api Utfallsson");
        var url = $"/api/v1/{slug}/requests/{r.Id}";

        var badRight = await bo.PostAsJsonAsync($"{url}/answer", new
        {
            answeredOn = Today,
            delivery = "Letter",
            version = r.Version,
            reason = "Ok.",
            outcomes = new[] { new { right = "Flying", decision = "Refused", ground = "21.1" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badRight.StatusCode);
        Assert.Contains("Varje utfall anger en rättighet", await badRight.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notInRequest = await bo.PostAsJsonAsync($"{url}/answer", new
        {
            answeredOn = Today,
            delivery = "Letter",
            version = r.Version,
            reason = "Ok.",
            outcomes = new[] { new { right = "Erasure", decision = "Refused", ground = "17.3b" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, notInRequest.StatusCode);
        Assert.Contains("Radering (art. 17) ingår inte i begäran.", await notInRequest.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var answered = await bo.PostAsJsonAsync($"{url}/answer", new
        {
            answeredOn = Today,
            delivery = "Letter",
            version = r.Version,
            reason = "Ok.",
            outcomes = new[] { new { right = "Objection", decision = "Refused", ground = "21.1", reason = "Tvingande skäl för myndighetsutövning." } },
        });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var afterAnswer = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestOutcome.PartlyRefused, afterAnswer.Outcome);

        // Reopen: the DPO's; an officer is forbidden; a reason is required.
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync($"{url}/reopen", new { reason = "Fel.", version = afterAnswer.Version })).StatusCode);
        var noReason = await bo.PostAsJsonAsync($"{url}/reopen", new { reason = " ", version = afterAnswer.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Ange varför ärendet återöppnas", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reopened = await bo.PostAsJsonAsync($"{url}/reopen", new { reason = "Svaret saknade en bilaga.", version = afterAnswer.Version });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var open = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.InProgress, open.Status);
        Assert.Null(open.Outcome);
        Assert.Empty(open.Outcomes);

        // Correction: the deadline is recounted from the corrected receipt.
        var earlier = DateTimeOffset.UtcNow.AddDays(-10);
        var corrected = await bo.PostAsJsonAsync($"{url}/correction", new { receivedAt = earlier, channel = "Email", reason = "Stämplad tidigare.", version = open.Version });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var afterCorrection = await LoadAsync(slug, r.Id);
        Assert.Equal(Swedish.Date(earlier), afterCorrection.ClockStartOn);
        Assert.Equal(RequestChannel.Email, afterCorrection.Channel);
        Assert.True(afterCorrection.DueOn < open.DueOn);

        // Makulera through the API, with its reason; the move endpoint points there.
        var moved = await bo.PostAsJsonAsync($"{url}/status", new { to = "Voided", version = afterCorrection.Version });
        Assert.Contains("POST …/void", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await bo.PostAsJsonAsync($"{url}/void", new { version = afterCorrection.Version })).StatusCode);
        var voided = await bo.PostAsJsonAsync($"{url}/void", new { reason = "Dubblett.", version = afterCorrection.Version });
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal(RequestStatus.Voided, (await LoadAsync(slug, r.Id)).Status);

        // Another party's case through these endpoints is not found.
        var krokom = await RegisterAsync("krokom", DataSubjectRights.Access, "Annan Part");
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostAsJsonAsync($"/api/v1/{slug}/requests/{krokom.Id}/void", new { reason = "x", version = krokom.Version })).StatusCode);
    }

    private static string RequestWordsIso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
