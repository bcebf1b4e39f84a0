using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Outbox;
using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>
/// The sweep's cross-party pre-check on PostgreSQL: a superset of what the party jobs find. Its own database (the demo
/// parties with their demo data, plus one case of each kind below and a quiet party), so other tests' clocks and cases
/// do not change what is due here.
/// </summary>
public sealed class ReminderCandidatesTests(ReminderFactory app) : IClassFixture<ReminderFactory>
{
    [PostgresFact]
    public async Task ThePreCheck_NamesEveryPartyWhoseJobRecordsAReminder_PerSourceAndInAll_AndNotAQuietParty()
    {
        var now = app.Clock.GetUtcNow();
        var today = Swedish.Today(app.Clock);

        // Requests: due in two days (Östersund); due in 20 days where the party reminds 30 days before (Härjedalen: its
        // setting widens the threshold); an identity check waiting eight days (Krokom, default seven).
        var soon = await RequestDueAsync("ostersund", today.AddDays(2));
        await app.InParty("harjedalen", async db =>
        {
            var party = await db.Parties.SingleAsync(p => p.Id == db.CurrentPartyId);
            party.Settings.RequestReminderDays = [30, 7, 0];
            return await db.SaveChangesAsync();
        });
        var widened = await RequestDueAsync("harjedalen", today.AddDays(20));
        var waiting = await RequestDueAsync("krokom", today.AddDays(25), r =>
        {
            r.Status = RequestStatus.IdentityCheck;
            r.IdentityCheckAskedAt = now.AddDays(-8);
        });

        // Breaches: one awaiting its report for 30 hours (Ragunda), one whose supplement is due in two days (Strömsund).
        var awaiting = await BreachAsync("ragunda", now.AddHours(-30));
        var supplement = await BreachAsync("stromsund", now.AddDays(-10), b =>
        {
            b.ReportedAt = b.AwareAt.AddHours(10);
            b.Status = BreachStatus.ReportedToImy;
            b.SupplementDueOn = today.AddDays(2);
        });

        // A maturity round closing in five days (every party that has not answered is due), and a held mail whose
        // digest time has passed (Åre).
        var round = MaturityRound.Draft(2088, today.AddDays(5));
        round.Status = RoundStatus.Open;
        var are = await app.PartyIdAsync("are");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.MaturityRounds.Add(round);
            db.OutboxMessages.Add(new OutboxMessage
            {
                PartyId = are,
                To = "hallen@are.example",
                From = "paminnelser@gemensamnamnd.test",
                Subject = "Påminnelse",
                TextBody = "Text",
                HtmlBody = "<p>Text</p>",
                CreatedAt = now.AddHours(-20),
                NextAttemptAt = now.AddMinutes(-1),
                HoldUntil = now.AddMinutes(-1),
                Status = OutboxStatus.Held,
            });
            await db.SaveChangesAsync();
        }

