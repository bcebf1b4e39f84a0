using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Each user chooses immediate reminders or a daily digest, for themselves only.</summary>
[Collection(ReminderCollection.Name)]
public sealed partial class PreferencesTests(ReminderFactory app)
{
    [PostgresFact]
    public async Task AUser_ChoosesTheDailyDigest_AndBack()
    {
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        await SaveAsync(client, digest: true);
        Assert.True(await DigestAsync("cecilia"));
        Assert.Contains("value=\"true\" checked=\"checked\"", await client.GetStringAsync("/mina-paminnelser"), StringComparison.Ordinal);
        await SaveAsync(client, digest: false);
        Assert.False(await DigestAsync("cecilia"));
    }

    [PostgresFact]
    public async Task ThePage_NeedsASignedInKnownUser()
    {
        using var anonymous = app.Anonymous();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/mina-paminnelser")).StatusCode);
    }

    private static async Task SaveAsync(HttpClient client, bool digest)
    {
        var page = await client.GetStringAsync("/mina-paminnelser");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/mina-paminnelser", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["WantsDailyDigest"] = digest ? "true" : "false",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<bool> DigestAsync(string key)
    {
        var id = await app.UserIdAsync(key);
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == id).Select(u => u.WantsDailyDigest).SingleAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
