using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>The breach, DPO and drill registers' reminders, derived from stored state on PostgreSQL with RLS.</summary>
[Collection(ReminderCollection.Name)]
public sealed class RegisterRemindersTests(ReminderFactory app)
{
    private const string Secret = "Hemliga Journalen";

    [PostgresFact]
    public async Task ABreachAwaitingItsReport_IsRemindedAt24_48_66_AndLateAt72Hours_EachOnce_WithoutItsDetails()
    {
        const string slug = "krokom";
        var aware = app.Clock.GetUtcNow();
        var breach = await AddBreachAsync(slug, aware);
        var expected = new List<string>();

        async Task At(double hours, params string[] added)
        {
            var at = aware.AddHours(hours);
            if (at > app.Clock.GetUtcNow())
            {
                app.Clock.SetUtcNow(at);
            }

            await app.RunPartyJobAsync(slug);
            await app.RunPartyJobAsync(slug); // a rerun adds nothing
            expected.AddRange(added);
            Assert.Equal(expected.Order(), (await app.LedgerAsync(slug, breach.Id)).Order());
        }

        await At(23.9);
        await At(24, "breach.clock:24");
        await At(47);
        await At(48, "breach.clock:48");
        await At(66, "breach.clock:66");
        await At(71.9);
        await At(72, "breach.late:72");
        await At(100);

        var mails = await app.MailsAboutAsync(await app.PartyIdAsync(slug), breach.CaseNumber, breach.Id);
        Assert.NotEmpty(mails);
        Assert.Equal(4, mails.Select(m => m.Subject).Distinct().Count());
        Assert.Contains(mails, m => m.Subject.Contains("försenad", StringComparison.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.DoesNotContain(Secret, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"/{slug}/incidenter/{breach.Id}", m.TextBody, StringComparison.Ordinal);
        });
    }

    [PostgresFact]
    public async Task ABreachDecidedNotReportable_OrAlreadyReported_GetsNoClockReminder()
    {
        const string slug = "ragunda";
        var aware = app.Clock.GetUtcNow();
        var unreportable = await AddBreachAsync(slug, aware, b => b.Reportable = false);
        var reported = await AddBreachAsync(slug, aware, b =>
        {
            b.ReportedAt = aware.AddHours(3);
            b.Status = BreachStatus.ReportedToImy;
        });
        app.Clock.SetUtcNow(aware.AddHours(80));
        await app.RunPartyJobAsync(slug);

        Assert.Empty(await app.LedgerAsync(slug, unreportable.Id));
        Assert.Empty(await app.LedgerAsync(slug, reported.Id));
    }

