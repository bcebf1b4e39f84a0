using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Data.Seed;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real PostgreSQL database (migrated by the owner role, used by the application role) with
/// Microsoft.Identity.Web validating real signed tokens against a local OpenID configuration, and the demo sign-in on.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    /// <summary>Demo sign-in is allowed only in Development and Demo; Demo behaves as production otherwise (HSTS, JSON logs).</summary>
    protected virtual string EnvironmentName => "Demo";

    public async Task InitializeAsync()
    {
        await Database.CreateAsync();
        _ = Services; // start the host: migrations and demo seed run at start-up
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:ApplicationRole", TestDatabase.AppRole);
        builder.UseSetting("ConnectionStrings:App", Database.AppConnection);
        builder.UseSetting("ConnectionStrings:Owner", Database.OwnerConnection);
        builder.UseSetting("Demo:Enabled", "true");
        // The tests make their own cases; the demo cases are proven on the embedded default (StartupTests).
        builder.UseSetting("Demo:Cases", "false");
        // Tests run jobs and the dispatcher explicitly; no background server races them.
        builder.UseSetting("Hangfire:ServerEnabled", "false");
        // Many tests sign in and call the anonymous API from the one test client: the limits are proven in EdgeTests.
        builder.UseSetting("RateLimit:SignInPermits", "1000000");
        builder.UseSetting("RateLimit:AnonymousApiPermits", "1000000");
        builder.UseSetting("PersonalData:HashKey", Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()));
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:PartyId", "organizations");
        builder.UseSetting("AzureAd:ClientId", TestTokens.ClientId);
        builder.ConfigureServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                // The local OpenID configuration/JWKS: Entra's metadata is not reachable from here (docs/testing.md).
                var configuration = new OpenIdConnectConfiguration();
                configuration.SigningKeys.Add(TestTokens.SigningKey);
                o.Configuration = configuration;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                o.TokenValidationParameters.ValidIssuer = "https://login.microsoftonline.com/{tenantid}/v2.0";
            }));
    }

    public HttpClient ClientFor(DemoSeed.DemoUser user) => ClientWithToken(TestTokens.Issue(user.PartyId, user.ObjectId));

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static DemoSeed.DemoUser Demo(string key) => DemoSeed.Users.Single(u => u.Key == key);

    public async Task<T> InParty<T>(string slug, Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Parties.PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Parties.PartyScope>().RunAsync(party!.Id, sp => work(sp.GetRequiredService<AppDbContext>()));
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
