using System.Text.RegularExpressions;

namespace GemensamNamnd.Web.Tenancy;

/// <summary>
/// Resolves the party from the route (<c>/{tenant}/…</c>, <c>/api/v1/{tenant}/…</c>) after routing and before
/// authorization. An unknown or malformed slug ends the request with 404; membership is checked by the party policies.
/// </summary>
public sealed partial class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string RouteKey = "tenant";

    public async Task InvokeAsync(HttpContext context, PartyDirectory parties, TenantContext tenant)
    {
        if (context.GetRouteValue(RouteKey) is string slug)
        {
            var party = SlugPattern().IsMatch(slug) ? await parties.FindBySlugAsync(slug, context.RequestAborted) : null;
            if (party is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            tenant.Set(party);
        }

        await next(context);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex SlugPattern();
}
