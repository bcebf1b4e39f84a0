using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class ChangeRequestTests(AppFactory app)
{
    private static DateOnly Today => DateOnly.FromDateTime(Swedish.ToLocal(DateTimeOffset.UtcNow).DateTime);

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
        app.InParty(slug, db => db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ToListAsync());

    private Task<List<AuditEntry>> AuditOfRequestAsync(string slug, Guid id) =>
        app.InParty(slug, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(DataSubjectRequest) && a.EntityId == id.ToString() && a.Action == AuditAction.Modified)
            .OrderBy(a => a.At).ToListAsync());

    private async Task<DataSubjectRequest> RegisterAsync(string slug, DateTimeOffset received)
    {
        var registered = await AsParty(slug, async sp =>
        {
            var controller = await sp.GetRequiredService<AppDbContext>().DataControllers.FirstAsync(c => c.IsActive);
            var input = new RegisterRequestInput(received, RequestChannel.Letter, controller.Id, DataSubjectRights.Access,
                "Robin Ärendesson", null, null, null, false, null);
            return await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
        });
        Assert.Empty(registered.Errors);
        return await LoadAsync(slug, registered.Value!.Id);
    }

    [PostgresFact]
    public async Task TheWholeFlow_Registered_InProgress_Extended_Answered_EachWithAnEventAndAnAuditEntry()
    {
        const string slug = "krokom";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-3));
        Assert.Single(await EventsAsync(slug, r.Id));

        var started = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.InProgress));
        Assert.True(started.Ok, string.Join(" ", started.Errors.Select(e => e.Message)));
        Assert.Equal(RequestStatus.InProgress, started.Value!.Status);
        Assert.NotEqual(r.Version, started.Value.Version);

        var extended = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, started.Value.Version, "Omfattande material i flera verksamhetssystem.", Today));
        Assert.True(extended.Ok, string.Join(" ", extended.Errors.Select(e => e.Message)));
        var afterExtension = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.Extended, afterExtension.Status);
        Assert.Equal(afterExtension.ExtendedDueOn, afterExtension.EffectiveDueOn);
        Assert.Equal(Today, afterExtension.ExtensionNoticeSentOn);
        Assert.Equal("Omfattande material i flera verksamhetssystem.", afterExtension.ExtensionReason);

        // No officer is assigned (a guard rail of Art. 15): the answer goes on with a reason.
        var answered = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, afterExtension.Version, Today, AnswerDelivery.SecureEmail, "Handläggs av registraturen."));
        Assert.True(answered.Ok, string.Join(" ", answered.Errors.Select(e => e.Message)));
        var final = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.Answered, final.Status);
        Assert.Equal(Today, final.AnsweredOn);
        Assert.Equal(AnswerDelivery.SecureEmail, final.Delivery);

        // One timeline line per step (registration + three changes), in Swedish; one audit entry per change, naming the status.
        var events = await EventsAsync(slug, r.Id);
        Assert.Equal(4, events.Count);
        Assert.Contains("påbörjats", events[1].Text, StringComparison.Ordinal);
        Assert.Contains("Förlängd med två månader (art. 12.3)", events[2].Text, StringComparison.Ordinal);
        Assert.Contains("Besvarad", events[3].Text, StringComparison.Ordinal);
        Assert.Contains("säker e-post", events[3].Text, StringComparison.Ordinal);
        Assert.Contains("inom tidsfristen", events[3].Text, StringComparison.Ordinal);
        Assert.All(events, e => Assert.Equal("system:krokom", e.ActorName));
        var audit = await AuditOfRequestAsync(slug, r.Id);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a => Assert.Contains("\"Status\"", a.Changes, StringComparison.Ordinal));
        Assert.Contains("\"ExtensionNoticeSentOn\"", audit[1].Changes, StringComparison.Ordinal);
        var eventIds = events.Select(e => e.Id.ToString()).ToList();
        var eventAudits = await app.InParty(slug, db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(RequestEvent) && eventIds.Contains(a.EntityId)));
        Assert.Equal(4, eventAudits);
    }

    [PostgresFact]
    public async Task ADisallowedTransition_IsRefusedInSwedish_AndNothingChanges()
    {
        const string slug = "krokom";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-1));

        var skip = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.Extended));
        Assert.Equal(CommandStatus.Invalid, skip.Status);
        Assert.Equal(RequestStatusRules.WhyNot(RequestStatus.Registered, RequestStatus.Extended), Assert.Single(skip.ErrorsByField()["To"]));
        Assert.StartsWith("Från Registrerad kan ärendet gå till", skip.ErrorsByField()["To"][0], StringComparison.Ordinal);

        // An extension straight from registered breaks the status rules too (only from handling, Art. 12(3)).
        var extend = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, r.Version, "Komplext", Today));
        Assert.Equal(CommandStatus.Invalid, extend.Status);
        Assert.Contains("Status", extend.ErrorsByField().Keys);

        // Answer and refusal need their facts: not through a plain move.
        var answer = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.Answered));
        Assert.Contains("Besvara", answer.ErrorsByField()["To"][0], StringComparison.Ordinal);

        var unchanged = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.Registered, unchanged.Status);
        Assert.Equal(r.Version, unchanged.Version);
        Assert.Single(await EventsAsync(slug, r.Id));
        Assert.Empty(await AuditOfRequestAsync(slug, r.Id));

        // A closed case moves nowhere.
        var withdrawn = await Change<MoveRequest>(slug, c => c.WithdrawAsync(r.Id, r.Version));
        Assert.True(withdrawn.Ok);
        var reopen = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, withdrawn.Value!.Version, RequestStatus.InProgress));
        Assert.Equal("Ett återkallat ärende kan inte ändra status.", Assert.Single(reopen.ErrorsByField()["To"]));
        Assert.Equal(RequestStatus.Withdrawn, (await LoadAsync(slug, r.Id)).Status);
    }

    [PostgresFact]
    public async Task Extension_WithoutReason_OrNoticedAfterTheFirstMonth_OrInTheFuture_IsRefused()
    {
        const string slug = "are";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-5));
        var started = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.InProgress));
        var version = started.Value!.Version;

        var noReason = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, version, "  ", Today));
        Assert.Equal("Ange skälet till förlängningen (art. 12.3).", Assert.Single(noReason.ErrorsByField()["Reason"]));

        var future = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, version, "Komplext", Today.AddDays(1)));
        Assert.Contains("framtiden", Assert.Single(future.ErrorsByField()["NoticeSentOn"]), StringComparison.Ordinal);

        // Art. 12(3): the notice is given within one month of receipt, so one dated before receipt is refused.
        var early = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, version, "Komplext", Today.AddDays(-6)));
        Assert.StartsWith("Meddelandet om förlängning kan inte vara skickat före den dag begäran kom in", Assert.Single(early.ErrorsByField()["NoticeSentOn"]), StringComparison.Ordinal);

        // Received 45 days ago: the first month is over and the case overdue; it cannot be extended afterwards, neither
        // with a notice sent today nor with one backdated into the first month.
        var old = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-45));
        var oldStarted = await Change<MoveRequest>(slug, c => c.RunAsync(old.Id, old.Version, RequestStatus.InProgress));
        foreach (var noticeOn in new[] { Today, Today.AddDays(-40) })
        {
            var late = await Change<ExtendRequest>(slug, c => c.RunAsync(old.Id, oldStarted.Value!.Version, "Komplext", noticeOn));
            Assert.Equal(CommandStatus.Invalid, late.Status);
            Assert.StartsWith("Fristen gick ut", Assert.Single(late.ErrorsByField()["Status"]), StringComparison.Ordinal);
        }

        foreach (var id in new[] { r.Id, old.Id })
        {
            var stored = await LoadAsync(slug, id);
            Assert.Equal(RequestStatus.InProgress, stored.Status);
            Assert.Null(stored.ExtensionReason);
            Assert.Equal(stored.DueOn, stored.EffectiveDueOn);
            Assert.Equal(2, (await EventsAsync(slug, id)).Count);
        }
    }

    [PostgresFact]
    public async Task Answer_BeforeReceived_OrInTheFuture_IsRefused_Refusal_NeedsAGround()
    {
        const string slug = "are";
        var received = DateTimeOffset.UtcNow.AddDays(-2);
        var r = await RegisterAsync(slug, received);
        var receivedOn = DateOnly.FromDateTime(Swedish.ToLocal(received).DateTime);

        var early = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, r.Version, receivedOn.AddDays(-1), AnswerDelivery.Letter));
        Assert.Contains("före den dag begäran kom in", Assert.Single(early.ErrorsByField()["AnsweredOn"]), StringComparison.Ordinal);
        var future = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, r.Version, Today.AddDays(1), AnswerDelivery.Letter));
        Assert.Contains("framtiden", Assert.Single(future.ErrorsByField()["AnsweredOn"]), StringComparison.Ordinal);
        var noDelivery = await Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, r.Version, Today, (AnswerDelivery)99));
        Assert.Contains("Delivery", noDelivery.ErrorsByField().Keys);

        var noGround = await Change<RefuseRequest>(slug, c => c.RunAsync(r.Id, r.Version, Today, null));
        Assert.Contains("art. 12.4", Assert.Single(noGround.ErrorsByField()["LegalGround"]), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Registered, (await LoadAsync(slug, r.Id)).Status);
        Assert.Single(await EventsAsync(slug, r.Id));

        var refused = await Change<RefuseRequest>(slug, c => c.RunAsync(r.Id, r.Version, Today, "Uppenbart ogrundad begäran, art. 12.5 b."));
        Assert.True(refused.Ok);
        var stored = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.Refused, stored.Status);
        Assert.Equal("Uppenbart ogrundad begäran, art. 12.5 b.", stored.RefusalGround);
        Assert.Contains("IMY", (await EventsAsync(slug, r.Id))[1].Text, StringComparison.Ordinal);
        Assert.Single(await AuditOfRequestAsync(slug, r.Id));
    }

    [PostgresFact]
    public async Task AStaleVersion_IsAConcurrencyError_AndOfTwoAtOnceOnlyOneWins()
    {
        const string slug = "krokom";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-1));
        var started = await Change<MoveRequest>(slug, c => c.RunAsync(r.Id, r.Version, RequestStatus.InProgress));
        Assert.True(started.Ok);

        var stale = await Change<MoveRequest>(slug, c => c.WithdrawAsync(r.Id, r.Version));
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.Equal(CommandMessages.Conflict, Assert.Single(stale.ErrorsByField()["Version"]));
        Assert.Equal("Uppgifterna har ändrats av någon annan sedan du öppnade dem. Ladda om sidan och gör ändringen igen.", CommandMessages.Conflict);
        Assert.Equal(RequestStatus.InProgress, (await LoadAsync(slug, r.Id)).Status);

        // Two officers act on the same version at the same moment: the database lets one through.
        var version = started.Value!.Version;
        var results = await Task.WhenAll(
            Change<MoveRequest>(slug, c => c.WithdrawAsync(r.Id, version)),
            Change<AnswerRequest>(slug, c => c.RunAsync(r.Id, version, Today, AnswerDelivery.Letter, "Enkel begäran.")));
        Assert.Single(results, x => x.Ok);
        Assert.Single(results, x => x.Status == CommandStatus.Conflict);
        Assert.Equal(3, (await EventsAsync(slug, r.Id)).Count);
        Assert.Equal(2, (await AuditOfRequestAsync(slug, r.Id)).Count);

        var unknown = await Change<MoveRequest>(slug, c => c.WithdrawAsync(Guid.NewGuid(), version));
        Assert.Equal(CommandStatus.NotFound, unknown.Status);
    }

    /// <summary>
    /// Art. 12(3): where the month counts from receipt, the clock runs during the identity check, so the extension may be
    /// given then; the case keeps waiting for the identity and goes on as extended when it is confirmed.
    /// </summary>
    [PostgresFact]
    public async Task Extension_DuringTheIdentityCheck_IsRecorded_AndStandsWhenTheIdentityIsConfirmed()
    {
        const string slug = "are";
        var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-5));
        var asked = await Change<AskIdentity>(slug, c => c.RunAsync(r.Id, r.Version));
        Assert.Equal(RequestStatus.IdentityCheck, asked.Value!.Status);

        var extended = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, asked.Value.Version, "Omfattande material.", Today));
        Assert.True(extended.Ok, string.Join(" ", extended.Errors.Select(e => e.Message)));
        var stored = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.IdentityCheck, stored.Status);
        Assert.Equal(stored.ExtendedDueOn, stored.EffectiveDueOn);
        Assert.Equal(Today, stored.ExtensionNoticeSentOn);

        var again = await Change<ExtendRequest>(slug, c => c.RunAsync(r.Id, stored.Version, "En gång till.", Today));
        Assert.StartsWith("Fristen är redan förlängd", Assert.Single(again.ErrorsByField()["Status"]), StringComparison.Ordinal);

        var confirmed = await Change<ConfirmIdentity>(slug, c => c.RunAsync(r.Id, stored.Version, "BankID"));
        Assert.True(confirmed.Ok, string.Join(" ", confirmed.Errors.Select(e => e.Message)));
        var after = await LoadAsync(slug, r.Id);
        Assert.Equal(RequestStatus.Extended, after.Status);
        Assert.Equal(after.ExtendedDueOn, after.EffectiveDueOn);
    }

    [PostgresFact]
    public async Task ConfirmedIdentity_RestartsTheClock_WhereThePartyChoseSo_AndOnlyThere()
    {
        const string slug = "ragunda";
        await SetClockStartAsync(slug, DeadlineClockStart.IdentityConfirmed);
        try
        {
            var r = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-10));
            var asked = await Change<AskIdentity>(slug, c => c.RunAsync(r.Id, r.Version));
            Assert.True(asked.Ok);
            Assert.Equal(RequestStatus.IdentityCheck, asked.Value!.Status);
            Assert.NotNull(asked.Value.IdentityCheckAskedAt);

            var noMethod = await Change<ConfirmIdentity>(slug, c => c.RunAsync(r.Id, asked.Value.Version, " "));
            Assert.Contains("Method", noMethod.ErrorsByField().Keys);

            var confirmed = await Change<ConfirmIdentity>(slug, c => c.RunAsync(r.Id, asked.Value.Version, "BankID"));
            Assert.True(confirmed.Ok, string.Join(" ", confirmed.Errors.Select(e => e.Message)));
            var stored = await LoadAsync(slug, r.Id);
            var party = await app.InParty(slug, db => db.Parties.AsNoTracking().SingleAsync(p => p.Slug == slug));
            var expected = RequestDeadlines.Calculate(Today, new PartyCalendar(party.Settings.EvesAreHolidays), DeadlineClockStart.IdentityConfirmed);
            Assert.Equal(RequestStatus.InProgress, stored.Status);
            Assert.Equal("BankID", stored.IdentityMethod);
            Assert.NotNull(stored.IdentityConfirmedAt);
            Assert.Equal(Today, stored.ClockStartOn);
            Assert.Equal(expected.Due, stored.DueOn);
            Assert.Equal(expected.ExtendedDue, stored.ExtendedDueOn);
            Assert.Equal(expected.Due, stored.EffectiveDueOn);
            Assert.True(stored.DueOn > r.DueOn);

            var events = await EventsAsync(slug, r.Id);
            Assert.Equal(3, events.Count);
            Assert.Contains("art. 12.6", events[1].Text, StringComparison.Ordinal);
            Assert.Contains("art. 12.6", events[2].Text, StringComparison.Ordinal);
            Assert.Contains("partens val", events[2].Text, StringComparison.Ordinal);
            Assert.Contains("identiteten bekräftad", events[2].Text, StringComparison.Ordinal);
            Assert.Equal(2, (await AuditOfRequestAsync(slug, r.Id)).Count);
        }
        finally
        {
            await SetClockStartAsync(slug, DeadlineClockStart.Receipt);
        }

        // The strict default: the same steps leave the clock where receipt started it.
        var strict = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-10));
        var strictAsked = await Change<MoveRequest>(slug, c => c.RunAsync(strict.Id, strict.Version, RequestStatus.IdentityCheck));
        Assert.True(strictAsked.Ok);
        Assert.NotNull(strictAsked.Value!.IdentityCheckAskedAt);
        var strictConfirmed = await Change<ConfirmIdentity>(slug, c => c.RunAsync(strict.Id, strictAsked.Value.Version, "Legitimation på plats"));
        Assert.True(strictConfirmed.Ok);
        var strictStored = await LoadAsync(slug, strict.Id);
        Assert.Equal(strict.ClockStartOn, strictStored.ClockStartOn);
        Assert.Equal(strict.DueOn, strictStored.EffectiveDueOn);
        Assert.Contains("från mottagandet", (await EventsAsync(slug, strict.Id))[2].Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ASettingsChange_AppliesToNewCasesOnly_ACaseKeepsTheClockRuleItWasRegisteredWith()
    {
        const string slug = "stromsund";
        var strict = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-10));
        await SetClockStartAsync(slug, DeadlineClockStart.IdentityConfirmed);
        try
        {
            var counted = await RegisterAsync(slug, DateTimeOffset.UtcNow.AddDays(-10));
            Assert.Equal(DeadlineClockStart.Receipt, strict.ClockRule);
            Assert.Equal(DeadlineClockStart.IdentityConfirmed, counted.ClockRule);

            // Registered under the strict rule: the party's new choice does not restart its clock.
            var asked = await Change<AskIdentity>(slug, c => c.RunAsync(strict.Id, strict.Version));
            var confirmed = await Change<ConfirmIdentity>(slug, c => c.RunAsync(strict.Id, asked.Value!.Version, "BankID"));
            Assert.True(confirmed.Ok);
            Assert.Equal(strict.DueOn, (await LoadAsync(slug, strict.Id)).EffectiveDueOn);

            // Registered under the party's choice, which is then undone: this case still restarts from confirmed identity.
            await SetClockStartAsync(slug, DeadlineClockStart.Receipt);
            var askedAgain = await Change<AskIdentity>(slug, c => c.RunAsync(counted.Id, counted.Version));
            var confirmedAgain = await Change<ConfirmIdentity>(slug, c => c.RunAsync(counted.Id, askedAgain.Value!.Version, "BankID"));
            Assert.True(confirmedAgain.Ok);
            Assert.Equal(Today, (await LoadAsync(slug, counted.Id)).ClockStartOn);
        }
        finally
        {
            await SetClockStartAsync(slug, DeadlineClockStart.Receipt);
        }
    }

    [PostgresFact]
    public async Task CasePage_ExplainsTheStoredDeadline_NotOneRecountedWithTodaysCalendar()
    {
        // Received 24 November 2025: one month ends on julafton, a working day under the strict calendar.
        const string slug = "krokom";
        var r = await RegisterAsync(slug, new DateTimeOffset(2025, 11, 24, 9, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(new DateOnly(2025, 12, 24), r.DueOn);
        await SetEvesAreHolidaysAsync(slug, true);
        try
        {
            using var bo = app.ClientFor(AppFactory.Demo("bo"));
            var html = System.Net.WebUtility.HtmlDecode(await bo.GetStringAsync($"/{slug}/begaranden/{r.Id}"));
            Assert.Contains("sista dag 24 december 2025", html, StringComparison.Ordinal);
            Assert.DoesNotContain("är julafton", html, StringComparison.Ordinal);
            Assert.Contains("räknas som vardagar", html, StringComparison.Ordinal);

            // A case registered after the change is counted with the new calendar, and says so.
            var later = await RegisterAsync(slug, new DateTimeOffset(2025, 11, 24, 9, 0, 0, TimeSpan.FromHours(1)));
            Assert.True(later.EvesAreHolidays);
            Assert.Equal(new DateOnly(2025, 12, 29), later.DueOn);
        }
        finally
        {
            await SetEvesAreHolidaysAsync(slug, false);
        }
    }

    private Task SetEvesAreHolidaysAsync(string slug, bool value) => ChangeSettingsAsync(slug, s => s.EvesAreHolidays = value);

    private Task SetClockStartAsync(string slug, DeadlineClockStart start) => ChangeSettingsAsync(slug, s => s.RequestClockStart = start);

    private async Task ChangeSettingsAsync(string slug, Action<PartySettings> change)
    {
        // Parties are global: editable from a plain scope, no party lease.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var party = await db.Parties.SingleAsync(p => p.Slug == slug);
        change(party.Settings);
        await db.SaveChangesAsync();
    }
}
