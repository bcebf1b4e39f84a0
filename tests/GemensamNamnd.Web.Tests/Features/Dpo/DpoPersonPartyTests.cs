using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features.Dpo;

/// <summary>
/// A party administrator writes only for the own party: a DPO person employed by another party (which that party would
/// then see and this one could not fix) is refused in Swedish and nothing is stored; a global administrator may.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class DpoPersonPartyTests(AppFactory app)
{
    [PostgresFact]
    public async Task PartyAdministrator_CannotCreateAPersonEmployedByAnotherParty()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia")); // administrator of Östersund only
        var berg = await PartyIdAsync("berg");
        var name = $"Främling {Guid.NewGuid():N}"[..24];

        var response = await PostAsync(cecilia, "/ostersund/dataskyddsombud/personer/ny", new()
        {
            ["Name"] = name,
            ["WorkEmail"] = "dso@berg.example",
            ["EmployingPartyId"] = berg.ToString(),
            ["IsActive"] = "true",
        });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("egna parten", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await PersonExistsAsync(name));
    }

    [PostgresFact]
    public async Task PartyAdministrator_CreatesAPersonOfTheOwnPartyOrOfNone()
    {
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var ostersund = await PartyIdAsync("ostersund");
        foreach (var employer in new[] { ostersund.ToString(), string.Empty })
        {
            var name = $"Egen {Guid.NewGuid():N}"[..24];
            var response = await PostAsync(cecilia, "/ostersund/dataskyddsombud/personer/ny", new()
            {
                ["Name"] = name,
                ["EmployingPartyId"] = employer,
                ["IsActive"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(await PersonExistsAsync(name));
        }
    }

    private async Task<Guid> PartyIdAsync(string slug)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Parties.AsNoTracking().Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
    }

    private async Task<bool> PersonExistsAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DpoPersons.AsNoTracking().AnyAsync(p => p.Name == name);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = Token().Match(await client.GetStringAsync(url)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
