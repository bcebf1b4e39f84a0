using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GemensamNamnd.Web.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Sign-in requests (the sign-in pages, Entra's start, the demo sign-in) per client address and window.</summary>
    public int SignInPermits { get; set; } = 60;

    /// <summary>Calls to the anonymous API (<c>/api/v1/deadlines/…</c>) per client address and window.</summary>
    public int AnonymousApiPermits { get; set; } = 120;

    /// <summary>The fixed window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// ASP.NET Core's rate limiter on sign-in and on the anonymous API, per client address (the address after the trusted
/// proxies' <c>X-Forwarded-For</c>): over the limit is 429 with <c>Retry-After</c> and a Swedish problem detail.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string AnonymousApi = "anonymous-api";

    public const string Title = "För många förfrågningar";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.SignInPermits < 1 || options.AnonymousApiPermits < 1 || options.WindowSeconds < 1)
        {
            throw new InvalidOperationException(
                "Inställningarna 'RateLimit:SignInPermits', 'RateLimit:AnonymousApiPermits' och 'RateLimit:WindowSeconds' ska vara positiva heltal.");
        }

        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => PerClient(http, options.SignInPermits, window));
            o.AddPolicy(AnonymousApi, http => PerClient(http, options.AnonymousApiPermits, window));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "okänd", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Title,
                Detail = $"Du har gjort för många förfrågningar på kort tid. Försök igen om {seconds} sekunder.",
            },
        });
    }
}
