using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GemensamNamnd.Web.Tests.Retention;

/// <summary>The app on its own PostgreSQL database with a FakeTimeProvider for every clock; tests only move it forward.</summary>
public sealed class RetentionFactory : AppFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public DateOnly Today => Swedish.Today(Clock);

    /// <summary>Moves the clock to a Swedish wall-clock time on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        Clock.SetUtcNow(new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime());
    }

    public async Task<T> AsParty<T>(string slug, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    public async Task<Guid> PartyIdAsync(string slug) => await InParty(slug, db => Task.FromResult(db.CurrentPartyId!.Value));

    /// <summary>A request registered with a personnummer, then answered on <paramref name="closedOn"/> (or left open when null).</summary>
    public Task<DataSubjectRequest> RequestAsync(string slug, DateOnly? closedOn, string name = "Robin Hemligsson", string number = "19121212-1212") =>
        AsParty(slug, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var received = closedOn is { } c ? new DateTimeOffset(c.AddDays(-10).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) : Clock.GetUtcNow();
            var input = new RegisterRequestInput(received, RequestChannel.Letter, controller.Id, DataSubjectRights.Access,
                name, number, "robin@example.org", "Storgatan 1, 831 30 Östersund", false, "Ringde om sin journal.");
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
            Assert.Empty(registered.Errors);
            var stored = await db.Requests.SingleAsync(r => r.Id == registered.Value!.Id);
            if (closedOn is { } closed)
            {
                stored.Status = RequestStatus.Answered;
                stored.AnsweredOn = closed;
                stored.Delivery = AnswerDelivery.Letter;
            }

            await db.SaveChangesAsync();
            return stored;
        });

    /// <summary>A closed breach with free text, a supplement and a timeline entry.</summary>
    public Task<Breach> BreachAsync(string slug, DateTimeOffset awareAt, DateTimeOffset? reportedAt, DateTimeOffset? closedAt, BreachTypes types, BreachCause cause) =>
        AsParty(slug, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var number = $"INC {Guid.NewGuid().ToString("N")[..8]}";
            var b = new Breach
            {
                CaseNumber = number,
                ControllerIds = [controller.Id],
                Title = "Brev till fel Kalle Ankasson",
                Description = "Utdrag om Kalle Ankasson skickades till fel adress.",
                AwareAt = awareAt,
                ImyDeadlineAt = awareAt.AddHours(72),
                Types = types,
                Cause = cause,
                Groups = [new AffectedGroup { Group = SubjectGroup.Residents, ApproxCount = 3 }],
                DataKinds = DataKinds.Identification,
                ApproxRecords = 3,
                ReportedInternallyBy = "Kalle Internsson",
                ContactName = "Kontakt Persson",
                ContactDetails = "070-123 45 67",
                Consequences = "Kalle Ankasson oroas.",
                Risk = RiskLevel.Risk,
                RiskReasoning = "Namn och adress.",
                Reportable = reportedAt is not null,
                ReportedAt = reportedAt,
                LateReason = reportedAt > awareAt.AddHours(72) ? "Semester för Kalle" : null,
                ClosedAt = closedAt,
                Status = closedAt is null ? BreachStatus.Registered : BreachStatus.Closed,
            };
            db.Breaches.Add(b);
            db.BreachSupplements.Add(new BreachSupplement { BreachId = b.Id, SubmittedAt = awareAt.AddDays(3), Text = "Kalle Ankasson har informerats." });
            db.BreachEvents.Add(new BreachEvent { BreachId = b.Id, At = awareAt, ActorName = "Anna", Text = "Registrerad: Kalle Ankasson" });
            await db.SaveChangesAsync();
            return b;
        });
}
