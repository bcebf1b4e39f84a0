using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>Configuration mistakes stop the start with a message that names what to fix.</summary>
public sealed class StartupTests
{
    private sealed class ConfiguredFactory(string environment, params (string Key, string? Value)[] settings) : AppFactory
    {
        protected override string EnvironmentName => environment;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStartup", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>Demo sign-in lets anyone become global administrator: only Development and an environment named Demo allow it.</summary>
    [PostgresTheory]
    [InlineData("Production")]
    [InlineData("Prod")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    [InlineData("production-2")]
    public void DemoSignIn_IsRefused_OutsideDevelopmentAndDemo(string environment)
    {
        using var factory = new ConfiguredFactory(environment, ("Demo:Enabled", "true"), ("Mail:Host", "localhost"),
            ("DataProtection:KeyVaultKeyId", "https://kv-test.vault.azure.net/keys/dataprotection"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Demo:Enabled", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("Demo")]
    [InlineData("Development")]
    public async Task DemoSignIn_Starts_InDemoAndDevelopment_WithTheBanner(string environment)
    {
        using var factory = new ConfiguredFactory(environment, ("Demo:Enabled", "true"), ("Database:MigrateOnStartup", "true"));
        await factory.Database.CreateAsync();
        var page = await factory.Anonymous().GetStringAsync("/demo/logga-in");
        Assert.Contains("Demoläge", page, StringComparison.Ordinal);
    }

    /// <summary>Without a key-ring protection the Data Protection keys (which protect personnummer) lie unencrypted beside the ciphertext.</summary>
    [PostgresFact]
    public void Production_WithoutKeyRingProtection_StopsTheStart_NamingTheSetting()
    {
        using var factory = new ConfiguredFactory("Production", ("Demo:Enabled", "false"), ("Mail:Host", "localhost"), ("DataProtection:KeyVaultKeyId", ""));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("DataProtection:KeyVaultKeyId", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task DemoSignInPage_Is404_WhenDemoIsOff()
    {
        using var factory = new ConfiguredFactory("Demo", ("Demo:Enabled", "false"));
        await factory.Database.CreateAsync();
        var response = await factory.Anonymous().GetAsync("/demo/logga-in");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [PostgresTheory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxyn")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("RateLimit:SignInPermits", "0")]
    public void BadEdgeSettings_StopTheStart_NamingTheSetting(string key, string value)
    {
        using var factory = new ConfiguredFactory("Demo", (key, value));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains(key[..key.LastIndexOf(':')], error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void MissingHashKey_StopsTheStart_NamingTheSetting()
    {
        using var factory = new ConfiguredFactory("Demo", ("PersonalData:HashKey", ""));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("PersonalData:HashKey", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void NoSignInConfigured_StopsTheStart()
    {
        using var factory = new ConfiguredFactory("Demo", ("Demo:Enabled", "false"), ("AzureAd:ClientId", ""));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("AzureAd:ClientId", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddedDefault_OnSqlite_MigratesSeedsAndServesTheDemo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gn-embedded-{Guid.NewGuid():N}.db");
        try
        {
            using var factory = new ConfiguredFactory("Development",
                ("Database:Provider", "Sqlite"), ("ConnectionStrings:App", $"Data Source={file}"), ("ConnectionStrings:Owner", $"Data Source={file}"),
                ("Database:MigrateOnStartup", "true"), ("AzureAd:ClientId", ""), ("Demo:Cases", "true"));
            using var client = factory.Anonymous();
            var demo = await client.GetStringAsync("/demo/logga-in");
            Assert.Contains("Bo Berglund", demo, StringComparison.Ordinal);
            Assert.Contains("Dataskyddsombud i Krokoms kommun", demo, StringComparison.Ordinal);
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
            Assert.Equal(9, await db.Parties.CountAsync());

            // Every party gets a realistic handful of requests: some overdue, one extended, one with skyddad identitet.
            var ostersund = await db.Parties.SingleAsync(p => p.Slug == "ostersund");
            var today = GemensamNamnd.Web.Infrastructure.Swedish.Today(TimeProvider.System);
            var requests = await factory.Services.GetRequiredService<GemensamNamnd.Web.Parties.PartyScope>().RunAsync(ostersund.Id, sp =>
                sp.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>().Requests.AsNoTracking()
                    .Where(r => r.Notes != GemensamNamnd.Web.Data.Seed.MaturityDemoSeed.Note).ToListAsync()); // last year's, for the maturity view, aside
            Assert.Equal(6, requests.Count);
            Assert.Contains(requests, r => r.Status == GemensamNamnd.Domain.Requests.RequestStatus.Extended && r.EffectiveDueOn == r.ExtendedDueOn);
            Assert.Contains(requests, r => r.ProtectedIdentity && r.PostalAddress is null);
            Assert.Contains(requests, r => !GemensamNamnd.Domain.Requests.RequestStatusRules.IsClosed(r.Status) && r.EffectiveDueOn < today);
            Assert.Contains(requests, r => r.Status == GemensamNamnd.Domain.Requests.RequestStatus.Answered);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
