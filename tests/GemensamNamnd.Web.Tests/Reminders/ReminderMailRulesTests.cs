using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>The subject's rule: the party always, at most 78 characters, shortened at a word with "…".</summary>
public sealed class ReminderSubjectTests
{
    [Fact]
    public void AShortSubject_IsPartyReferenceAndSummary_Whole()
    {
        Assert.Equal("Krokoms kommun: KS 2027/0042 – besvaras inom 2 dagar", ReminderMail.Subject("Krokoms kommun", "KS 2027/0042", "besvaras inom 2 dagar"));
    }

    [Fact]
    public void ALongSummary_IsCutAtAWord_WithAnEllipsis_AndThePartyKept()
    {
        var subject = ReminderMail.Subject("Region Jämtland Härjedalen", "RS 2027/01234",
            "anmälan till IMY försenad, 100 timmar har gått sedan ni fick kännedom om incidenten");

        Assert.Equal("Region Jämtland Härjedalen: RS 2027/01234 – anmälan till IMY försenad, 100…", subject);
        Assert.True(subject.Length <= ReminderMail.MaxSubjectLength);
    }

    [Fact]
    public void AReferenceTooLongForAnyOfTheSummary_DropsTheSummary_ThenCutsTheReference()
    {
        var reference = new string('x', 60);
        var subject = ReminderMail.Subject("Region Jämtland Härjedalen", reference, "upphör 1 januari 2027");

        Assert.Equal(ReminderMail.MaxSubjectLength, subject.Length);
        Assert.StartsWith("Region Jämtland Härjedalen: xxx", subject, StringComparison.Ordinal);
        Assert.EndsWith("…", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBreachClockWords_CountTheHoursFromTheClock_NotFromTheThreshold()
    {
        var aware = new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);

        var (headline, summary) = BreachReminderSource.ClockWords(BreachReminderSource.Clock, aware, aware.AddHours(47).AddMinutes(10));

        Assert.StartsWith("47 timmar har gått", headline, StringComparison.Ordinal);
        Assert.Contains("24 timmar kvar", headline, StringComparison.Ordinal);
        Assert.Equal("24 timmar kvar till IMY-anmälan", summary);
    }
}

/// <summary>The mail rules on PostgreSQL: one mail per person, the party in every subject, recipients per controller, the right hours and labels, the footer.</summary>
[Collection(ReminderCollection.Name)]
public sealed class ReminderMailRulesTests(ReminderFactory app)
{
    [PostgresFact]
    public async Task ADpoWhoIsAlsoAUser_GetsOneMailPerReminder_WithThePartyInTheSubject_AndAFooterLink()
    {
        const string slug = "krokom";
        var r = await app.RegisterAsync(slug);
        app.MoveTo(r.EffectiveDueOn.AddDays(-2));
        await app.RunPartyJobAsync(slug);

        var mails = (await app.MailsAboutAsync(await app.PartyIdAsync(slug), r.CaseNumber, r.Id)).Where(m => m.Subject.Contains("besvaras inom 2 dagar", StringComparison.Ordinal)).ToList();
        // Bo: his user address and his DPO work address are one person.
        var mail = Assert.Single(mails);
        Assert.Equal("bo@demo.gemensamnamnd.se", mail.To);
        Assert.StartsWith($"Krokoms kommun: {r.CaseNumber} – ", mail.Subject, StringComparison.Ordinal);
        Assert.True(mail.Subject.Length <= ReminderMail.MaxSubjectLength, mail.Subject);
        Assert.Contains("Ärende: " + r.CaseNumber, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/mina-paminnelser", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5080/mina-paminnelser\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ADpoAllocatedToOneController_GetsOnlyThatControllersReminders()
    {
        const string slug = "stromsund";
        var (first, second) = (new DataController { Name = $"Nämnd A {Guid.NewGuid():N}"[..18] }, new DataController { Name = $"Nämnd B {Guid.NewGuid():N}"[..18] });
        var (dpoA, dpoB) = ($"dso-a-{Guid.NewGuid():N}@stromsund.example", $"dso-b-{Guid.NewGuid():N}@stromsund.example");
        var personA = new DpoPerson { Name = "Alva Ahl", WorkEmail = dpoA };
        var personB = new DpoPerson { Name = "Bertil Berg", WorkEmail = dpoB };
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DpoPersons.AddRange(personA, personB);
            await db.SaveChangesAsync();
        }

        var today = Swedish.Today(app.Clock);
        await app.InParty(slug, db =>
        {
            db.DataControllers.AddRange(first, second);
            db.DpoAllocations.AddRange(
                Allocation(personA, first, today),
                Allocation(personB, second, today));
            return db.SaveChangesAsync();
        });
        var aboutA = await RegisterAsync(slug, first.Id);
        var aboutB = await RegisterAsync(slug, second.Id);
        app.MoveTo(aboutA.EffectiveDueOn.AddDays(-7));
        await app.RunPartyJobAsync(slug);

        var partyId = await app.PartyIdAsync(slug);
        var mailsA = (await app.MailsAboutAsync(partyId, aboutA.CaseNumber, aboutA.Id)).Select(m => m.To).ToList();
        var mailsB = (await app.MailsAboutAsync(partyId, aboutB.CaseNumber, aboutB.Id)).Select(m => m.To).ToList();
        Assert.Contains(dpoA, mailsA);
        Assert.DoesNotContain(dpoB, mailsA);
        Assert.Contains(dpoB, mailsB);
        Assert.DoesNotContain(dpoA, mailsB);
        // Helena, the party's DPO for its other controllers, gets neither.
        Assert.DoesNotContain("helena.holm@dataskydd-konsult.example", mailsA.Concat(mailsB));
    }

    [PostgresFact]
    public async Task ABreachFirstRemindedAt47Hours_SaysTheHoursPassedAndLeftByTheClock()
    {
        const string slug = "ragunda";
        var aware = app.Clock.GetUtcNow();
        var breach = await app.InParty(slug, async db =>
        {
            var b = new Breach
            {
                CaseNumber = $"PUI {Guid.NewGuid():N}"[..16],
                Title = "Felskickad lista",
                Description = "En lista skickades fel.",
                AwareAt = aware,
                ImyDeadlineAt = BreachClock.DeadlineFor(aware),
                Types = BreachTypes.Confidentiality,
                Cause = BreachCause.MisdirectedMail,
            };
            db.Breaches.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        app.Clock.SetUtcNow(aware.AddHours(47));
        await app.RunPartyJobAsync(slug);

        Assert.Equal(["breach.clock:24"], await app.LedgerAsync(slug, breach.Id));
        var mails = await app.MailsAboutAsync(await app.PartyIdAsync(slug), breach.CaseNumber, breach.Id);
        Assert.NotEmpty(mails);
        Assert.All(mails, m =>
        {
            Assert.StartsWith("47 timmar har gått", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("25 timmar kvar", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("24 timmar har gått", m.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("Ragunda kommun: ", m.Subject, StringComparison.Ordinal);
            Assert.Contains("25 timmar kvar", m.Subject, StringComparison.Ordinal);
        });
    }

    [PostgresFact]
    public async Task ADpoGapMail_SaysGaller_NotArende()
    {
        const string slug = "bracke";
        var uncovered = new DataController { Name = $"Utan ombud {Guid.NewGuid():N}"[..20] };
        await app.InParty(slug, db =>
        {
            db.DataControllers.Add(uncovered);
            return db.SaveChangesAsync();
        });
        await app.RunPartyJobAsync(slug);

        Assert.Contains($"{DpoReminderSource.Gap}:0", await app.LedgerAsync(slug, uncovered.Id));
        var partyId = await app.PartyIdAsync(slug);
        var mails = await app.OutboxAsync(q => q.Where(m => m.PartyId == partyId && m.Subject.Contains(uncovered.Name)));
        Assert.NotEmpty(mails);
        Assert.All(mails, m =>
        {
            Assert.Contains($"Gäller: {uncovered.Name}", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Ärende:", m.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("Bräcke kommun: ", m.Subject, StringComparison.Ordinal);
            Assert.True(m.Subject.Length <= ReminderMail.MaxSubjectLength, m.Subject);
        });
    }

    [PostgresFact]
    public void WithoutMailLinkBaseUrl_TheStartWarns()
    {
        _ = app.Services;
        Assert.Contains(app.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Mail:LinkBaseUrl is not set", StringComparison.Ordinal));
    }

    private static DpoAllocation Allocation(DpoPerson person, DataController controller, DateOnly today) => new()
    {
        PersonId = person.Id,
        Role = DpoRole.Ordinarie,
        ControllerIds = [controller.Id],
        SharePercent = 10,
        StartsOn = today.AddDays(-10),
        ReportsTo = "Kommunstyrelsen",
        ImyReportedOn = today.AddDays(-5),
    };

    private async Task<GemensamNamnd.Web.Features.Requests.DataSubjectRequest> RegisterAsync(string slug, Guid controllerId)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var input = new RegisterRequestInput(app.Clock.GetUtcNow(), RequestChannel.Letter, controllerId, DataSubjectRights.Access,
                "Robin Hemligsson", null, null, null, false, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.Empty(registered.Errors);
            return await sp.GetRequiredService<AppDbContext>().Requests.AsNoTracking().SingleAsync(r => r.Id == registered.Value!.Id);
        });
    }
}
