using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>
/// The app on its own PostgreSQL database, today fixed at Monday 23 November 2026, with the nine seeded parties made
/// inactive so the comparison holds exactly the known data set below (three parties: Alfa, Beta, Gamma).
/// </summary>
public sealed class MaturityFactory : AppFactory, IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public Guid Alfa { get; private set; }

    public Guid Beta { get; private set; }

    public Guid Gamma { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await ArrangeAsync();
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateTimeOffset T(int y, int m, int d, int h = 8, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private async Task ArrangeAsync()
    {
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Parties.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
            var alfa = new Party { Slug = "m-alfa", Name = "Alfa kommun", Kind = PartyKind.Kommun, Settings = new PartySettings { DpoTargetSharePercent = 50 } };
            var beta = new Party { Slug = "m-beta", Name = "Beta kommun", Kind = PartyKind.Kommun };
            var gamma = new Party { Slug = "m-gamma", Name = "Gamma kommun", Kind = PartyKind.Kommun };
            db.Parties.AddRange(alfa, beta, gamma);
            await db.SaveChangesAsync();
            (Alfa, Beta, Gamma) = (alfa.Id, beta.Id, gamma.Id);
        }

        var p1 = await PersonAsync("Person Ett", []);
        var p2 = await PersonAsync("Person Två", ["IT-chef"]);
        var p3 = await PersonAsync("Person Tre", []);

        // Alfa: see MaturityIndicatorsTests for the figures worked out by hand.
        await InParty("m-alfa", async db =>
        {
            var c = await ControllerAsync(db, "Kommunstyrelsen");
            db.Requests.AddRange(
                Req(c, 1, T(2026, 1, 12), D(2026, 2, 12), D(2026, 1, 22), RequestStatus.Answered),           // 10 d, on time
                Req(c, 2, T(2026, 2, 2), D(2026, 3, 2), D(2026, 3, 2), RequestStatus.Answered),              // 28 d, on the due day
                Req(c, 3, T(2026, 3, 2), D(2026, 4, 2), D(2026, 4, 6), RequestStatus.Answered),              // 35 d, late
                Req(c, 4, T(2026, 4, 1), D(2026, 5, 1), D(2026, 6, 19), RequestStatus.Answered, D(2026, 7, 1)), // extended, 79 d, on time
                Req(c, 5, T(2026, 5, 4), D(2026, 6, 4), D(2026, 5, 18), RequestStatus.Refused),              // refused with reasons: an answer, 14 d
                Req(c, 6, T(2026, 10, 1), D(2026, 11, 2), null, RequestStatus.InProgress),                   // open, overdue
                Req(c, 7, T(2026, 11, 2), D(2026, 12, 2), null, RequestStatus.Registered),                   // open, not yet due
                Req(c, 8, T(2026, 6, 1), D(2026, 7, 1), null, RequestStatus.Withdrawn),                      // withdrawn
                Req(c, 9, T(2025, 12, 10), D(2026, 1, 12), D(2026, 1, 5), RequestStatus.Answered));          // received 2025
            db.Breaches.AddRange(
                Breach(c, 1, T(2026, 3, 2), true, 10, RiskLevel.Risk, false),
                Breach(c, 2, T(2026, 4, 1), true, 72, RiskLevel.HighRisk, true),
                Breach(c, 3, T(2026, 5, 4), true, 100, RiskLevel.HighRisk, false),
                Breach(c, 4, T(2026, 6, 1), true, null, RiskLevel.HighRisk, false),
                Breach(c, 5, T(2026, 7, 1), false, null, RiskLevel.NoRisk, false),
                Breach(c, 6, T(2026, 8, 3), true, 20, RiskLevel.Risk, false),
                Breach(c, 7, T(2025, 12, 31, 23, 30), false, null, RiskLevel.NoRisk, false)); // 00:30 on 1 January in Sweden: 2026
            db.Drills.AddRange(Drill(D(2026, 3, 15)), Drill(D(2025, 5, 1)));
            db.DpoAllocations.Add(Allocation(p1, [c], 40, ReportingLevel.HighestManagement));
            return await db.SaveChangesAsync();
        });

        await InParty("m-beta", async db =>
        {
            var c = await ControllerAsync(db, "Kommunstyrelsen");
            await ControllerAsync(db, "Socialnämnden"); // no DPO
            db.Requests.AddRange(
                Req(c, 1, T(2026, 2, 2), D(2026, 3, 2), D(2026, 2, 12), RequestStatus.Answered),
                Req(c, 2, T(2026, 3, 2), D(2026, 4, 2), D(2026, 4, 10), RequestStatus.Answered),
                Req(c, 3, T(2026, 9, 1), D(2026, 10, 1), null, RequestStatus.InProgress));
            db.DpoAllocations.Add(Allocation(p2, [c], 10, ReportingLevel.BelowHighestManagement));
            return await db.SaveChangesAsync();
        });

        await InParty("m-gamma", async db =>
        {
            var c = await ControllerAsync(db, "Kommunstyrelsen");
            var days = new[] { 5, 7, 9, 11, 13 };
            for (var i = 0; i < days.Length; i++)
            {
                var received = T(2026, 1 + i, 5);
                db.Requests.Add(Req(c, i + 1, received, DateOnly.FromDateTime(received.UtcDateTime).AddMonths(1), DateOnly.FromDateTime(received.UtcDateTime).AddDays(days[i]), RequestStatus.Answered));
                db.Breaches.Add(Breach(c, i + 1, T(2026, 2 + i, 10), true, 10, RiskLevel.Risk, false));
            }

            db.Drills.Add(Drill(D(2024, 11, 23)));
            db.DpoAllocations.Add(Allocation(p3, [c], 100, ReportingLevel.HighestManagement));
            return await db.SaveChangesAsync();
        });
    }

    private async Task<Guid> PersonAsync(string name, List<string> roles)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = new DpoPerson { Name = name, OtherRoles = roles };
        db.DpoPersons.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private static async Task<Guid> ControllerAsync(AppDbContext db, string name)
    {
        var c = new DataController { Name = name, Kind = DataControllerKind.Namnd };
        db.DataControllers.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static DataSubjectRequest Req(Guid controller, int n, DateTimeOffset received, DateOnly due, DateOnly? answered, RequestStatus status, DateOnly? extendedDue = null) => new()
    {
        CaseNumber = $"KS {received.Year}/{n:0000}",
        RequesterName = "Testperson",
        ControllerId = controller,
        ReceivedAt = received,
        Rights = DataSubjectRights.Access,
        ClockStartOn = DateOnly.FromDateTime(received.UtcDateTime),
        DueOn = due,
        ExtendedDueOn = extendedDue ?? due.AddMonths(2),
        EffectiveDueOn = extendedDue ?? due,
        ExtensionReason = extendedDue is null ? null : "Många system",
        AnsweredOn = answered,
        Status = status,
    };

    private static Breach Breach(Guid controller, int n, DateTimeOffset aware, bool reportable, int? reportedAfterHours, RiskLevel risk, bool noticed) => new()
    {
        CaseNumber = $"INC {aware.Year}/{n:0000}",
        ControllerIds = [controller],
        Title = "Incident",
        Description = "Beskrivning",
        AwareAt = aware,
        ImyDeadlineAt = aware.AddHours(72),
        Reportable = reportable,
        ReportedAt = reportedAfterHours is { } h ? aware.AddHours(h) : null,
        Risk = risk,
        SubjectNoticeRequired = risk == RiskLevel.HighRisk,
        SubjectNoticeSentAt = noticed ? aware.AddDays(2) : null,
        Status = reportedAfterHours is null ? BreachStatus.Registered : BreachStatus.ReportedToImy,
    };

    private static Drill Drill(DateOnly held) => new() { HeldOn = held, Scenario = "Utskick till fel mottagare", Participants = "IT, registratur" };

    private static DpoAllocation Allocation(Guid person, List<Guid> controllers, int share, ReportingLevel level) => new()
    {
        PersonId = person,
        Role = DpoRole.Ordinarie,
        ControllerIds = controllers,
        SharePercent = share,
        StartsOn = new DateOnly(2026, 1, 1),
        ReportsTo = level == ReportingLevel.HighestManagement ? "Kommunstyrelsen" : "Kanslichefen",
        ReportingLevel = level,
        ImyReportedOn = new DateOnly(2026, 1, 5),
    };
}

[CollectionDefinition(Name)]
public sealed class MaturityCollection : ICollectionFixture<MaturityFactory>
{
    public const string Name = "maturity";
}