    [PostgresFact]
    public async Task TheFirstSupplement_IsRemindedThreeDaysBeforeItIsDue_Once()
    {
        const string slug = "stromsund";
        var today = Swedish.Today(app.Clock);
        var due = today.AddDays(5);
        var breach = await AddBreachAsync(slug, app.Clock.GetUtcNow().AddDays(-10), b =>
        {
            b.ReportedAt = b.AwareAt.AddHours(10);
            b.Status = BreachStatus.ReportedToImy;
            b.SupplementDueOn = due;
        });

        app.MoveTo(due.AddDays(-4));
        await app.RunPartyJobAsync(slug);
        Assert.Empty(await app.LedgerAsync(slug, breach.Id));

        app.MoveTo(due.AddDays(-3));
        await app.RunPartyJobAsync(slug);
        app.MoveTo(due);
        await app.RunPartyJobAsync(slug);
        Assert.Equal(["breach.supplement:3"], await app.LedgerAsync(slug, breach.Id));
        var mail = (await app.MailsAboutAsync(await app.PartyIdAsync(slug), breach.CaseNumber, breach.Id)).First();
        Assert.Contains(SwedishDates.Long(due), mail.TextBody, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task DpoAllocations_EndingSoon_ImyNotTold_AndAControllerWithoutDpo_AreRemindedOnce_ToTheAllocatedDpo()
    {
        const string slug = "harjedalen";
        var today = Swedish.Today(app.Clock);
        var address = $"dso-{Guid.NewGuid():N}@harjedalen.example";
        var person = new DpoPerson { Name = "Ida Isaksson", WorkEmail = address };
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.DpoPersons.Add(person);
            await db.SaveChangesAsync();
        }

        var covered = new DataController { Name = $"Testnämnd {Guid.NewGuid():N}"[..20] };
        var uncovered = new DataController { Name = $"Glömd nämnd {Guid.NewGuid():N}"[..20] };
        var allocation = new DpoAllocation
        {
            PersonId = person.Id,
            Role = DpoRole.Ordinarie,
            ControllerIds = [covered.Id],
            SharePercent = 20,
            StartsOn = today.AddDays(-20),
            EndsOn = today.AddDays(10),
            ReportsTo = "Kommunstyrelsen",
        };
        await app.InParty(slug, db =>
        {
            db.DataControllers.AddRange(covered, uncovered);
            db.DpoAllocations.Add(allocation);
            return db.SaveChangesAsync();
        });

        await app.RunPartyJobAsync(slug);
        await app.RunPartyJobAsync(slug);

        Assert.Equal(
            new[] { $"{DpoReminderSource.Ending}:{allocation.EndsOn!.Value.DayNumber}", $"{DpoReminderSource.ImyNotice}:{FollowUp.ImyNoticeDays}" }.Order(),
            (await app.LedgerAsync(slug, allocation.Id)).Order());
        Assert.Equal([$"{DpoReminderSource.Gap}:0"], await app.LedgerAsync(slug, uncovered.Id));
        Assert.Empty(await app.LedgerAsync(slug, covered.Id));

        // The allocated DPO (no user account) gets the allocation's two reminders and the gap's, besides the party's others.
        var toDpo = await app.OutboxAsync(q => q.Where(m => m.To == address));
        Assert.Equal(2, toDpo.Count(m => m.TextBody.Contains("upphör", StringComparison.Ordinal) || m.TextBody.Contains("IMY har inte", StringComparison.Ordinal)));
        Assert.Single(toDpo, m => m.Subject.Contains(uncovered.Name, StringComparison.Ordinal));
        Assert.All(toDpo, m => Assert.DoesNotContain("Ida Isaksson", m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task NoDrillWithinTheInterval_IsRemindedOncePerLastDrill()
    {
        const string slug = "berg";
        var today = Swedish.Today(app.Clock);
        var partyId = await app.PartyIdAsync(slug);
        await app.InParty(slug, async db =>
        {
            var party = await db.Parties.SingleAsync(p => p.Id == partyId);
            party.Settings.DrillIntervalMonths = 1;
            db.Drills.Add(new Drill { HeldOn = today.AddDays(-45), Scenario = "Felskickat e-postmeddelande", Participants = "Kansliet" });
            return await db.SaveChangesAsync();
        });
        var lastBefore = await app.InParty(slug, db => db.Drills.MaxAsync(d => d.HeldOn));

        await app.RunPartyJobAsync(slug);
        await app.RunPartyJobAsync(slug);
        Assert.Contains($"{DrillReminderSource.Overdue}:{lastBefore.DayNumber}", await app.LedgerAsync(slug, partyId));

        // A newer drill, itself more than a month ago: a new interval ran out, so one new reminder.
        var newer = today.AddDays(-35);
        await app.InParty(slug, db =>
        {
            db.Drills.Add(new Drill { HeldOn = newer, Scenario = "Stulen dator", Participants = "IT-avdelningen" });
            return db.SaveChangesAsync();
        });
        await app.RunPartyJobAsync(slug);
        var ledger = await app.LedgerAsync(slug, partyId);
        Assert.Contains($"{DrillReminderSource.Overdue}:{newer.DayNumber}", ledger);
        Assert.Equal(ledger.Count, ledger.Distinct().Count());

        // A drill today: nothing more.
        await app.InParty(slug, db =>
        {
            db.Drills.Add(new Drill { HeldOn = today, Scenario = "Ransomware", Participants = "Ledningsgruppen" });
            return db.SaveChangesAsync();
        });
        var before = (await app.LedgerAsync(slug, partyId)).Count;
        await app.RunPartyJobAsync(slug);
        Assert.Equal(before, (await app.LedgerAsync(slug, partyId)).Count);
    }

    private Task<Breach> AddBreachAsync(string slug, DateTimeOffset awareAt, Action<Breach>? change = null) => app.InParty(slug, async db =>
    {
        var breach = new Breach
        {
            CaseNumber = $"PUI {Guid.NewGuid():N}"[..16],
            Title = Secret,
            Description = $"{Secret} skickades till fel mottagare.",
            AwareAt = awareAt,
            ImyDeadlineAt = BreachClock.DeadlineFor(awareAt),
            Types = BreachTypes.Confidentiality,
            Cause = BreachCause.MisdirectedMail,
        };
        change?.Invoke(breach);
        db.Breaches.Add(breach);
        await db.SaveChangesAsync();
        return breach;
    });
}
