using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GemensamNamnd.Web.Infrastructure;

public static class WebShellExtensions
{
    public static IHostApplicationBuilder AddWebShell(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
        {
            // Pages live beside their feature's endpoints and entities: Features/<Feature>/*.cshtml.
            o.RootDirectory = "/Features";
        });
        services.AddFormSubmissions();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gn.af";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddProblemDetails(SwedishProblemDetails.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddInputGuard();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "GemensamNamnd API";
            doc.Info.Description = "Dataskyddsregister för kommuner och regioner. Alla anrop under /api/v1/{party} gäller en part.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("databas", tags: ["ready"]);
        services.AddDataProtection().SetApplicationName("GemensamNamnd").PersistKeysToDbContext<AppDbContext>();
        // App Service (or a gateway) terminates TLS in front of the app: its headers are believed, nobody else's.
        services.AddTrustedProxies(builder.Configuration, builder.Environment);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddRateLimits(builder.Configuration);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/fel/500");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(SwedishProblemDetails.IsApi, api => api.UseStatusCodePages(SwedishProblemDetails.WriteApiStatusAsync));
        app.UseWhen(http => !SwedishProblemDetails.IsApi(http), ui => ui.UseStatusCodePagesWithReExecute("/fel/{0}"));
        app.UseMiddleware<InputGuardMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<PartyResolutionMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
