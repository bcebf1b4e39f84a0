using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Maturity;

/// <summary>The embedded default (SQLite) with demo cases: two answered rounds for the nine parties, compared; seeding twice adds nothing.</summary>
public sealed class MaturityDemoSeedTests
{
    private sealed class EmbeddedFactory(string file) : AppFactory
    {
        protected override string EnvironmentName => "Development";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:App", $"Data Source={file}");
            builder.UseSetting("ConnectionStrings:Owner", $"Data Source={file}");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("AzureAd:ClientId", "");
            builder.UseSetting("Demo:Cases", "true");
        }
    }

    [Fact]
    public async Task TheDemo_HasTwoClosedRoundsAnsweredByAllNineParties_AndTheComparisonRunsOnSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gn-maturity-{Guid.NewGuid():N}.db");
        try
        {
            var year = Swedish.Today(TimeProvider.System).Year;
            for (var start = 0; start < 2; start++)
            {
                // The second start seeds again over the same file: idempotent.
                using var factory = new EmbeddedFactory(file);
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
                var rounds = await db.MaturityRounds.AsNoTracking().OrderBy(r => r.Year).ToListAsync();
                Assert.Equal([year - 2, year - 1], rounds.Select(r => r.Year));
                Assert.All(rounds, r => Assert.Equal(RoundStatus.Closed, r.Status));

                var comparison = scope.ServiceProvider.GetRequiredService<MaturityComparison>();
                var assessed = await comparison.AssessedAsync(rounds[1], default);
                Assert.Equal(9, assessed.Parties.Count);
                Assert.Empty(assessed.NotAnswered);
                var trend = await comparison.TrendAsync(default);
                Assert.Equal([year - 2, year - 1], trend.Years);
                Assert.All(trend.Parties, p => Assert.Equal(2, p.ByYear.Count));
                // Östersund rises in the later year.
                var ostersund = trend.Parties.Single(p => p.PartyName == "Östersunds kommun");
                Assert.True(ostersund.ByYear[year - 1] > ostersund.ByYear[year - 2]);

                var measured = await comparison.MeasuredAsync(Period.Year(year), Swedish.Today(TimeProvider.System), default);
                Assert.Equal(9, measured.Rows.Count);
                // Six demo requests per party this year at most: every count is suppressed on the cross-party view or shown as five or more.
                Assert.All(measured.Rows, r => Assert.True(r.Cells["req.count"].Suppressed || r.Cells["req.count"].Value >= 5));

                // Last year's register data: 8–32 closed requests per party, so shares and medians show, and they differ.
                var lastYear = await comparison.MeasuredAsync(Period.Year(year - 1), Swedish.Today(TimeProvider.System), default);
                Assert.All(lastYear.Rows, r => Assert.False(r.Cells["req.ontime"].Suppressed));
                Assert.True(lastYear.Rows.Select(r => r.Cells["req.ontime"].Value).Distinct().Count() > 1);
                Assert.All(lastYear.Rows, r => Assert.False(r.Cells["br.72h"].Suppressed));
                Assert.NotNull(lastYear.Medians["req.median"].Value);

                // On first run the committee page opens on the year of the latest round, which has figures to compare.
                using var stina = factory.Anonymous();
                var signIn = await stina.GetStringAsync("/demo/logga-in");
                var token = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
                var userId = System.Text.RegularExpressions.Regex.Match(signIn, "name=\"userId\" value=\"([^\"]+)\" aria-label=\"Logga in som Stina").Groups[1].Value;
                var signedIn = await stina.PostAsync("/demo/logga-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["userId"] = userId }));
                Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
                var page = System.Net.WebUtility.HtmlDecode(await stina.GetStringAsync("/mognad"));
                Assert.Contains($"value=\"{year - 1}\"", page, StringComparison.Ordinal);
                Assert.Matches(@"\d+ %", page);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
