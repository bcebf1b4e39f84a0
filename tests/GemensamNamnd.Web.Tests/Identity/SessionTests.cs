using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Administration;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Identity;

/// <summary>
/// A sign-in is a server-side session (user_sessions) named in the cookie: signing out, an administrator taking a
/// membership or a global role away end it at once, and a copied cookie replayed afterwards is refused.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SessionTests(AppFactory app)
{
    private const string Page = "/mina-paminnelser";

    [PostgresFact]
    public async Task ReplayedCookie_AfterSignOut_IsRefused()
    {
        var user = await NewUserAsync(PartyRole.Handlaggare, eStrategist: false);
        var (auth, antiforgery) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);

        var token = TokenField().Match(await (await GetAsync("/logga-ut", auth, antiforgery)).Content.ReadAsStringAsync()).Groups[1].Value;
        var signOut = await SendAsync(HttpMethod.Post, "/logga-ut", new() { ["__RequestVerificationToken"] = token }, auth, antiforgery);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = await GetAsync(Page, auth);
        Assert.NotEqual(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("/logga-in", replay.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);

        var session = await SessionsOfAsync(user);
        Assert.All(session, s => Assert.NotNull(s.EndedAt));
        Assert.Contains(session, s => s.EndReason == UserSessionEnd.SignedOut);
    }

    [PostgresFact]
    public async Task ReplayedCookie_AfterTheAdministratorRemovesAMembership_IsRefused()
    {
        var user = await NewUserAsync(PartyRole.Dataskyddsombud, eStrategist: false);
        var (auth, _) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var membership = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.AsNoTracking().SingleAsync(m => m.UserId == user);
            Assert.True((await scope.ServiceProvider.GetRequiredService<RemoveMembership>().RemoveAsync(user, membership.Id, default)).Ok);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);
        Assert.Contains(await SessionsOfAsync(user), s => s.EndReason == UserSessionEnd.RightsChanged);
    }

    [PostgresFact]
    public async Task ReplayedCookie_AfterTheAdministratorTakesAGlobalRoleAway_IsRefused_ButAnUnchangedSaveKeepsIt()
    {
        var user = await NewUserAsync(null, eStrategist: true);
        var (auth, _) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user);
            var save = scope.ServiceProvider.GetRequiredService<SaveUser>();
            var same = new UserInput(saved.DisplayName + " B", saved.Email, saved.EntraTenantId.ToString(), saved.EntraObjectId.ToString(), false, true);
            Assert.True((await save.SaveAsync(user, same, default)).Ok);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);

            var demoted = same with { IsEStrategist = false };
            Assert.True((await save.SaveAsync(user, demoted, default)).Ok);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);
    }

    [PostgresFact]
    public async Task ADisabledUser_LosesTheSessionAtOnce_AndTheBearerTokenOpensNothing()
    {
        var user = await NewUserAsync(PartyRole.Dataskyddsombud, eStrategist: false);
        AppUser saved;
        using (var scope = app.Services.CreateScope())
        {
            // In Östersund's Entra tenant, so that the user's own bearer token is accepted before the user is disabled.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            saved = await db.Users.SingleAsync(u => u.Id == user);
            saved.EntraTenantId = AppFactory.Demo("anna").PartyId;
            await db.SaveChangesAsync();
        }

        using var token = app.ClientWithToken(TestTokens.Issue(saved.EntraTenantId, saved.EntraObjectId));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/ostersund/requests")).StatusCode);
        var (auth, _) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var input = new UserInput(saved.DisplayName, saved.Email, saved.EntraTenantId.ToString(), saved.EntraObjectId.ToString(), false, false, IsDisabled: true);
            Assert.True((await scope.ServiceProvider.GetRequiredService<SaveUser>().SaveAsync(user, input, default)).Ok);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await GetAsync(Page, auth)).StatusCode);
        Assert.Contains(await SessionsOfAsync(user), s => s.EndReason == UserSessionEnd.RightsChanged);

        // The same valid Entra token, now of a disabled user: nobody the app knows, so nothing opens.
        var refused = (await token.GetAsync("/api/v1/ostersund/requests")).StatusCode;
        Assert.True(refused is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, refused.ToString());

        // Nor can the demo sign-in become them again.
        var page = await GetAsync("/demo/logga-in");
        var again = await SendAsync(HttpMethod.Post, "/demo/logga-in",
            new() { ["__RequestVerificationToken"] = TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value, ["userId"] = user.ToString() }, Cookie(page, "gn.af"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private async Task<Guid> NewUserAsync(PartyRole? role, bool eStrategist)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var party = await db.Parties.AsNoTracking().SingleAsync(p => p.Slug == "ostersund");
        var user = new AppUser
        {
            DisplayName = $"Sessionsprov {Guid.NewGuid():N}"[..30],
            EntraTenantId = Guid.NewGuid(),
            EntraObjectId = Guid.NewGuid(),
            IsEStrategist = eStrategist,
        };
        if (role is { } r)
        {
            user.Memberships.Add(new Membership { PartyId = party.Id, Role = r });
        }

        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<List<UserSession>> SessionsOfAsync(Guid user)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserSessions.AsNoTracking().Where(s => s.UserId == user).ToListAsync();
    }

    /// <summary>Demo sign-in as the user; the auth and antiforgery cookies as a copier would take them.</summary>
    private async Task<(string Auth, string Antiforgery)> SignInAsync(Guid user)
    {
        var page = await GetAsync("/demo/logga-in");
        var antiforgery = Cookie(page, "gn.af");
        var token = TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var signIn = await SendAsync(HttpMethod.Post, "/demo/logga-in", new() { ["__RequestVerificationToken"] = token, ["userId"] = user.ToString() }, antiforgery);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (Cookie(signIn, "gn.auth"), antiforgery);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Single(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : throw new InvalidOperationException($"no {name} cookie");

    private Task<HttpResponseMessage> GetAsync(string url, params string[] cookies) => SendAsync(HttpMethod.Get, url, null, cookies);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Dictionary<string, string>? form, params string[] cookies)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, url);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