        // Processors: an agreement ending in 20 days (Berg).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var supplier = new GemensamNamnd.Web.Features.Suppliers.Supplier { Name = $"Kandidat AB {Guid.NewGuid():N}"[..30] };
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync();
            await app.InParty("berg", async pdb =>
            {
                pdb.ProcessorAgreements.Add(new GemensamNamnd.Web.Features.Processors.ProcessorAgreement
                {
                    SupplierId = supplier.Id,
                    ControllerIds = [await pdb.DataControllers.Select(c => c.Id).FirstAsync()],
                    ValidFrom = today.AddYears(-1),
                    ValidTo = today.AddDays(20),
                });
                return await pdb.SaveChangesAsync();
            });
        }

        // Impact assessments: one whose review date is today (Bräcke).
        await app.InParty("bracke", async pdb =>
        {
            var activity = new GemensamNamnd.Web.Features.Processing.ProcessingActivity
            {
                ControllerId = await pdb.DataControllers.Select(c => c.Id).FirstAsync(),
                Name = "Kameraövervakning (kandidatprov)",
                RetentionRule = "Gallras efter 30 dagar",
            };
            pdb.ProcessingActivities.Add(activity);
            pdb.ImpactAssessments.Add(new GemensamNamnd.Web.Features.Processing.ImpactAssessment
            {
                ActivityId = activity.Id,
                Description = "Översyn av kameraövervakningen",
                ReviewOn = today,
            });
            return await pdb.SaveChangesAsync();
        });

        // The quiet party: default thresholds, a drill yesterday, the round answered, no DPO duty (its only controller
        // is inactive), and one open request due in 20 days — inside Härjedalen's widened window, outside its own.
        var quiet = await QuietPartyAsync(today, round.Id);

        // Each source on its own: every party for which the source finds something (ledger aside) is its candidate.
        var settings = await ActiveSettingsAsync();
        using (var scope = app.Services.CreateScope())
        {
            var sources = scope.ServiceProvider.GetServices<IReminderSource>().ToList();
            Assert.Equal(7, sources.Count);
            foreach (var source in sources)
            {
                var candidates = await CandidatesAsync(settings, now, today, source.FindCandidatesAsync);
                var found = await PartiesWithDueAsync(settings.Keys, source, now, today);
                Assert.NotEmpty(found); // the data set exercises every source
                Assert.All(found, id => Assert.Contains(id, candidates));
                Assert.DoesNotContain(quiet, candidates);
                if (source is RequestReminderSource)
                {
                    Assert.Contains(await app.PartyIdAsync("harjedalen"), candidates);
                }
            }

            var digests = await CandidatesAsync(settings, now, today, PartyReminders.DigestCandidatesAsync);
            Assert.Equal([are], digests);
        }

        // The whole: the sweep's candidates, then every active party's full job; each that records anything is a candidate.
        IReadOnlyList<Guid> all;
        using (var scope = app.Services.CreateScope())
        {
            var cross = scope.ServiceProvider.GetRequiredService<CrossParty>();
            var result = await cross.ReminderCandidatesAsync(scope.ServiceProvider.GetServices<IReminderSource>(), now);
            Assert.Equal(settings.Count, result.ActiveParties);
            all = result.PartyIds;
        }

        Assert.DoesNotContain(quiet, all);
        var recorded = new List<Guid>();
        foreach (var id in settings.Keys)
        {
            using var scope = app.Services.CreateScope();
            var run = await scope.ServiceProvider.GetRequiredService<PartyReminderJob>().RunAsync(id, CancellationToken.None);
            if (run.Reminders + run.Digests > 0)
            {
                recorded.Add(id);
            }
        }

        Assert.All(recorded, id => Assert.Contains(id, all));
        Assert.DoesNotContain(quiet, recorded);
        Assert.Contains(are, recorded);

        // The cases set up above were each recorded, of their kind.
        Assert.Contains($"{RequestReminderSource.Due}:2", await app.LedgerAsync("ostersund", soon));
        Assert.Contains($"{RequestReminderSource.Due}:30", await app.LedgerAsync("harjedalen", widened));
        Assert.Contains($"{RequestReminderSource.IdentityCheck}:7", await app.LedgerAsync("krokom", waiting));
        Assert.Contains($"{BreachReminderSource.Clock}:24", await app.LedgerAsync("ragunda", awaiting));
        Assert.Contains($"{BreachReminderSource.Supplement}:3", await app.LedgerAsync("stromsund", supplement));
        Assert.Contains($"{MaturityReminderSource.Closing}:{MaturityReminderSource.DaysBefore}", await app.LedgerAsync("berg", round.Id));
    }

    private async Task<Guid> RequestDueAsync(string slug, DateOnly due, Action<DataSubjectRequest>? change = null)
    {
        var request = await app.RegisterAsync(slug);
        await app.InParty(slug, async db =>
        {
            var stored = await db.Requests.SingleAsync(r => r.Id == request.Id);
            stored.DueOn = due;
            stored.EffectiveDueOn = due;
            stored.ExtendedDueOn = due.AddMonths(2);
            change?.Invoke(stored);
            return await db.SaveChangesAsync();
        });
        return request.Id;
    }

    /// <summary>Until the app's party directory knows <paramref name="slug"/> (at most 10 s).</summary>
    private async Task WaitUntilKnownAsync(string slug)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var scope = app.Services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default) is not null || DateTime.UtcNow > until)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    private Task<Guid> BreachAsync(string slug, DateTimeOffset awareAt, Action<Breach>? change = null) => app.InParty(slug, async db =>
    {
        var breach = new Breach
        {
            CaseNumber = $"PUI {Guid.NewGuid():N}"[..16],
            Title = "Felskickat brev",
            Description = "Ett brev skickades till fel mottagare.",
            AwareAt = awareAt,
            ImyDeadlineAt = BreachClock.DeadlineFor(awareAt),
            Types = BreachTypes.Confidentiality,
            Cause = BreachCause.MisdirectedMail,
        };
        change?.Invoke(breach);
        db.Breaches.Add(breach);
        await db.SaveChangesAsync();
        return breach.Id;
    });

    /// <summary>A new party, written as the owner (parties and their first rows are set up by administrators).</summary>
    private async Task<Guid> QuietPartyAsync(DateOnly today, Guid roundId)
    {
        var id = Guid.NewGuid();
        await using (var c = new NpgsqlConnection(app.Database.OwnerConnection))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO parties (id, slug, name, kind, entra_tenant_ids, is_active, "Settings")
                SELECT @id, 'tysta', 'Tysta kommun', 'Kommun', ARRAY[]::uuid[], true, "Settings" FROM parties WHERE slug = 'berg';
                INSERT INTO data_controllers (id, party_id, name, kind, is_active, version)
                VALUES (@controller, @id, 'Kommunstyrelsen', 'Namnd', false, gen_random_uuid());
                INSERT INTO requests (id, party_id, case_number, received_at, channel, controller_id, rights, requester_name, protected_identity,
                                      status, clock_start_on, due_on, extended_due_on, effective_due_on, version)
                VALUES (gen_random_uuid(), @id, 'KS 2027/1', now(), 'Letter', @controller, 1, 'Tyst', false,
                        'InProgress', @today, @due, @extended, @due, gen_random_uuid());
                """, c);
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("controller", Guid.NewGuid());
            cmd.Parameters.AddWithValue("today", today);
            cmd.Parameters.AddWithValue("due", today.AddDays(20));
            cmd.Parameters.AddWithValue("extended", today.AddDays(80));
            await cmd.ExecuteNonQueryAsync();
        }

        // A party written by SQL, past the app: the running instances hear of it as an operator's script tells them.
        await using (var c = new NpgsqlConnection(app.Database.OwnerConnection))
        {
            await c.OpenAsync();
            await using var notify = new NpgsqlCommand("NOTIFY " + DirectoryChangeInterceptor.Channel, c);
            await notify.ExecuteNonQueryAsync();
        }

        await WaitUntilKnownAsync("tysta");
        await app.InParty("tysta", async db =>
        {
            var party = await db.Parties.SingleAsync(p => p.Id == id);
            party.Settings = new PartySettings();
            db.Drills.Add(new Drill { HeldOn = today.AddDays(-1), Scenario = "Felskickat e-postmeddelande", Participants = "Kansliet" });
            db.MaturityAnswers.Add(new MaturityAnswer
            {
                RoundId = roundId,
                SubmittedAt = app.Clock.GetUtcNow(),
                Items = [.. DefaultDimensions.All.Select(d => new AnswerItem { Key = d.Key, Level = 3, Justification = "Rutin finns." })],
            });
            return await db.SaveChangesAsync();
        });
        Assert.True(RequestReminderSource.HorizonDays(new PartySettings()) < 20);
        return id;
    }

    private async Task<Dictionary<Guid, PartySettings>> ActiveSettingsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Parties.AsNoTracking().Where(p => p.IsActive).ToDictionaryAsync(p => p.Id, p => p.Settings);
    }

    private async Task<IReadOnlyCollection<Guid>> CandidatesAsync(Dictionary<Guid, PartySettings> settings, DateTimeOffset now, DateOnly today,
        Func<ReminderCandidateContext, CancellationToken, Task<IReadOnlyCollection<Guid>>> rule)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CrossParty>()
            .ReadAsync(s => rule(new ReminderCandidateContext(s, settings, now, today), CancellationToken.None));
    }

    /// <summary>The parties for which the source, run in each party's own scope, finds anything due.</summary>
    private async Task<List<Guid>> PartiesWithDueAsync(IEnumerable<Guid> parties, IReminderSource source, DateTimeOffset now, DateOnly today)
    {
        var found = new List<Guid>();
        foreach (var id in parties)
        {
            using var scope = app.Services.CreateScope();
            var due = await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(id, sp =>
            {
                var mine = sp.GetServices<IReminderSource>().Single(s => s.GetType() == source.GetType());
                var party = sp.GetRequiredService<CurrentParty>().Required;
                return mine.FindDueAsync(new ReminderContext(sp.GetRequiredService<AppDbContext>(), party, now, today), CancellationToken.None);
            });
            if (due.Count > 0)
            {
                found.Add(id);
            }
        }

        return found;
    }
}
