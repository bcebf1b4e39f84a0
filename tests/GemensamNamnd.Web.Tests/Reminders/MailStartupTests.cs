using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Mail settings that would lose reminders stop the start, naming the setting.</summary>
public sealed class MailStartupTests
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

    [PostgresFact]
    public void NoMailHost_InProduction_StopsTheStart()
    {
        using var factory = new ConfiguredFactory("Production", ("Demo:Enabled", "false"), ("Mail:Host", ""), ("DataProtection:KeyVaultKeyId", "https://kv-test.vault.azure.net/keys/dataprotection"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Mail:Host", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void NoMailLinkBaseUrl_InProduction_StopsTheStart()
    {
        using var factory = new ConfiguredFactory("Production", ("Demo:Enabled", "false"), ("Mail:Host", "smtp.example.se"), ("DataProtection:KeyVaultKeyId", "https://kv-test.vault.azure.net/keys/dataprotection"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Mail:LinkBaseUrl", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("Mail:Port", "70000")]
    [InlineData("Mail:From", "inte en adress")]
    [InlineData("Mail:Security", "Kanske")]
    [InlineData("Mail:RetryHours", "23")]
    [InlineData("Mail:LinkBaseUrl", "gemensamnamnd.example.se")]
    [InlineData("Mail:RetryMaxSeconds", "10")]
    [InlineData("Hangfire:Schema", "Hangfire; DROP")]
    public void BadMailOrJobSettings_StopTheStart(string key, string value)
    {
        using var factory = new ConfiguredFactory("Demo", (key, value));
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }
}
