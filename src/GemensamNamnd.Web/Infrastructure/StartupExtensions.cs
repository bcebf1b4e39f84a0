using GemensamNamnd.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GemensamNamnd.Web.Infrastructure;

public static class StartupExtensions
{
    public static async Task MigrateAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(seedDemo);
    }

    /// <summary>Tells a new user where to point the browser.</summary>
    public static void PrintStartUrl(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"GemensamNamnd kör. Öppna {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}/ i webbläsaren.");
        }
    });
}
