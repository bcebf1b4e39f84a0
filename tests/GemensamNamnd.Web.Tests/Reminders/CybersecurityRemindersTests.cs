using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>The cybersecurity act's reminders on a significant incident, from stored state, each once (run twice).</summary>
[Collection(ReminderCollection.Name)]
public sealed class CybersecurityRemindersTests(ReminderFactory app)
{
    [PostgresFact]
    public async Task ASignificantIncident_IsRemindedPerStep_EachOnce_AndNotAfterTheStepIsSent()
    {
        const string slug = "stromsund";
        var aware = app.Clock.GetUtcNow();
        var breach = await app.InParty(slug, async db =>
        {
            var b = new Breach
            {
                CaseNumber = $"PUI {Guid.NewGuid():N}"[..16],
                Title = "Hemliga Journalen",
                Description = "Intrång.",
                AwareAt = aware,
                ImyDeadlineAt = BreachClock.DeadlineFor(aware),
                Types = BreachTypes.Confidentiality,
                Cause = BreachCause.HackingOrMalware,
                SignificantIncident = true,
                Reportable = false, // no IMY clock: only the cybersecurity reminders are in the ledger
            };
            SaveBreach.SetCybersecurityDue(b);
            db.Breaches.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        var expected = new List<string>();

        async Task At(double hours, params string[] added)
        {
            var at = aware.AddHours(hours);
            if (at > app.Clock.GetUtcNow())
            {
                app.Clock.SetUtcNow(at);
            }

            await app.RunPartyJobAsync(slug);
            await app.RunPartyJobAsync(slug); // the sweep twice: nothing new
            expected.AddRange(added);
            Assert.Equal(expected.Order(), (await app.LedgerAsync(slug, breach.Id)).Order());
        }

        await At(11.9);
        await At(12, $"{BreachReminderSource.CyberEarlyWarning}:12");
        await At(20, $"{BreachReminderSource.CyberEarlyWarning}:20");
        // The early warning is sent at 21 h: no late reminder for it at 24 h; the notification's own clock runs on.
        await app.InParty(slug, async db =>
        {
            var b = await db.Breaches.FindAsync(breach.Id);
            b!.EarlyWarningSentAt = aware.AddHours(21);
            await db.SaveChangesAsync();
            return true;
        });
        await At(24, $"{BreachReminderSource.CyberNotification}:24");
        await At(72, $"{BreachReminderSource.CyberNotification}{BreachReminderSource.LateSuffix}:72");

        // The notification sent at 73 h: the final report is due one month later; reminded days before, then late.
        var sent = aware.AddHours(73);
        var finalDue = CybersecurityClock.FinalReportDue(sent, Swedish.TimeZone)!.Value;
        await app.InParty(slug, async db =>
        {
            var b = await db.Breaches.FindAsync(breach.Id);
            b!.NotificationSentAt = sent;
            SaveBreach.SetCybersecurityDue(b);
            await db.SaveChangesAsync();
            return true;
        });
        await At(80);
        var days = (finalDue - aware).TotalHours;
        await At(days - (24 * 10));
        await At(days, $"{BreachReminderSource.CyberFinalReport}:4");
        await At(days + 1, $"{BreachReminderSource.CyberFinalReport}{BreachReminderSource.LateSuffix}:0");
    }
}
