using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>
/// Issue 17, the request case page as a guided flow: correction ("Rätta"), makulering, reopening, the guard rails before
/// an answer, the confirmation before an irreversible step and the mail to an officer assigned a case — on PostgreSQL.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RequestWorkbenchTests(AppFactory app)
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

    private Task<List<RequestEvent>> EventsAsync(string slug, Guid id) =>
        app.InParty(slug, db => db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    private async Task<DataSubjectRequest> RegisterAsync(string slug, DateTimeOffset received, string name = "Robin Rättesson")
    {
        var registered = await AsParty(slug, async sp =>
        {
            var controller = await sp.GetRequiredService<AppDbContext>().DataControllers.FirstAsync(c => c.IsActive);
            var input = new RegisterRequestInput(received, RequestChannel.Letter, controller.Id, DataSubjectRights.Access,
                name, "19800101-0001", null, null, false, null);
            return await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
        });
        Assert.Empty(registered.Errors);
        return await LoadAsync(slug, registered.Value!.Id);
    }

    /// <summary>Posts a handler of the case page as <paramref name="client"/>, with the antiforgery token of the page and the case's version.</summary>
    private async Task<HttpResponseMessage> PostCaseAsync(HttpClient client, string slug, Guid id, string handler, Dictionary<string, string> fields)
    {
        var url = $"/{slug}/begaranden/{id}";
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        fields.TryAdd("Version", (await LoadAsync(slug, id)).Version.ToString());
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [PostgresFact]
    public async Task Correction_RecomputesTheDeadline_NeedsAReason_IsLoggedAndAudited_AndTheExplanationShowsBoth()
    {
        const string slug = "ostersund";
        var firstReceived = DateTimeOffset.UtcNow.AddDays(-3);
        var r = await RegisterAsync(slug, firstReceived);
        var correctDay = Today.AddDays(-20);
        var corrected = new RequestCorrection(new DateTimeOffset(correctDay.ToDateTime(TimeOnly.MinValue), Swedish.TimeZone.GetUtcOffset(correctDay.ToDateTime(TimeOnly.MinValue))),
            true, RequestChannel.Email, null, null);

        var noReason = await Change<CorrectRequest>(slug, c => c.RunAsync(r.Id, r.Version, corrected));
        Assert.Equal(CommandStatus.Invalid, noReason.Status);
        Assert.Equal("Ange varför uppgifterna rättas (högst 1 000 tecken).", Assert.Single(noReason.ErrorsByField()[CorrectRequest.ReasonField]));
        var unchanged = await LoadAsync(slug, r.Id);
        Assert.Equal((r.ReceivedAt, r.DueOn, r.Version), (unchanged.ReceivedAt, unchanged.DueOn, unchanged.Version));

        var done = await Change<CorrectRequest>(slug, c => c.RunAsync(r.Id, r.Version, corrected with { Reason = "Brevet stämplades in tre veckor tidigare." }));
        Assert.True(done.Ok, string.Join(" ", done.Errors.Select(e => e.Message)));
        var stored = await LoadAsync(slug, r.Id);
        var expected = RequestDeadlines.Calculate(correctDay, stored.Calendar);
        Assert.Equal(correctDay, stored.ClockStartOn);
        Assert.Equal(expected.Due, stored.DueOn);
        Assert.Equal(expected.Due, stored.EffectiveDueOn);
        Assert.Equal(expected.ExtendedDue, stored.ExtendedDueOn);
        Assert.NotEqual(r.DueOn, stored.DueOn);
        Assert.Equal(r.ReceivedAt, stored.OriginalReceivedAt);
        Assert.True(stored.ReceivedTimeUnknown);
        Assert.Equal(RequestChannel.Email, stored.Channel);

        var last = (await EventsAsync(slug, r.Id))[^1];
        Assert.StartsWith("Rättat: mottagen ", last.Text, StringComparison.Ordinal);
        Assert.Contains("klockslaget okänt", last.Text, StringComparison.Ordinal);
        Assert.Contains($"sista dag {SwedishDates.Long(r.DueOn)} → {SwedishDates.Long(expected.Due)}", last.Text, StringComparison.Ordinal);
        Assert.Contains("kom in via brev → e-post", last.Text, StringComparison.Ordinal);
        Assert.EndsWith("Skäl: Brevet stämplades in tre veckor tidigare.", last.Text, StringComparison.Ordinal);
        var audit = await app.InParty(slug, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(DataSubjectRequest) && a.EntityId == r.Id.ToString() && a.Action == AuditAction.Modified).ToListAsync());
        Assert.Contains(audit, a => a.Changes.Contains("\"ReceivedAt\"", StringComparison.Ordinal) && a.Changes.Contains("\"DueOn\"", StringComparison.Ordinal));

        // A corrected personnummer: the timeline names the field, never the number.
        var number = await Change<CorrectRequest>(slug, c => c.RunAsync(r.Id, stored.Version,
            corrected with { PersonalNumber = "19900202-0007", Reason = "Siffror förväxlade." }));
        Assert.True(number.Ok, string.Join(" ", number.Errors.Select(e => e.Message)));
        var numberEvent = (await EventsAsync(slug, r.Id))[^1];
        Assert.Equal("Rättat: personnummer. Skäl: Siffror förväxlade.", numberEvent.Text);
        Assert.NotEqual(stored.PersonalNumberHash, (await LoadAsync(slug, r.Id)).PersonalNumberHash);

        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var html = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.Contains("Mottagningstiden är rättad: först registrerad som <time", html, StringComparison.Ordinal);
        Assert.Contains($">{Swedish.DateTime(r.ReceivedAt)}</time>, rättad till <time", html, StringComparison.Ordinal);
        Assert.Contains($">{SwedishDates.Long(correctDay)}</time>. Fristen ovan räknas från den rättade tiden.", html, StringComparison.Ordinal);
        Assert.Contains("Klockslaget då begäran kom in är okänt: dagens början räknas.", html, StringComparison.Ordinal);
        Assert.Contains(expected.Explanation, html, StringComparison.Ordinal);
        Assert.Contains("19900202-****", html, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Makulering_NeedsAReason_ClosesTheCase_AndLeavesEveryStatisticUnchanged()
    {
        const string slug = "ragunda";
        var year = Today.Year;
        async Task<string> FiguresAsync() => await AsParty(slug, async sp =>
        {
            var partyId = sp.GetRequiredService<CurrentParty>().Required.Id;
            var measured = await sp.GetRequiredService<MaturityCrossParty>().MeasuredAsync(Period.Year(year), Today, default);
            var trend = await sp.GetRequiredService<MaturityCrossParty>().RequestFactsAsync(year, year, default);
            return JsonSerializer.Serialize(new { Measured = measured.GetValueOrDefault(partyId)?.Requests, Trend = trend[partyId].ToList() });
        });
        var before = await FiguresAsync();

        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddHours(-2), "Dubbel Dubblettsson");
        Assert.NotEqual(before, await FiguresAsync());

        var plainMove = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.Voided));
        Assert.Contains("använd Makulera", Assert.Single(plainMove.ErrorsByField()["To"]), StringComparison.Ordinal);
        var noReason = await Change<VoidRequest>(slug, c => c.RunAsync(r.Id, r.Version, "  "));
        Assert.Contains(VoidRequest.ReasonField, noReason.ErrorsByField().Keys);
        Assert.Equal(RequestStatus.Registered, (await LoadAsync(slug, r.Id)).Status);

        var voided = await Change<VoidRequest>(slug, c => c.RunAsync(r.Id, r.Version, "Dubblett av ett ärende registrerat samma dag."));
        Assert.True(voided.Ok, string.Join(" ", voided.Errors.Select(e => e.Message)));
        Assert.Equal(RequestStatus.Voided, (await LoadAsync(slug, r.Id)).Status);
        Assert.Equal("Makulerad (registrerad av misstag), var Registrerad. Skäl: Dubblett av ett ärende registrerat samma dag.", (await EventsAsync(slug, r.Id))[^1].Text);

        // Counted nowhere: the party's figures are what they were before the case was registered.
        Assert.Equal(before, await FiguresAsync());

        // Closed: it moves nowhere but back through Återöppna.
        var again = await Change<VoidRequest>(slug, c => c.RunAsync(r.Id, voided.Value!.Version, "Igen."));
        Assert.Equal("Ett makulerat ärende kan inte ändra status.", Assert.Single(again.ErrorsByField()["Status"]));
    }

    [PostgresFact]
    public async Task Reopen_IsForTheDpoOnly_NeedsAReason_AndKeepsTheDeadline()
    {
        const string slug = "ostersund";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-4));
        var answered = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, r.Version, Today, AnswerDelivery.Letter, "Kort svar, inga system berörs."));
        Assert.True(answered.Ok, string.Join(" ", answered.Errors.Select(e => e.Message)));

        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var annaPage = WebUtility.HtmlDecode(await anna.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.DoesNotContain("Skäl att återöppna", annaPage, StringComparison.Ordinal);
        var forbidden = await PostCaseAsync(anna, slug, r.Id, "Reopen", new() { ["ReopenReason"] = "Jag vill ändra svaret." });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(RequestStatus.Answered, (await LoadAsync(slug, r.Id)).Status);

        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var noReason = await PostCaseAsync(bo, slug, r.Id, "Reopen", new() { ["ReopenReason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Ange varför ärendet återöppnas (högst 1 000 tecken).", await TextOf(noReason), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Answered, (await LoadAsync(slug, r.Id)).Status);

        var reopened = await PostCaseAsync(bo, slug, r.Id, "Reopen", new() { ["ReopenReason"] = "Den registrerade saknar uppgifter ur e-arkivet." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var stored = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.InProgress, stored.Status);
        Assert.Null(stored.AnsweredOn);
        Assert.Null(stored.Delivery);
        Assert.Equal(r.DueOn, stored.EffectiveDueOn);
        var last = (await EventsAsync(slug, r.Id))[^1];
        Assert.DoesNotContain("system", last.ActorName, StringComparison.Ordinal);
        Assert.StartsWith("Återöppnad, var Besvarad. Skäl: Den registrerade saknar uppgifter ur e-arkivet.", last.Text, StringComparison.Ordinal);
        Assert.Contains($"sista dag {SwedishDates.Long(r.DueOn)}", last.Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task GuardRails_AnAnswerWithoutAReason_IsRefusedWhileAWarningApplies_AndAcceptedWithOne()
    {
        const string slug = "ostersund";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-2));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var page = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        // Registered: the next step is to start handling or ask for the identity, not yet to answer.
        Assert.Contains("Påbörja handläggning", page, StringComparison.Ordinal);
        var registeredWarnings = await AsParty(slug, sp => sp.GetRequiredService<AnswerGuard>().WarningsAsync(r, default));
        Assert.Contains(registeredWarnings, w => w.StartsWith("Inget beslut om identiteten är registrerat", StringComparison.Ordinal));
        var direct = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, r.Version, Today, AnswerDelivery.Letter));
        Assert.Contains("Inget beslut om identiteten är registrerat", Assert.Single(direct.ErrorsByField()[AnswerGuard.ReasonField]), StringComparison.Ordinal);

        var started = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.InProgress));
        Assert.True(started.Ok);
        var handling = WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
        Assert.Contains("Innan ärendet besvaras", handling, StringComparison.Ordinal);
        Assert.Contains("Skäl att besvara ändå", handling, StringComparison.Ordinal);

        var refused = await PostCaseAsync(bo, slug, r.Id, "Answer", new() { ["AnsweredOn"] = Today.ToString("yyyy-MM-dd"), ["Delivery"] = "Letter" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await TextOf(refused);
        Assert.Contains("Ange varför ärendet besvaras trots varningarna:", html, StringComparison.Ordinal);
        Assert.Contains("Ingen handläggare är tilldelad ärendet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Inget beslut om identiteten är registrerat", html, StringComparison.Ordinal);
        Assert.Contains("id=\"AnswerReason-error\"", html, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InProgress, (await LoadAsync(slug, r.Id)).Status);

        var accepted = await PostCaseAsync(bo, slug, r.Id, "Answer", new()
        {
            ["AnsweredOn"] = Today.ToString("yyyy-MM-dd"),
            ["Delivery"] = "Letter",
            ["AnswerReason"] = "Den registrerade hade inga uppgifter hos nämnden.",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(RequestStatus.Answered, (await LoadAsync(slug, r.Id)).Status);
        var last = (await EventsAsync(slug, r.Id))[^1];
        Assert.Contains("Besvarad trots varningarna", last.Text, StringComparison.Ordinal);
        Assert.EndsWith("Skäl: Den registrerade hade inga uppgifter hos nämnden.", last.Text, StringComparison.Ordinal);

        // Once nothing warns (handling started, an officer assigned, no system left unsearched), no reason is asked.
        var other = await RegisterAsync("krokom", DateTimeOffset.UtcNow.AddDays(-2));
        var warnings = await AsParty("krokom", async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var unsearched = await db.PartySystems.Where(s => s.IsActive).Select(s => s.Id).ToListAsync();
            var started = await sp.GetRequiredService<MoveRequest>().RunAsync(other.Id, other.Version, RequestStatus.InProgress);
            var marked = await sp.GetRequiredService<SaveSystemSearches>().RunAsync(other.Id, started.Value!.Version,
                unsearched.ToDictionary(s => s, _ => (SystemSearchResult?)SystemSearchResult.NoData));
            var bo2 = await db.Users.SingleAsync(u => u.DisplayName == "Bo Berglund");
            var assigned = await sp.GetRequiredService<AssignRequest>().RunAsync(other.Id, marked.Value!.Version, bo2.Id);
            return await sp.GetRequiredService<AnswerGuard>().WarningsAsync(assigned.Value!, default);
        });
        Assert.Empty(warnings);
        var ready = await LoadAsync("krokom", other.Id);
        var plain = await Change<AnswerRequest>("krokom", c => c.RunAsync(other.Id, ready.Version, Today, AnswerDelivery.Letter));
        Assert.True(plain.Ok, string.Join(" ", plain.Errors.Select(e => e.Message)));
    }

    [PostgresFact]
    public async Task Withdraw_WithoutConfirmed_ChangesNothing_AndStatesTheConsequence_ThenConfirmedItIsDone()
    {
        const string slug = "ostersund";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-5));
        var withdrawnOn = Today.AddDays(-1);
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var eventsBefore = (await EventsAsync(slug, r.Id)).Count;

        var asked = await PostCaseAsync(anna, slug, r.Id, "Withdraw", new() { ["WithdrawnOn"] = withdrawnOn.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await TextOf(asked);
        Assert.Contains($"Återkalla {r.CaseNumber}?", html, StringComparison.Ordinal);
        Assert.Contains($"Ärendet avslutas som återkallat av den registrerade {SwedishDates.Long(withdrawnOn)}.", html, StringComparison.Ordinal);
        Assert.Contains("Ja, återkalla ärendet", html, StringComparison.Ordinal);
        Assert.Contains("name=\"confirmed\" value=\"true\"", html, StringComparison.Ordinal);
        var untouched = await LoadAsync(slug, r.Id);
        Assert.Equal((RequestStatus.Registered, r.Version), (untouched.Status, untouched.Version));
        Assert.Equal(eventsBefore, (await EventsAsync(slug, r.Id)).Count);

        var done = await PostCaseAsync(anna, slug, r.Id, "Withdraw", new() { ["WithdrawnOn"] = withdrawnOn.ToString("yyyy-MM-dd"), ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(RequestStatus.Withdrawn, (await LoadAsync(slug, r.Id)).Status);
        Assert.Equal($"Återkallad av den registrerade {SwedishDates.Long(withdrawnOn)}. Ärendet är avslutat.", (await EventsAsync(slug, r.Id))[^1].Text);
    }

    [PostgresFact]
    public async Task Assigning_AnOfficer_PutsAMailInTheOutbox_WithNoPersonalData()
    {
        const string slug = "ostersund";
        const string name = "Hemliga Mejlsson";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-1), name);
        var anna = await app.InParty(slug, db => db.Users.AsNoTracking().SingleAsync(u => u.DisplayName == "Anna Andersson"));
        Assert.False(string.IsNullOrEmpty(anna.Email));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));

        var assigned = await PostCaseAsync(bo, slug, r.Id, "Assign", new() { ["OfficerId"] = anna.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(anna.Id, (await LoadAsync(slug, r.Id)).AssignedOfficerId);

        var mails = await app.InParty(slug, db => db.OutboxMessages.AsNoTracking().Where(m => m.To == anna.Email && m.Subject.Contains(r.CaseNumber)).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Equal("Östersunds kommun: du är handläggare för " + r.CaseNumber, mail.Subject);
        Assert.Contains($"/{slug}/begaranden/{r.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(SwedishDates.Long(r.EffectiveDueOn), mail.TextBody, StringComparison.Ordinal);
        foreach (var body in new[] { mail.Subject, mail.TextBody, mail.HtmlBody })
        {
            Assert.DoesNotContain("Mejlsson", body, StringComparison.Ordinal);
            Assert.DoesNotContain("19800101", body, StringComparison.Ordinal);
        }

        // Assigning oneself sends nothing.
        var self = await PostCaseAsync(bo, slug, r.Id, "Assign", new()
        {
            ["OfficerId"] = (await app.InParty(slug, db => db.Users.SingleAsync(u => u.DisplayName == "Bo Berglund"))).Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);
        Assert.Single(await app.InParty(slug, db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(r.CaseNumber)).ToListAsync()));
    }

    [PostgresFact]
    public async Task Registration_APastDay_NeedsItsTimeOrUnknown_ThenTheStartOfTheDayCounts()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        const string url = "/ostersund/begaranden/ny";
        var form = await anna.GetStringAsync(url);
        // No time is filled in from the clock: a past day must not get now's time by default.
        Assert.Matches("<input[^>]*name=\"ReceivedTime\"", form);
        Assert.DoesNotMatch("<input[^>]*name=\"ReceivedTime\"[^>]*value=\"\\d", form);
        var name = "Okänd Klocksson " + Guid.NewGuid().ToString("N")[..6];
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).Select(c => c.Id).FirstAsync());
        var day = Today.AddDays(-6);
        Dictionary<string, string> Fields(bool unknown) => new()
        {
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["ReceivedDate"] = day.ToString("yyyy-MM-dd"),
            ["ReceivedTime"] = "",
            ["ReceivedTimeUnknown"] = unknown ? "true" : "false",
            ["Channel"] = "Letter",
            ["ControllerId"] = controller.ToString(),
            ["Rights"] = "Access",
            ["RequesterName"] = name,
        };

        var refused = await anna.PostAsync(url, new FormUrlEncodedContent(Fields(unknown: false)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ange klockslaget då begäran kom in, eller kryssa i att det är okänt (då räknas dagens början).", await TextOf(refused), StringComparison.Ordinal);
        Assert.False(await app.InParty("ostersund", db => db.Requests.AnyAsync(r => r.RequesterName == name)));

        var done = await anna.PostAsync(url, new FormUrlEncodedContent(Fields(unknown: true)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await app.InParty("ostersund", db => db.Requests.AsNoTracking().SingleAsync(r => r.RequesterName == name));
        Assert.True(stored.ReceivedTimeUnknown);
        Assert.Equal(day, Swedish.Date(stored.ReceivedAt));
        Assert.Equal(TimeSpan.Zero, Swedish.ToLocal(stored.ReceivedAt).TimeOfDay);
        var page = WebUtility.HtmlDecode(await anna.GetStringAsync(done.Headers.Location!.ToString()));
        Assert.Contains("Klockslaget då begäran kom in är okänt: dagens början räknas.", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
