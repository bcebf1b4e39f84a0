using System.Diagnostics;
using System.Reflection;
using System.Security.Claims;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Infrastructure;

public sealed class WarmupOptions
{
    public const string Section = "Warmup";

    /// <summary>Off only where start-up costs matter more than first hits (nothing in production).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Whether the warm-up has ended (done or failed); <c>/health/ready</c> waits for it.</summary>
public sealed class WarmupState
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ended => _ended.Task;

    public bool HasEnded => _ended.Task.IsCompleted;

    /// <summary>Why the warm-up failed, when it did (then it was logged as a warning).</summary>
    public Exception? Failure { get; private set; }

    internal void End(Exception? failure)
    {
        Failure ??= failure;
        _ended.TrySetResult();
    }
}

/// <summary>Not ready while the warm-up runs, so that App Service routes the first users to a warm instance.</summary>
public sealed class WarmupHealthCheck(WarmupState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.HasEnded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Uppvärmningen pågår."));
}

/// <summary>
/// Warm-up after start (issue 15): the first request to each main page cost 1–2 s, spent once per process on building
/// the EF model, opening the pools, compiling the pages' LINQ queries, loading the pages (handlers, binders, filters),
/// loading the Data Protection key ring and JIT-compiling all of it. Here the same code runs once before
/// <c>/health/ready</c> says ready: the main pages' GET handlers run in a scope of their own, as a party for the party
/// pages (the first active one) and as a signed-in user the database does not know (no rights: every check refuses, no
/// name is read). Read-only: the handlers read, nothing is saved, no audit or read-log row is written, nothing is
/// rendered to anyone. A failure (the database not reachable yet) logs a warning and ends the warm-up: the app starts
/// anyway and the first requests pay what is left.
/// </summary>
public sealed partial class Warmup(
    IServiceProvider root, IServiceScopeFactory scopes, PartyScope partyScope, WarmupState state, IHostApplicationLifetime lifetime, IOptions<WarmupOptions> options, ILogger<Warmup> logger)
    : BackgroundService
{
    /// <summary>The main pages whose GET handlers run: party pages as the first active party, the committee's as no party.</summary>
    private static readonly (Type Model, bool Party)[] Pages =
    [
        (typeof(Features.Start.PartyStartModel), true),
        (typeof(Features.Requests.IndexModel), true),
        (typeof(Features.Dpo.IndexModel), true),
        (typeof(Features.Breaches.StatisticsModel), true),
        (typeof(Features.Dpo.CommitteeModel), false),
        (typeof(Features.Maturity.CommitteeModel), false),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Exception? failure = null;
        try
        {
            if (!options.Value.Enabled)
            {
                return;
            }

            // After the endpoints are mapped and the server listens: /health/live answers while this runs.
            await WhenStartedAsync(stoppingToken);
            var clock = Stopwatch.StartNew();
            var party = await FirstActivePartyAsync(stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                LoadPages(scope.ServiceProvider);
                scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warmup").Protect([1]);
            }

            foreach (var (model, asParty) in Pages)
            {
                await RunPageAsync(model, asParty ? party?.Id : null, stoppingToken);
            }

            await RequestAnonymouslyAsync(party?.Slug, stoppingToken);
            LogDone(logger, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A warm-up that fails must never stop the app: it only makes the first requests slower.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
            failure = e;
        }
        finally
        {
            state.End(failure);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Every Razor page loaded as its first request would (handlers, binders, filters), with its endpoint's metadata.</summary>
    private static void LoadPages(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor)
            {
                _ = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>The first active party, resolved as every party request resolves it: by its slug, through the directory.</summary>
    private async Task<Party?> FirstActivePartyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var slug = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Parties.AsNoTracking()
            .Where(p => p.IsActive).OrderBy(p => p.Slug).Select(p => p.Slug).FirstOrDefaultAsync(ct);
        return slug is null ? null : await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, ct);
    }

    /// <summary>
    /// The pipeline itself (input guard, routing, party resolution, authentication, authorization, the layout) by a few
    /// anonymous requests to the app's own HTTP address: a party page only answers with the way to sign in, so nothing
    /// is read. Not under a test server, which has no address.
    /// </summary>
    private async Task RequestAnonymouslyAsync(string? slug, CancellationToken ct)
    {
        var address = root.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null || !Uri.TryCreate(ToLocal(address), UriKind.Absolute, out var baseAddress))
        {
            return;
        }

        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        string[] paths = slug is null ? ["/"] : ["/", $"/{slug}", $"/{slug}/dataskyddsombud", $"/{slug}/begaranden", "/mognad"];
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        }
    }

    /// <summary>A wildcard listening address (<c>http://+:8080</c>, <c>http://[::]:80</c>) as one this process can call.</summary>
    [GeneratedRegex(@"(?<=://)(\+|\*|\[::\]|0\.0\.0\.0)(?=[:/]|$)")]
    private static partial Regex LocalHostPattern();

    private static string ToLocal(string address) => LocalHostPattern().Replace(address, "localhost");

    /// <summary>The page model made as the page would make it, and its GET handler run; its result goes nowhere.</summary>
    private async Task RunPageAsync(Type modelType, Guid? partyId, CancellationToken ct)
    {
        if (partyId is { } id)
        {
            await partyScope.RunAsync(id, sp => RunHandlerAsync(sp, modelType, ct), ct);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await RunHandlerAsync(scope.ServiceProvider, modelType, ct);
    }

    private static async Task RunHandlerAsync(IServiceProvider services, Type modelType, CancellationToken ct)
    {
        // A signed-in user no one is: the user lookup runs (as on every request) and finds nobody, so no right is held.
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("http://schemas.microsoft.com/identity/claims/tenantid", Guid.Empty.ToString()),
             new Claim("http://schemas.microsoft.com/identity/claims/objectidentifier", Guid.Empty.ToString())], "Warmup"));
        var http = new DefaultHttpContext { RequestServices = services, User = user };
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = http;
        try
        {
            var model = (PageModel)ActivatorUtilities.CreateInstance(services, modelType);
            model.PageContext = new PageContext { HttpContext = http };
            var handler = modelType.GetMethod("OnGetAsync", BindingFlags.Public | BindingFlags.Instance, [typeof(CancellationToken)])
                ?? throw new InvalidOperationException($"{modelType.Name} har ingen OnGetAsync(CancellationToken).");
            await (Task)handler.Invoke(model, [ct])!;
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Uppvärmningen klar på {Milliseconds} ms.")]
    private static partial void LogDone(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uppvärmningen misslyckades; appen startar ändå och de första förfrågningarna blir långsammare.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class WarmupExtensions
{
    /// <summary>The warm-up and its part of <c>/health/ready</c>.</summary>
    public static IHostApplicationBuilder AddWarmup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WarmupOptions>().BindConfiguration(WarmupOptions.Section);
        builder.Services.AddSingleton<WarmupState>();
        builder.Services.AddHostedService<Warmup>();
        builder.Services.AddHealthChecks().AddCheck<WarmupHealthCheck>("uppvärmning", tags: ["ready"]);
        return builder;
    }
}
