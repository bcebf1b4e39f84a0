using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

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

    [Fact]
    public void DemoSignIn_IsRefused_InProduction()
    {
        using var factory = new ConfiguredFactory("Production", ("Demo:Enabled", "true"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Demo:Enabled", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSignInPage_Is404_WhenDemoIsOff()
    {
        using var factory = new ConfiguredFactory("Testing", ("Demo:Enabled", "false"));
        await factory.Database.CreateAsync();
        var response = await factory.Anonymous().GetAsync("/demo/logga-in");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void MissingHashKey_StopsTheStart_NamingTheSetting()
    {
        using var factory = new ConfiguredFactory("Testing", ("PersonalData:HashKey", ""));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("PersonalData:HashKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoSignInConfigured_StopsTheStart()
    {
        using var factory = new ConfiguredFactory("Testing", ("Demo:Enabled", "false"), ("AzureAd:ClientId", ""));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("AzureAd:ClientId", error.ToString(), StringComparison.Ordinal);
    }
}
