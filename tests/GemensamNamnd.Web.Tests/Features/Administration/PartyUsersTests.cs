using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Data.Seed;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Administration;

/// <summary>
/// A party's administrator manages the party's own users and roles (API and page), never another party's, never a global
/// role; an invited person is bound to their Entra tid and oid at the first sign-in.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PartyUsersTests(AppFactory app)
{
    [PostgresFact]
    public async Task Cecilia_AdministratorOfOstersund_CannotTouchKrokomsMemberships_ThroughTheApi()
    {
        var bosKrokom = await MembershipIdAsync("bo", "krokom");
        var krokomOnly = await AddUserAsync("krokom", PartyRole.Handlaggare);
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));

        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.GetAsync("/api/v1/krokom/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.PostAsJsonAsync("/api/v1/krokom/users/roles/remove", new { membershipId = bosKrokom })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.PostAsJsonAsync("/api/v1/krokom/users", new { displayName = "Ny", email = "ny@krokom.example", role = "Administrator" })).StatusCode);
        // Through her own party: another party's membership and user are not found.
        Assert.Equal(HttpStatusCode.NotFound, (await cecilia.PostAsJsonAsync("/api/v1/ostersund/users/roles/remove", new { membershipId = bosKrokom })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cecilia.PostAsJsonAsync("/api/v1/ostersund/users/roles", new { userId = krokomOnly, partyRole = "Administrator" })).StatusCode);

        Assert.NotNull(await MembershipOrNullAsync(bosKrokom));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal([PartyRole.Handlaggare], await db.Memberships.Where(m => m.UserId == krokomOnly).Select(m => m.Role).ToListAsync());
        Assert.DoesNotContain(await db.Memberships.Where(m => m.UserId == krokomOnly).Select(m => m.PartyId).ToListAsync(), id => id == Guid.Empty);
    }

    [PostgresFact]
    public async Task Cecilia_ManagesOstersundsUsers_InvitesGivesAndTakesRoles_ButNeverAGlobalRole()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var email = $"ny.{Guid.NewGuid():N}@ostersund.example";
        var invited = await cecilia.PostAsJsonAsync("/api/v1/ostersund/users", new { displayName = "Nina Ny", email, role = "Handlaggare", isGlobalAdministrator = true, isEStrategist = true });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var userId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();

        var added = await cecilia.PostAsJsonAsync("/api/v1/ostersund/users/roles", new { userId, partyRole = "Dataskyddsombud" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var list = await cecilia.GetFromJsonAsync<JsonElement>("/api/v1/ostersund/users");
        var row = list.EnumerateArray().Single(u => u.GetProperty("userId").GetGuid() == userId);
        Assert.True(row.GetProperty("invited").GetBoolean());
        Assert.Equal(["Handlaggare", "Dataskyddsombud"], row.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()!).Order().Reverse());

        var dpoMembership = row.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("role").GetString() == "Dataskyddsombud").GetProperty("membershipId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await cecilia.PostAsJsonAsync("/api/v1/ostersund/users/roles/remove", new { membershipId = dpoMembership })).StatusCode);
        Assert.Null(await MembershipOrNullAsync(dpoMembership));

        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Assert.False(user.IsGlobalAdministrator);
        Assert.False(user.IsEStrategist);

        // A case officer is not the party's administrator.
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/api/v1/ostersund/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/ostersund/anvandare")).StatusCode);
    }

    [PostgresFact]
    public async Task AnInvitedPerson_IsBoundToTheirEntraIds_AtTheFirstSignIn_WithTheInvitedAddress()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var email = $"Inbjuden.{Guid.NewGuid():N}@ostersund.example";
        var invited = await cecilia.PostAsJsonAsync("/api/v1/ostersund/users", new { displayName = "Ivar Inbjuden", email, role = "Handlaggare" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var userId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();

        var tid = DemoSeed.DemoTenantId("ostersund");
        var oid = Guid.NewGuid();
        // Someone else with another address from the same organisation is not bound to the invitation.
        using var stranger = app.ClientWithToken(TestTokens.Issue(tid, Guid.NewGuid(), preferredUsername: "annan@ostersund.example"));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/v1/ostersund/controllers")).StatusCode);

        using var person = app.ClientWithToken(TestTokens.Issue(tid, oid, preferredUsername: email.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/v1/ostersund/controllers")).StatusCode);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Assert.Equal((tid, oid), (user.EntraTenantId, user.EntraObjectId));
        // Only Östersund: the invitation gave no other party.
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/krokom/controllers")).StatusCode);
    }

    [PostgresFact]
    public async Task ThePage_ListsOnlyThePartysUsers_AndRefusesAnotherPartysMembership()
    {
        var bosKrokom = await MembershipIdAsync("bo", "krokom");
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var page = WebUtility.HtmlDecode(await cecilia.GetStringAsync("/ostersund/anvandare"));
        Assert.Contains("Anna Andersson", page, StringComparison.Ordinal);
        Assert.DoesNotContain("David Dahl", page, StringComparison.Ordinal); // Berg's
        Assert.DoesNotContain("Global administratör", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.GetAsync("/krokom/anvandare")).StatusCode);

        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        var other = await cecilia.PostAsync("/krokom/anvandare?handler=RemoveRole", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["membershipId"] = bosKrokom.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var own = await cecilia.PostAsync("/ostersund/anvandare?handler=RemoveRole", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["membershipId"] = bosKrokom.ToString(),
        }));
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.NotNull(await MembershipOrNullAsync(bosKrokom));
    }

    [PostgresFact]
    public async Task AnInvitation_IsMailedThroughTheOutbox_AndTakingARole_IsAskedFirst()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var email = $"inbjuden.{Guid.NewGuid():N}@ostersund.example";
        var page = await cecilia.GetStringAsync("/ostersund/anvandare");
        string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var invited = await cecilia.PostAsync("/ostersund/anvandare?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["DisplayName"] = "Ivar Inbjuden",
            ["Email"] = email,
            ["InvitedRole"] = "Handlaggare",
        }));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = Assert.Single(await app.InParty("ostersund", db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync()));
        Assert.Equal("Östersunds kommun: du är inbjuden till GemensamNamnd", mail.Subject);
        Assert.Contains("Hej Ivar Inbjuden! Du har bjudits in till GemensamNamnd hos Östersunds kommun som handläggare.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Logga in med ditt konto i organisationen ({email}).", mail.TextBody, StringComparison.Ordinal);

        var membershipId = await app.InParty("ostersund", db => db.Memberships.AsNoTracking()
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.Id).SingleAsync());
        page = await cecilia.GetStringAsync("/ostersund/anvandare");
        var asked = await cecilia.PostAsync("/ostersund/anvandare?handler=RemoveRole", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["membershipId"] = membershipId.ToString(),
        }));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Ta bort Ivar Inbjuden som handläggare i Östersunds kommun?", html, StringComparison.Ordinal);
        Assert.Contains("Ja, ta bort rollen", html, StringComparison.Ordinal);
        Assert.NotNull(await MembershipOrNullAsync(membershipId));

        var confirmed = await cecilia.PostAsync("/ostersund/anvandare?handler=RemoveRole", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html),
            ["membershipId"] = membershipId.ToString(),
            ["confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Null(await MembershipOrNullAsync(membershipId));
    }

    [PostgresFact]
    public async Task Cecilia_SetsOstersundsReminderSettings_NotKrokoms_AndBadInputStoresNothing()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var page = await cecilia.GetStringAsync("/ostersund/paminnelser");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Dictionary<string, string> Form(string extra, string days) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["RequestReminderDays"] = days,
            ["RequestOverdueReminderEveryDays"] = "7",
            ["ExtensionNoticeReminderDays"] = "3",
            ["IdentityCheckReminderDays"] = "7",
            ["BreachReminderHours"] = "24, 48, 66",
            ["SupplementReminderDays"] = "3",
            ["ReminderExtraAddresses"] = extra,
            ["MailFrom"] = "",
        };
        async Task<List<string>> ExtraAsync(string slug) => await app.InParty(slug, async db =>
            (await db.Parties.AsNoTracking().SingleAsync(p => p.Id == db.CurrentPartyId)).Settings.ReminderExtraAddresses);

        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.PostAsync("/krokom/paminnelser", new FormUrlEncodedContent(Form("cecilia@ostersund.example", "7, 2, 0")))).StatusCode);
        Assert.DoesNotContain("cecilia@ostersund.example", await ExtraAsync("krokom"));

        var bad = await cecilia.PostAsync("/ostersund/paminnelser", new FormUrlEncodedContent(Form("registrator@ostersund.example", "sju")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("”sju” är inte ett antal dagar", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("registrator@ostersund.example", await ExtraAsync("ostersund"));

        var saved = await cecilia.PostAsync("/ostersund/paminnelser", new FormUrlEncodedContent(Form("registrator@ostersund.example", "7, 2, 0")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["registrator@ostersund.example"], await ExtraAsync("ostersund"));
        await cecilia.PostAsync("/ostersund/paminnelser", new FormUrlEncodedContent(Form("", "7, 2, 0")));
        Assert.Empty(await ExtraAsync("ostersund"));
    }

    private async Task<Guid> MembershipIdAsync(string user, string slug)
    {
        var demo = AppFactory.Demo(user);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Memberships.Where(m => m.Party!.Slug == slug && db.Users.Any(u => u.Id == m.UserId && u.EntraObjectId == demo.ObjectId)).Select(m => m.Id).FirstAsync();
    }

    private async Task<Membership?> MembershipOrNullAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
    }

    private async Task<Guid> AddUserAsync(string slug, PartyRole role)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partyId = await db.Parties.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        var user = new AppUser
        {
            DisplayName = "Karl Krokom",
            Email = $"karl.{Guid.NewGuid():N}@krokom.example",
            EntraTenantId = DemoSeed.DemoTenantId(slug),
            EntraObjectId = Guid.NewGuid(),
            Memberships = [new Membership { PartyId = partyId, Role = role }],
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
