using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>A form submission happens once: a double click, a reload or two posts at once register one case.</summary>
[Collection(AppCollection.Name)]
public sealed partial class FormSubmissionTests(AppFactory app)
{
    private const string NewRequest = "/ostersund/begaranden/ny";

    private static async Task<(string Token, string Key)> FormAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(NewRequest);
        return (TokenField().Match(html).Groups[1].Value, KeyField().Match(html).Groups[1].Value);
    }

    private async Task<Dictionary<string, string>> FieldsAsync(string token, string key, string name) => new()
    {
        ["__RequestVerificationToken"] = token,
        [FormSubmissionFilter.FieldName] = key,
        ["ReceivedDate"] = DateOnly.FromDateTime(Swedish.ToLocal(DateTimeOffset.UtcNow).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ReceivedTime"] = "00:01",
        ["Channel"] = "Email",
        ["ControllerId"] = (await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync())).ToString(),
        ["Rights"] = "Access",
        ["RequesterName"] = name,
    };

    private Task<int> StoredAsync(string name) => app.InParty("ostersund", db => db.Requests.CountAsync(r => r.RequesterName == name));

    [PostgresFact]
    public async Task TheSameSubmissionTwice_RegistersOneCase_AndTheRepeatLeadsToIt()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var (token, key) = await FormAsync(anna);
        Assert.True(Guid.TryParse(key, out _), "every POST form carries a submission key");
        var name = "Dubbel Klicksson " + Guid.NewGuid().ToString("N")[..6];
        var fields = await FieldsAsync(token, key, name);

        var first = await anna.PostAsync(NewRequest, new FormUrlEncodedContent(fields));
        var again = await anna.PostAsync(NewRequest, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await StoredAsync(name));
    }

    [PostgresFact]
    public async Task TwoPostsAtOnce_RegisterOneCase_AndNeitherIsAnError()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var (token, key) = await FormAsync(anna);
        var name = "Samtidig Klicksson " + Guid.NewGuid().ToString("N")[..6];
        var fields = await FieldsAsync(token, key, name);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => anna.PostAsync(NewRequest, new FormUrlEncodedContent(fields))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await StoredAsync(name));
    }

    [PostgresFact]
    public async Task ARefusedSubmission_IsForgotten_SoTheCorrectedFormGoesThrough()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var (token, key) = await FormAsync(anna);
        var name = "Rättad Klicksson " + Guid.NewGuid().ToString("N")[..6];
        var fields = await FieldsAsync(token, key, name);
        fields["Channel"] = string.Empty;

        var refused = await anna.PostAsync(NewRequest, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await StoredAsync(name));

        fields["Channel"] = "Email";
        var corrected = await anna.PostAsync(NewRequest, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(1, await StoredAsync(name));
    }

    [PostgresFact]
    public async Task AKey_AnswersOnlyItsOwnUser_AndAMalformedKeyIsRefused()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var bo = app.ClientFor(AppFactory.Demo("bo"));
        var (token, key) = await FormAsync(anna);
        var name = "Annans Klicksson " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await anna.PostAsync(NewRequest, new FormUrlEncodedContent(await FieldsAsync(token, key, name)))).StatusCode);

        // Bo replays Anna's key on his own form: not sent where Anna's submission led, and nothing stored.
        var (boToken, _) = await FormAsync(bo);
        var replayed = await bo.PostAsync(NewRequest, new FormUrlEncodedContent(await FieldsAsync(boToken, key, name)));
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Equal(1, await StoredAsync(name));

        var malformed = await bo.PostAsync(NewRequest, new FormUrlEncodedContent(await FieldsAsync(boToken, "inte-en-nyckel", name)));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(1, await StoredAsync(name));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"__submission\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}
