using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

namespace GemensamNamnd.Web.Identity;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>The demo sign-in page and demo data. Allowed only in Development and in an environment named Demo.</summary>
    public bool Enabled { get; set; }

    /// <summary>The environment in which a demo may run besides Development; it shows the demo banner like Development.</summary>
    public const string EnvironmentName = "Demo";

    /// <summary>
    /// Anyone may become global administrator through the demo sign-in: only Development and Demo allow it, exactly
    /// (not "Prod", "Staging" or anything else that is not Production by name).
    /// </summary>
    public static bool AllowedIn(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(EnvironmentName);
}

public static class SignInExtensions
{
    /// <summary>Picks cookies for pages and bearer tokens for <c>/api</c> (or any request that carries a bearer token).</summary>
    public const string Scheme = "GemensamNamnd";

    /// <summary>
    /// Production sign-in through Microsoft.Identity.Web: OpenID Connect for the UI, JWT bearer for the API, one
    /// multi-tenant Entra app registration; users are keyed by tid + oid and an unknown tid is refused.
    /// The demo sign-in (cookie only) exists when Demo:Enabled, and only in Development or Demo.
    /// </summary>
    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled && !DemoOptions.AllowedIn(builder.Environment))
        {
            throw new InvalidOperationException(
                $"Demo-inloggningen (Demo:Enabled) får bara vara påslagen i miljöerna Development och {DemoOptions.EnvironmentName}, inte i '{builder.Environment.EnvironmentName}'. Stäng av Demo:Enabled (miljövariabel Demo__Enabled=false) eller kör i miljön {DemoOptions.EnvironmentName}.");
        }

        var azureAd = builder.Configuration.GetSection("AzureAd");
        var entra = !string.IsNullOrWhiteSpace(azureAd["ClientId"]);
        if (!entra && !demo.Enabled)
        {
            throw new InvalidOperationException(
                "Ingen inloggning är konfigurerad: ange AzureAd:ClientId (miljövariabel AzureAd__ClientId) för Entra ID, eller Demo:Enabled=true i miljön Development eller Demo.");
        }

        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddSingleton(new SignInMethods(entra, demo.Enabled));

        var auth = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultChallengeScheme = Scheme;
        });
        auth.AddPolicyScheme(Scheme, "Cookie eller token", o => o.ForwardDefaultSelector = ctx =>
            entra && (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                ? JwtBearerDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme);

        if (entra)
        {
            auth.AddMicrosoftIdentityWebApp(azureAd, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            auth.AddMicrosoftIdentityWebApi(azureAd, JwtBearerDefaults.AuthenticationScheme);
            builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var inner = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async ctx =>
                {
                    await inner(ctx);
                    await RefuseUnknownTenantAsync(ctx);
                };
            });
            builder.Services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                var inner = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async ctx =>
                {
                    await inner(ctx);
                    await RefuseUnknownTenantAsync(ctx);
                };
            });
        }
        else
        {
            auth.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.LoginPath = "/logga-in";
            o.LogoutPath = "/logga-ut";
            o.Cookie.Name = "gn.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The cookie names a server-side session; sign-out and rights changes end it (UserSessions).
            UserSessions.Attach(o);
            // A party the user does not belong to is 403 (rendered as a Swedish page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddScoped<IAuthorizationHandler, PartyRoleHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, GlobalRoleHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, SupplierEditorHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, KnownUserHandler>();
        builder.Services.AddScoped<IAuthorizationHandler, IntakeHandler>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<UserSessions>();
        builder.Services.AddMemoryCache();
        builder.Services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section);
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    private static Task RefuseUnknownTenantAsync(Microsoft.AspNetCore.Authentication.JwtBearer.TokenValidatedContext ctx) =>
        RefuseUnknownTenantAsync(ctx.HttpContext, ctx.Principal, ctx.Fail);

    private static Task RefuseUnknownTenantAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext ctx) =>
        RefuseUnknownTenantAsync(ctx.HttpContext, ctx.Principal, ctx.Fail);

    private static async Task RefuseUnknownTenantAsync(HttpContext http, System.Security.Claims.ClaimsPrincipal? principal, Action<string> fail)
    {
        if (principal is null || !Guid.TryParse(principal.GetTenantId(), out var tid) || !Guid.TryParse(principal.GetObjectId(), out var oid))
        {
            fail("Token saknar tid eller oid.");
            return;
        }

        var parties = http.RequestServices.GetRequiredService<PartyDirectory>();
        if (!await parties.IsKnownEntraTenantAsync(tid, http.RequestAborted))
        {
            fail("Organisationen (klientorganisationen i Entra ID) är inte ansluten till tjänsten.");
            return;
        }

        // A person invited by a party's administrator is bound to this tid and oid at the first sign-in.
        await UserInvitations.BindAsync(http, principal, tid, oid);
    }
}

/// <summary>Which sign-in methods this instance offers.</summary>
public sealed record SignInMethods(bool Entra, bool Demo);
