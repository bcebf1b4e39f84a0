using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Outbox;

public static class OutboxExtensions
{
    /// <summary>The outbox and its transport; the dispatcher runs on instances whose Hangfire server runs (Hangfire:ServerEnabled).</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .Validate(o => o.LinkBaseUrlIsValid, "Inställningen 'Mail:LinkBaseUrl' måste vara en absolut http- eller https-adress, t.ex. https://gemensamnamnd.example.se.");
        if (builder.Environment.IsProduction())
        {
            // The .eml folder is for the embedded default; in production it would swallow every reminder silently.
            services.AddOptions<MailOptions>().Validate(o => o.UsesSmtp,
                "Inställningen 'Mail:Host' saknas (miljövariabel Mail__Host). Den krävs i produktion: utan den skickas ingen e-post.");
            // Without it every link in a mail would point to localhost: a reminder nobody can act on.
            services.AddOptions<MailOptions>().Validate(o => o.HasLinkBaseUrl,
                $"Inställningen 'Mail:LinkBaseUrl' saknas (miljövariabel Mail__LinkBaseUrl). Den krävs i produktion: utan den pekar länkarna i e-posten på {MailOptions.LocalLinkBase}.");
        }

        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupFolderTransport>());
        services.AddSingleton<MailOutage>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<ResendOutboxMessage>();
        if (builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>()?.ServerEnabled ?? true)
        {
            services.AddHostedService<OutboxDispatcherService>();
        }

        return builder;
    }

    /// <summary>Says at start-up where mail goes, so a developer on the embedded default finds the .eml files.</summary>
    public static void ReportMailTarget(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GemensamNamnd.Mail");
        if (!options.HasLinkBaseUrl)
        {
            logger.LogWarning("Mail:LinkBaseUrl is not set: links in mails point to {LinkBase}; set Mail__LinkBaseUrl to the app's public address", MailOptions.LocalLinkBase);
        }

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
