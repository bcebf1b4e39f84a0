using System.Text.Json;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Retention;

/// <summary>The retention job (gallring) on PostgreSQL with row-level security, at the boundary day, rerun, hold, delete, statistics.</summary>
public sealed class RetentionTests(RetentionFactory app) : IClassFixture<RetentionFactory>
{
    private async Task<RetentionResult> RunJobAsync(string slug)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PartyRetentionJob>().RunAsync(await app.PartyIdAsync(slug), default);
    }

    [PostgresFact]
    public async Task Request_IsThinnedTheDayAfterItsPeriod_NotBefore_AndARerunThinsNothingTwice()
    {
        // Closed so that it falls due a few days from now: 24 months (the default) after closure, kept through that day.
        var closedOn = app.Today.AddMonths(-24).AddDays(3);
        var dueOn = RetentionRules.DueOn(closedOn, 24);
        var closed = await app.RequestAsync("berg", closedOn);
        var open = await app.RequestAsync("berg", null, "Öppen Öppensson", "19800101-0001");

        app.MoveTo(dueOn.AddDays(-1), 23, 59);
        Assert.Equal(new RetentionResult(0, 0, 0), await RunJobAsync("berg"));
        Assert.Equal("Robin Hemligsson", await app.InParty("berg", db => db.Requests.Where(r => r.Id == closed.Id).Select(r => r.RequesterName).SingleAsync()));

        app.MoveTo(dueOn, 0, 1);
        Assert.Equal(new RetentionResult(1, 0, 0), await RunJobAsync("berg"));
        var thinned = await app.InParty("berg", db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == closed.Id));
        Assert.Equal(RetentionRun.Thinned, thinned.RequesterName);
        Assert.Null(thinned.PersonalNumberProtected);
        Assert.Null(thinned.PersonalNumberHash);
        Assert.Null(thinned.Email);
        Assert.Null(thinned.PostalAddress);
        Assert.Null(thinned.Notes);
        // The facts stay: status, dates, deadlines, rights, channel.
        Assert.Equal((closed.Status, closed.AnsweredOn, closed.ReceivedAt, closed.DueOn, closed.Rights, closed.Channel, closed.CaseNumber),
            (thinned.Status, thinned.AnsweredOn, thinned.ReceivedAt, thinned.DueOn, thinned.Rights, thinned.Channel, thinned.CaseNumber));
        var texts = await app.InParty("berg", db => db.RequestEvents.Where(e => e.RequestId == closed.Id).Select(e => e.Text).ToListAsync());
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Equal(RetentionRun.Thinned, t));
        Assert.Equal("Öppen Öppensson", await app.InParty("berg", db => db.Requests.Where(r => r.Id == open.Id).Select(r => r.RequesterName).SingleAsync()));

        var log = await app.InParty("berg", db => db.RetentionLog.AsNoTracking().SingleAsync(l => l.CaseId == closed.Id));
        Assert.Equal((closed.CaseNumber, RetentionRegister.Requests, RetentionAction.Thin, closedOn, "Begäranden: gallras 24 månader efter avslut"),
            (log.CaseNumber, log.Register, log.Action, log.ClosedOn, log.Rule));
        Assert.Equal("system:berg", log.ActorName);

        // Rerun the same night and a day later: nothing is thinned twice, no second log row.
        Assert.Equal(new RetentionResult(0, 0, 0), await RunJobAsync("berg"));
        app.MoveTo(dueOn.AddDays(1), 2, 30);
        Assert.Equal(new RetentionResult(0, 0, 0), await RunJobAsync("berg"));
        Assert.Equal(1, await app.InParty("berg", db => db.RetentionLog.CountAsync(l => l.CaseId == closed.Id)));
    }

    [PostgresFact]
    public async Task HeldCase_IsSkipped_UntilTheHoldIsRemoved()
    {
        var closed = await app.RequestAsync("krokom", app.Today.AddMonths(-30));
        await app.InParty("krokom", async db =>
        {
            db.RetentionHolds.Add(new RetentionHold
            {
                Register = RetentionRegister.Requests,
                CaseId = closed.Id,
                CaseNumber = closed.CaseNumber,
                Reason = "Överklagat till förvaltningsrätten",
                PlacedBy = "Test",
                PlacedAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(new RetentionResult(0, 0, 1), await RunJobAsync("krokom"));
        Assert.Equal("Robin Hemligsson", await app.InParty("krokom", db => db.Requests.Where(r => r.Id == closed.Id).Select(r => r.RequesterName).SingleAsync()));
        Assert.False(await app.InParty("krokom", db => db.RetentionLog.AnyAsync(l => l.CaseId == closed.Id)));

        await app.InParty("krokom", db => db.RetentionHolds.Where(h => h.CaseId == closed.Id).ExecuteDeleteAsync());
        Assert.Equal(new RetentionResult(1, 0, 0), await RunJobAsync("krokom"));
    }

    [PostgresFact]
    public async Task Thinning_LeavesTheBreachStatistics_AndTheRequestCounts_AsTheyWere()
    {
        var now = app.Clock.GetUtcNow();
        var old = now.AddMonths(-70);
        var b1 = await app.BreachAsync("are", old, old.AddHours(20), now.AddMonths(-61), BreachTypes.Confidentiality, BreachCause.MisdirectedMail);
        var b2 = await app.BreachAsync("are", old.AddDays(5), old.AddDays(5).AddHours(90), now.AddMonths(-62), BreachTypes.Confidentiality | BreachTypes.Availability, BreachCause.HackingOrMalware);
        var recent = await app.BreachAsync("are", now.AddMonths(-2), null, now.AddMonths(-1), BreachTypes.Integrity, BreachCause.Other);
        var r1 = await app.RequestAsync("are", app.Today.AddMonths(-25));
        await app.RequestAsync("are", app.Today.AddMonths(-3), "Ny Nysson", "19800101-0001");

        async Task<(string Summary, string Counts, string Maturity)> FiguresAsync()
        {
            var (summary, counts) = await app.InParty("are", async db =>
            {
                var summary = await BreachQueries.SummaryAsync(db, now, default);
                var counts = await db.Requests.GroupBy(r => r.Status).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key).ToListAsync();
                return (JsonSerializer.Serialize(summary), JsonSerializer.Serialize(counts));
            });

            // The e-strateg's comparison, every year the cases touch: the same figures after thinning.
            using var scope = app.Services.CreateScope();
            var comparison = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Features.Maturity.MaturityComparison>();
            var years = new List<string>();
            for (var year = old.Year; year <= app.Today.Year; year++)
            {
                var measured = await comparison.MeasuredAsync(GemensamNamnd.Domain.Maturity.Period.Year(year), app.Today, default);
                years.Add(JsonSerializer.Serialize(new { measured.Rows, measured.Medians }));
            }

            return (summary, counts, string.Join('\n', years));
        }

        var before = await FiguresAsync();
        Assert.Equal(new RetentionResult(3, 0, 0), await RunJobAsync("are"));
        Assert.Equal(before, await FiguresAsync());

        var thinned = await app.InParty("are", db => db.Breaches.AsNoTracking().SingleAsync(b => b.Id == b1.Id));
        Assert.Equal((RetentionRun.Thinned, RetentionRun.Thinned, null, null, null), (thinned.Title, thinned.Description, thinned.ReportedInternallyBy, thinned.ContactName, thinned.ContactDetails));
        Assert.Equal(RetentionRun.Thinned, thinned.Consequences);
        Assert.Equal((b1.AwareAt, b1.ReportedAt, b1.Types, b1.Cause, b1.Risk, b1.ApproxRecords, b1.Status), (thinned.AwareAt, thinned.ReportedAt, thinned.Types, thinned.Cause, thinned.Risk, thinned.ApproxRecords, thinned.Status));
        Assert.Equal(3, thinned.Groups.Single().ApproxCount);
        Assert.Equal(RetentionRun.Thinned, await app.InParty("are", db => db.BreachSupplements.Where(s => s.BreachId == b2.Id).Select(s => s.Text).SingleAsync()));
        Assert.Equal(RetentionRun.Thinned, await app.InParty("are", db => db.BreachEvents.Where(s => s.BreachId == b2.Id).Select(s => s.Text).SingleAsync()));
        Assert.Equal("Brev till fel Kalle Ankasson", await app.InParty("are", db => db.Breaches.Where(b => b.Id == recent.Id).Select(b => b.Title).SingleAsync()));
        Assert.Null(await app.InParty("are", db => db.Requests.Where(r => r.Id == r1.Id).Select(r => r.PersonalNumberHash).SingleAsync()));
        // The audit trail of the thinning (and of the registration) records that the free text changed, not what it said.
        var breachIds = new[] { b1.Id.ToString(), b2.Id.ToString() };
        var audit = await app.InParty("are", db => db.AuditEntries.Where(a => breachIds.Contains(a.EntityId)).Select(a => a.Changes).ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, c => Assert.DoesNotContain("Kalle", c, StringComparison.Ordinal));

        // Nothing of the thinned text is left in the log rows.
        var logs = await app.InParty("are", db => db.RetentionLog.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(logs, l => JsonSerializer.Serialize(l).Contains("Kalle", StringComparison.Ordinal) || JsonSerializer.Serialize(l).Contains("Robin", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Delete_RemovesTheCaseAndItsTimeline_AndKeepsTheLogRow()
    {
        await app.InParty("bracke", async db =>
        {
            var party = await db.Parties.SingleAsync(p => p.Id == db.CurrentPartyId);
            party.Settings.RequestRetentionAction = RetentionAction.Delete;
            return await db.SaveChangesAsync();
        });
        var closed = await app.RequestAsync("bracke", app.Today.AddMonths(-25));
        Assert.Equal(new RetentionResult(0, 1, 0), await RunJobAsync("bracke"));
        Assert.False(await app.InParty("bracke", db => db.Requests.AnyAsync(r => r.Id == closed.Id)));
        Assert.False(await app.InParty("bracke", db => db.RequestEvents.AnyAsync(e => e.RequestId == closed.Id)));
        var log = await app.InParty("bracke", db => db.RetentionLog.AsNoTracking().SingleAsync(l => l.CaseId == closed.Id));
        Assert.Equal((RetentionAction.Delete, closed.CaseNumber, "Begäranden: raderas 24 månader efter avslut"), (log.Action, log.CaseNumber, log.Rule));
        Assert.Equal(new RetentionResult(0, 0, 0), await RunJobAsync("bracke"));
    }

    [PostgresFact]
    public async Task RetentionLog_IsAppendOnly()
    {
        var closed = await app.RequestAsync("harjedalen", app.Today.AddMonths(-25));
        await RunJobAsync("harjedalen");
        await Assert.ThrowsAsync<PartyBoundaryException>(() => app.InParty("harjedalen", async db =>
        {
            db.RetentionLog.Remove(await db.RetentionLog.SingleAsync(l => l.CaseId == closed.Id));
            return await db.SaveChangesAsync();
        }));
        // The application role itself may not delete log rows either (the grants of the migrate command).
        await Assert.ThrowsAnyAsync<Exception>(() => app.InParty("harjedalen", db => db.RetentionLog.Where(l => l.CaseId == closed.Id).ExecuteDeleteAsync()));
    }
}
