using System.Text.RegularExpressions;

namespace GemensamNamnd.Web.Parties;

/// <summary>
/// Resolves the party from the route (<c>/{party}/…</c>, <c>/api/v1/{party}/…</c>) after routing and before
/// authorization. An unknown or malformed slug ends the request with 404; membership is checked by the party policies.
/// </summary>
public sealed partial class PartyResolutionMiddleware(RequestDelegate next)
{
    public const string RouteKey = "party";

    public async Task InvokeAsync(HttpContext context, PartyDirectory parties, CurrentParty currentParty)
    {
        if (context.GetRouteValue(RouteKey) is string slug)
        {
            var party = SlugPattern().IsMatch(slug) ? await parties.FindBySlugAsync(slug, context.RequestAborted) : null;
            if (party is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            currentParty.Set(party);
        }

        await next(context);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex SlugPattern();
}
