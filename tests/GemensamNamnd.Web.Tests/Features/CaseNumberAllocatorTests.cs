using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class CaseNumberAllocatorTests(AppFactory app)
{
    private async Task<string> NextAsync(string slug, int year)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id,
            sp => sp.GetRequiredService<CaseNumberAllocator>().NextAsync(year));
    }

    [PostgresFact]
    public async Task ConcurrentAllocations_AreUniqueAndConsecutive()
    {
        // 40 registrations at once, the year's series not yet created: no number twice, none skipped.
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => NextAsync("harjedalen", 2031)));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"KS 2031/{n:0000}").Order(), numbers.Order());
    }

    [PostgresFact]
    public async Task Series_AreSeparatePerParty_AndYear()
    {
        Assert.Equal("RS 2032/0001", await NextAsync("region-jh", 2032));
        Assert.Equal("RS 2032/0002", await NextAsync("region-jh", 2032));
        Assert.Equal("RS 2033/0001", await NextAsync("region-jh", 2033));
        Assert.Equal("KS 2032/0001", await NextAsync("bracke", 2032));
    }

    [PostgresFact]
    public async Task ARequestAndABreach_NeverShareACaseNumber()
    {
        // One series per party and year across the registers, as in a diarium: reminders name one case only.
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var controllerId = await app.InParty("ostersund", db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var now = DateTimeOffset.UtcNow;
        var breach = await anna.PostAsJsonAsync("/api/v1/ostersund/breaches", new
        {
            title = "Fel mottagare",
            controllerIds = new[] { controllerId },
            discoveredAt = now.AddHours(-2),
            awareAt = now.AddHours(-1),
            description = "En lista skickades till fel mottagare.",
            types = new[] { "Confidentiality" },
            cause = "MisdirectedMail",
        });
        Assert.True(breach.StatusCode == HttpStatusCode.Created, await breach.Content.ReadAsStringAsync());
        var request = await anna.PostAsJsonAsync("/api/v1/ostersund/requests", new
        {
            receivedAt = now.AddHours(-1),
            channel = "Email",
            controllerId,
            rights = new[] { "Access" },
            requesterName = "Alex Apisson",
            protectedIdentity = false,
        });
        Assert.True(request.StatusCode == HttpStatusCode.Created, await request.Content.ReadAsStringAsync());

        var breachNumber = (await breach.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString();
        var requestNumber = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString();
        Assert.NotEqual(breachNumber, requestNumber);
        var numbers = await app.InParty("ostersund", async db =>
            (await db.Requests.Select(r => r.CaseNumber).ToListAsync()).Concat(await db.Breaches.Select(b => b.CaseNumber).ToListAsync()).ToList());
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
