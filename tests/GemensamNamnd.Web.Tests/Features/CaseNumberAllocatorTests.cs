using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class CaseNumberAllocatorTests(AppFactory app)
{
    private async Task<string> NextAsync(string slug, string series, int year)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id,
            sp => sp.GetRequiredService<CaseNumberAllocator>().NextAsync(series, year));
    }

    [PostgresFact]
    public async Task ConcurrentAllocations_AreUniqueAndConsecutive()
    {
        // 40 registrations at once, the year's series not yet created: no number twice, none skipped.
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => NextAsync("harjedalen", CaseNumberAllocator.Requests, 2031)));
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"KS 2031/{n:0000}").Order(), numbers.Order());
    }

    [PostgresFact]
    public async Task Series_AreSeparatePerParty_Register_AndYear()
    {
        Assert.Equal("RS 2032/0001", await NextAsync("region-jh", CaseNumberAllocator.Requests, 2032));
        Assert.Equal("RS 2032/0002", await NextAsync("region-jh", CaseNumberAllocator.Requests, 2032));
        Assert.Equal("RS 2032/0001", await NextAsync("region-jh", CaseNumberAllocator.Breaches, 2032));
        Assert.Equal("RS 2033/0001", await NextAsync("region-jh", CaseNumberAllocator.Requests, 2033));
        Assert.Equal("KS 2032/0001", await NextAsync("bracke", CaseNumberAllocator.Requests, 2032));
    }
}
