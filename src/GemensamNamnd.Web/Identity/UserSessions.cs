using System.Security.Claims;
using GemensamNamnd.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Identity;

public sealed class SessionOptions
{
    public const string Section = "SignIn";

    /// <summary>
    /// How long (seconds) an instance trusts its last look at a session before it asks the database again. Several
    /// instances share the database, which is the truth: an end on another instance is seen within this time; on the
    /// instance that ended it, at once.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 30;
}

/// <summary>
/// The server-side sessions behind the auth cookie: started at every cookie sign-in, checked on every request (through a
/// short cache), ended by sign-out and by an administrator changing the user's rights.
/// </summary>
public sealed class UserSessions(AppDbContext db, IMemoryCache cache, TimeProvider clock, IOptions<SessionOptions> options)
{
    /// <summary>The claim in the auth cookie that names the session.</summary>
    public const string Claim = "gn.sid";

    private TimeSpan CheckInterval => TimeSpan.FromSeconds(Math.Max(0, options.Value.SessionCheckSeconds));

    public async Task<Guid> StartAsync(Guid? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession { UserId = userId, CreatedAt = now, LastSeenAt = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Open? Asks the database at most once per check interval per session (and notes it as seen).</summary>
    public async Task<bool> IsOpenAsync(Guid id, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(id), out bool open))
        {
            return open;
        }

        var now = clock.GetUtcNow();
        open = await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct) == 1;
        if (CheckInterval > TimeSpan.Zero)
        {
            cache.Set(Key(id), open, CheckInterval);
        }

        return open;
    }

    public async Task EndAsync(Guid id, string reason, CancellationToken ct)
    {
        cache.Remove(Key(id));
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
    }

    /// <summary>Ends every open session of the user (an administrator changed the user's rights).</summary>
    public async Task EndAllAsync(Guid userId, string reason, CancellationToken ct)
    {
        var open = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        foreach (var id in open)
        {
            await EndAsync(id, reason, ct);
        }
    }

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(Claim)?.Value, out var id) ? id : null;

    private static string Key(Guid id) => "gn.session:" + id.ToString("N");

    /// <summary>Hooks the cookie: a sign-in starts a session and names it in the cookie; a cookie without an open one is refused.</summary>
    public static void Attach(CookieAuthenticationOptions o)
    {
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async ctx =>
        {
            await signingIn(ctx);
            if (ctx.Principal?.Identity is ClaimsIdentity identity)
            {
                var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
                var userId = await sessions.UserIdAsync(ctx.Principal, ctx.HttpContext.RequestAborted);
                foreach (var old in identity.FindAll(Claim).ToList())
                {
                    identity.RemoveClaim(old);
                }

                identity.AddClaim(new Claim(Claim, (await sessions.StartAsync(userId, ctx.HttpContext.RequestAborted)).ToString()));
            }
        };

        var validate = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async ctx =>
        {
            await validate(ctx);
            if (ctx.Principal is null)
            {
                return;
            }

            var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
            if (IdOf(ctx.Principal) is not { } id || !await sessions.IsOpenAsync(id, ctx.HttpContext.RequestAborted))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        };

        var signingOut = o.Events.OnSigningOut;
        o.Events.OnSigningOut = async ctx =>
        {
            await signingOut(ctx);
            if (IdOf(ctx.HttpContext.User) is { } id)
            {
                await ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>().EndAsync(id, UserSessionEnd.SignedOut, ctx.HttpContext.RequestAborted);
            }
        };
    }

    private async Task<Guid?> UserIdAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        UserKey.From(principal) is { } k
            ? await db.Users.Where(u => u.EntraTenantId == k.PartyId && u.EntraObjectId == k.ObjectId).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
            : null;
}
