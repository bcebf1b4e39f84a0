using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.PersonSearch;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Retention;

/// <summary>The embedded default (SQLite): the preview, the job and the person search translate and run there too.</summary>
public sealed class RetentionOnSqliteTests
{
    private sealed class SqliteFactory(string file) : AppFactory
    {
        protected override string EnvironmentName => "Development";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:App", $"Data Source={file}");
            builder.UseSetting("ConnectionStrings:Owner", $"Data Source={file}");
            builder.UseSetting("AzureAd:ClientId", "");
            builder.UseSetting("Demo:Cases", "true");
        }
    }

    [Fact]
    public async Task ThinningAndPersonSearch_RunOnTheEmbeddedDefault()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gn-retention-{Guid.NewGuid():N}.db");
        try
        {
            using var factory = new SqliteFactory(file);
            using var lookup = factory.Services.CreateScope();
            var ostersund = await lookup.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync("ostersund", default);
            var scope = factory.Services.GetRequiredService<PartyScope>();
            var closedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-30);
            var (requestId, breachId) = await scope.RunAsync(ostersund!.Id, async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
                var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(new RegisterRequestInput(
                    new DateTimeOffset(closedOn.AddDays(-3).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), RequestChannel.Letter, controller.Id,
                    DataSubjectRights.Access, "Lite Sqlitesson", "19121212-1212", "lite@example.org", null, false, null), default);
                Assert.Empty(registered.Errors);
                var r = await db.Requests.SingleAsync(x => x.Id == registered.Value!.Id);
                (r.Status, r.AnsweredOn, r.Delivery) = (RequestStatus.Answered, closedOn, AnswerDelivery.Letter);
                var aware = DateTimeOffset.UtcNow.AddMonths(-80);
                var b = new Breach
                {
                    CaseNumber = "INC 1",
                    ControllerIds = [controller.Id],
                    Title = "Lite Sqlitesson fick fel brev",
                    Description = "Om Lite Sqlitesson",
                    AwareAt = aware,
                    ImyDeadlineAt = aware.AddHours(72),
                    Status = BreachStatus.Closed,
                    ClosedAt = aware.AddMonths(2),
                };
                db.Breaches.Add(b);
                await db.SaveChangesAsync();
                return (r.Id, b.Id);
            });

            await scope.RunAsync(ostersund.Id, async sp =>
            {
                var (hits, errors) = await sp.GetRequiredService<PersonSearch>().RunAsync(new PersonQuery("191212121212", null, null, "Test"), "ostersund", RequestViewer.System, default);
                Assert.Empty(errors);
                Assert.Contains(hits!, h => h.CaseId == requestId);
                (hits, _) = await sp.GetRequiredService<PersonSearch>().RunAsync(new PersonQuery(null, "lite sqlitesson", null, "Test"), "ostersund", RequestViewer.System, default);
                Assert.Contains(hits!, h => h.CaseId == breachId);
                var preview = await sp.GetRequiredService<RetentionPlan>().DueByAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), default);
                Assert.Contains(preview, c => c.CaseId == requestId);
                Assert.Contains(preview, c => c.CaseId == breachId);
            });

            using (var jobScope = factory.Services.CreateScope())
            {
                var result = await jobScope.ServiceProvider.GetRequiredService<PartyRetentionJob>().RunAsync(ostersund.Id, default);
                Assert.True(result.Thinned >= 2, $"thinned {result.Thinned}");
            }

            var name = await scope.RunAsync(ostersund.Id, sp => sp.GetRequiredService<AppDbContext>().Requests.Where(r => r.Id == requestId).Select(r => r.RequesterName).SingleAsync());
            Assert.Equal(RetentionRun.Thinned, name);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
