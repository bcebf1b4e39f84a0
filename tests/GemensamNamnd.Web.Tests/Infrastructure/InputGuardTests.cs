using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// Bad input is refused in one place (issue 22, <see cref="InputGuard"/>): a NUL character, a form over its limits, a value
/// of the wrong type or an unknown choice, an unknown page handler — 4xx with a Swedish message, nothing stored, never a 500.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class InputGuardTests(AppFactory app)
{
    private const string NewRequest = "/ostersund/begaranden/ny";

    private static string Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> RequestCountAsync() => app.InParty("ostersund", db => db.Requests.CountAsync());

    /// <summary>A request form that would register, with <paramref name="change"/> applied.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, Action<Dictionary<string, string>> change)
    {
        var page = await client.GetStringAsync(NewRequest);
        var controller = ControllerOption().Match(page).Groups[1].Value;
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenField().Match(page).Groups[1].Value,
            ["ReceivedDate"] = Yesterday,
            ["ReceivedTime"] = "09:00",
            ["Channel"] = "Letter",
            ["ControllerId"] = controller,
            ["Rights"] = "Access",
            ["RequesterName"] = "Inmatning Prövas",
            ["Email"] = "provas@example.se",
            ["PostalAddress"] = "Storgatan 1",
            ["ProtectedIdentity"] = "false",
        };
        change(values);
        return [.. values];
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message, int countBefore)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.Equal(countBefore, await RequestCountAsync());
    }

    [PostgresFact]
    public async Task TheFormWithoutBadInput_Registers()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var before = await RequestCountAsync();
        var response = await client.PostAsync(NewRequest, new FormUrlEncodedContent(await FormAsync(client, _ => { })));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await RequestCountAsync());
    }

    [PostgresFact]
    public async Task Form_WithANulCharacter_Is400InSwedish_AndStoresNothing()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var before = await RequestCountAsync();
        var response = await client.PostAsync(NewRequest, new FormUrlEncodedContent(await FormAsync(client, f => f["RequesterName"] = "Inmatning\0Prövas")));
        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, InputGuard.NulMessage, before);
    }

    [PostgresTheory]
    [InlineData("ProtectedIdentity", "maybe")]
    [InlineData("Channel", "Brevduva")]
    [InlineData("Rights", "Allt")]
    [InlineData("ControllerId", "inte-ett-id")]
    public async Task Form_WithAnUnknownChoiceOrWrongType_Is400InSwedish_NotDroppedOrDefaulted(string field, string value)
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var before = await RequestCountAsync();
        var response = await client.PostAsync(NewRequest, new FormUrlEncodedContent(await FormAsync(client, f => f[field] = value)));
        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, $"Fältet {field} har ett värde som inte är ett giltigt val", before);
    }

    [PostgresFact]
    public async Task Form_WithAValueOver4MB_OrOver1024Fields_Is400InSwedish()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var before = await RequestCountAsync();
        var huge = await client.PostAsync(NewRequest, new FormUrlEncodedContent(await FormAsync(client, f => f["Notes"] = new string('x', 4 * 1024 * 1024 + 1))));
        await AssertRefusedAsync(huge, HttpStatusCode.BadRequest, InputGuard.FormLimitMessage, before);

        var many = await client.PostAsync(NewRequest, new FormUrlEncodedContent(await FormAsync(client, f =>
        {
            foreach (var i in Enumerable.Range(0, 1100))
            {
                f[$"extra{i}"] = "x";
            }
        })));
        await AssertRefusedAsync(many, HttpStatusCode.BadRequest, InputGuard.FormLimitMessage, before);

        var long1Mb = await client.PostAsync(NewRequest, new FormUrlEncodedContent(await FormAsync(client, f => f["RequesterName"] = new string('x', 1_000_000))));
        await AssertRefusedAsync(long1Mb, HttpStatusCode.BadRequest, InputGuard.TooLongMessage, before);
    }

    [PostgresFact]
    public async Task Json_WithANulCharacter_OrA1MBString_Is400ProblemDetails_AndStoresNothing()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var before = await RequestCountAsync();
        foreach (var name in new[] { "Inmatning\u0000Prövas", new string('x', 1_000_000) })
        {
            var body = JsonSerializer.Serialize(new { receivedAt = DateTimeOffset.UtcNow.AddHours(-1), channel = "Letter", rights = new[] { "Access" }, requesterName = name });
            var response = await client.PostAsync("/api/v1/ostersund/requests", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(InputGuard.UnreadableMessage, problem.GetProperty("detail").GetString());
        }

        Assert.Equal(before, await RequestCountAsync());
    }

    /// <summary>A request or a breach dated 1900 (or 9999) is refused with the field's range, and no "KS 1900/…" series starts.</summary>
    [PostgresFact]
    public async Task RequestOrBreach_DatedOutsideTheSaneRange_IsRefused_AndNothingStored()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var controller = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).Select(c => c.Id).FirstAsync());
        var before = await app.InParty("ostersund", async db => (await db.Requests.CountAsync(), await db.Breaches.CountAsync()));
        foreach (var at in new[] { "1900-03-01T09:00:00+01:00", "9999-12-31T09:00:00+01:00" })
        {
            var request = await client.PostAsync("/api/v1/ostersund/requests", JsonContent.Create(new Dictionary<string, object?>
            {
                ["receivedAt"] = at,
                ["channel"] = "Letter",
                ["controllerId"] = controller,
                ["rights"] = new[] { "Access" },
                ["requesterName"] = "Sekelgammal Begäran",
            }));
            var breach = await client.PostAsync("/api/v1/ostersund/breaches", JsonContent.Create(new Dictionary<string, object?>
            {
                ["title"] = "Sekelgammal incident",
                ["controllerIds"] = new[] { controller },
                ["awareAt"] = at,
                ["discoveredAt"] = at,
                ["description"] = "Ett brev.",
            }));
            foreach (var response in new[] { request, breach })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains($"mellan år {FormValues.MinYear} och", Regex.Unescape(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
        }

        var after = await app.InParty("ostersund", async db => (await db.Requests.CountAsync(), await db.Breaches.CountAsync()));
        Assert.Equal(before, after);
        Assert.False(await app.InParty("ostersund", db => db.Set<GemensamNamnd.Web.Features.CaseNumbers.CaseNumberSeries>().AnyAsync(s => s.Year < FormValues.MinYear || s.Year > 9000)));
    }

    [PostgresFact]
    public async Task DpoOverview_OnYear9999_Is400_NotA500()
    {
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        var api = await client.GetAsync("/api/v1/ostersund/dpo/overview?date=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var page = await client.GetAsync("/ostersund/dataskyddsombud?datum=9999-12-31");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Datumet kunde inte läsas", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task QueryString_WithANulCharacter_Is400()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        var page = await client.GetAsync("/ostersund/begaranden?status=%00");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(InputGuard.NulMessage, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var api = await client.GetAsync("/api/v1/ostersund/dpo/overview?date=%00");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [PostgresFact]
    public async Task UnknownPageHandler_Is404_NotTheBarePage()
    {
        using var client = app.ClientFor(AppFactory.Demo("anna"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(NewRequest + "?handler=finnsinte")).StatusCode);
        var before = await RequestCountAsync();
        var post = await client.PostAsync(NewRequest + "?handler=finnsinte", new FormUrlEncodedContent(await FormAsync(client, _ => { })));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("Hittades inte", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await RequestCountAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input[^>]*name=\"ControllerIds\"[^>]*value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ControllerOption();
}
