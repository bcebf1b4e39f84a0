using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c> are believed only from the proxies and networks configured in
/// <c>ForwardedHeaders:KnownProxies</c> and <c>ForwardedHeaders:KnownNetworks</c> (e.g. App Service's front ends or an
/// Application Gateway's subnet). Without a setting: loopback in Development, and nobody elsewhere; a client that is not
/// a trusted proxy can then neither pose as https nor choose its own address for the rate limits.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var proxies = Values(configuration, "KnownProxies")
            .Select(v => IPAddress.TryParse(v, out var a) ? a : throw Invalid("KnownProxies", v, "en IP-adress, t.ex. 10.0.0.4")).ToList();
        var networks = Values(configuration, "KnownNetworks")
            .Select(v => IPNetwork.TryParse(v, out var n) ? n : throw Invalid("KnownNetworks", v, "ett nät i CIDR-form, t.ex. 10.0.0.0/24")).ToList();
        if (proxies.Count == 0 && networks.Count == 0 && environment.IsDevelopment())
        {
            proxies.Add(IPAddress.IPv6Loopback);
            networks.Add(IPNetwork.Parse("127.0.0.0/8"));
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            // Empty lists would mean "trust every sender" to the middleware: with none configured, forward nothing.
            o.ForwardedHeaders = proxies.Count == 0 && networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key) =>
        (configuration.GetSection($"{Section}:{key}").Get<string[]>() ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());

    private static InvalidOperationException Invalid(string key, string value, string example) =>
        new($"Inställningen '{Section}:{key}' innehåller '{value}', som inte är {example}.");
}
