using GemensamNamnd.Web.Data;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Outbox;

public static class OutboxExtensions
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupFolderTransport>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<ResendOutboxMessage>();
        return services;
    }

    /// <summary>Says at start-up where mail goes, so a developer on the embedded default finds the .eml files.</summary>
    public static void ReportMailTarget(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GemensamNamnd.Mail");
        if (options.UsesSmtp)
        {
            logger.LogInformation("Mail goes over SMTP to {Host}:{Port} ({Security})", options.Host, options.Port, options.Security);
            return;
        }

        var folder = app.Services.GetRequiredService<PickupFolderTransport>().Folder;
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres)
        {
            logger.LogWarning("Mail:Host is not set: mails are written as .eml files to {Folder}, not sent", folder);
        }
        else
        {
            Console.WriteLine($"E-post skickas inte (ingen Mail:Host): den skrivs som .eml-filer i {folder}");
        }
    }
}
