using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Parties;

/// <summary>
/// Resolves the party from the route (<c>/{party}/…</c>, <c>/api/v1/{party}/…</c>) after routing and before
/// authorization. An unknown or malformed slug ends the request with 404; membership is checked by the party policies.
/// Once the party is known the request's database connection is opened and kept: the party is set on it once
/// (<see cref="Data.PostgresPartyConnectionInterceptor"/>), instead of a pool lease, a reset and a <c>set_config</c>
/// before every query. The party cannot change afterwards (<see cref="CurrentParty.Set"/>), and the connection goes
/// back to the pool (reset) when the request ends.
/// </summary>
public sealed partial class PartyResolutionMiddleware(RequestDelegate next)
{
    public const string RouteKey = "party";

    public async Task InvokeAsync(HttpContext context, PartyDirectory parties, CurrentParty currentParty, Data.AppDbContext db)
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
            await db.Database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                // Contexts are pooled: one handed back with its connection open would carry this party to the next lease.
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await next(context);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex SlugPattern();
}
