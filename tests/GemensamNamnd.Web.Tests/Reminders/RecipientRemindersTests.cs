using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Art. 19: once an erasure is carried out, a reminder each week until every recipient is told or exempt.</summary>
[Collection(ReminderCollection.Name)]
public sealed class RecipientRemindersTests(ReminderFactory app)
{
    private const string Slug = "are";
    private const string Name = "Ruben Raderingsson";

    private async Task<T> AsParty<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(Slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    private async Task<List<string>> RecipientRemindersAsync(Guid id) =>
        [.. (await app.LedgerAsync(Slug, id)).Where(k => k.StartsWith(RequestReminderSource.Recipients, StringComparison.Ordinal))];

    private async Task RunTwiceAsync()
    {
        await app.RunPartyJobAsync(Slug);
        await app.RunPartyJobAsync(Slug); // a rerun adds nothing
    }

    [PostgresFact]
    public async Task AnErasureCarriedOut_IsRemindedWeekly_UntilEveryRecipientIsTold_ThenNever()
    {
        var answeredOn = Swedish.Date(app.Clock.GetUtcNow());
        var r = await AsParty(async sp =>
        {
            var controller = await sp.GetRequiredService<AppDbContext>().DataControllers.FirstAsync(c => c.IsActive);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(new RegisterRequestInput(
                app.Clock.GetUtcNow().AddDays(-2), RequestChannel.Letter, controller.Id, DataSubjectRights.Erasure, Name, null, null, null, false, null), default);
            var registeredVersion = await sp.GetRequiredService<AppDbContext>().Requests.Where(x => x.Id == registered.Value!.Id).Select(x => x.Version).SingleAsync();
            var started = await sp.GetRequiredService<MoveRequest>().RunAsync(registered.Value!.Id, registeredVersion, RequestStatus.InProgress);
            var answered = await sp.GetRequiredService<AnswerRequest>().RunAsync(started.Value!.Id, started.Value.Version, answeredOn, AnswerDelivery.Letter,
                "Provfall: raderingen är gjord.", []);
            Assert.Empty(answered.Errors);
            return answered.Value!;
        });

        await RunTwiceAsync();
        Assert.Empty(await RecipientRemindersAsync(r.Id));

        app.MoveTo(answeredOn.AddDays(7));
        await RunTwiceAsync();
        Assert.Equal(["request.recipients:1"], await RecipientRemindersAsync(r.Id));

        var version = (await AsParty(sp => sp.GetRequiredService<NotifyRecipients>().AddAsync(r.Id, r.Version, new RecipientInput("Försäkringskassan", null)))).Value!.Version;
        app.MoveTo(answeredOn.AddDays(14));
        await RunTwiceAsync();
        Assert.Equal(["request.recipients:1", "request.recipients:2"], await RecipientRemindersAsync(r.Id));

        var recipientId = await app.InParty(Slug, db => db.RequestRecipients.Where(x => x.RequestId == r.Id).Select(x => x.Id).SingleAsync());
        var told = await AsParty(sp => sp.GetRequiredService<NotifyRecipients>().RecordNoticeAsync(r.Id, version, recipientId,
            new RecipientNoticeInput(RecipientNoticeState.Told, Swedish.Date(app.Clock.GetUtcNow()), "Brev", null, null)));
        Assert.True(told.Ok);
        app.MoveTo(answeredOn.AddDays(21));
        await RunTwiceAsync();
        Assert.Equal(2, (await RecipientRemindersAsync(r.Id)).Count);

        var mails = await app.MailsAboutAsync(await app.PartyIdAsync(Slug), r.CaseNumber, r.Id);
        Assert.Contains(mails, m => m.TextBody.Contains("art. 19", StringComparison.Ordinal) && m.TextBody.Contains("#mottagare", StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain(Name, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
    }
}
