using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class RegisterRequestTests(AppFactory app)
{
    private async Task<T> AsParty<T>(string slug, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    private static async Task<RegisterRequestInput> InputAsync(IServiceProvider sp, string? personalNumber, DateTimeOffset received) => new(
        received, RequestChannel.Email,
        (await sp.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>().DataControllers.FirstAsync()).Id,
        DataSubjectRights.Access | DataSubjectRights.Erasure, "Kim Testsson", personalNumber, "kim@example.se", "Storgatan 1, 831 30 Östersund", false, null);

    [PostgresFact]
    public async Task Register_AllocatesTheCaseNumber_StoresTheDeadline_AndEncryptsThePersonnummer()
    {
        // Received 5 March 2026 (Swedish time): 5 April is Easter Day, 6 April Easter Monday → due 7 April 2026.
        var received = new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(1));
        var result = await AsParty("stromsund", async sp =>
            await sp.GetRequiredService<RegisterRequest>().RunAsync(await InputAsync(sp, "19811218-9876", received), default));
        Assert.Empty(result.Errors);
        var registered = result.Value!;
        Assert.Matches(@"^KS 2026/\d{4}$", registered.CaseNumber);
        Assert.Equal(new DateOnly(2026, 4, 7), registered.DueOn);
        Assert.Contains("påskdagen", registered.Explanation, StringComparison.Ordinal);

        var stored = await app.InParty("stromsund", db => db.Requests.SingleAsync(r => r.Id == registered.Id));
        Assert.DoesNotContain("9876", stored.PersonalNumberProtected!, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 6, 5), stored.ExtendedDueOn); // three months: 5 June 2026, a Friday
    }

    [PostgresFact]
    public async Task Register_TheSamePersonAgain_WarnsButRegisters()
    {
        var received = DateTimeOffset.UtcNow.AddDays(-1);
        var first = await AsParty("ragunda", async sp => await sp.GetRequiredService<RegisterRequest>().RunAsync(await InputAsync(sp, "198112189876", received), default));
        var second = await AsParty("ragunda", async sp => await sp.GetRequiredService<RegisterRequest>().RunAsync(await InputAsync(sp, "811218-9876", received), default));
        Assert.NotNull(second.Value);
        Assert.NotEqual(first.Value!.CaseNumber, second.Value!.CaseNumber);
        Assert.Single(second.Value.Warnings);
    }

    [PostgresTheory]
    [InlineData("19811218-9875", "PersonalNumber")]   // wrong check digit
    [InlineData("20230230-1234", "PersonalNumber")]   // 30 February does not exist
    public async Task Register_BadInput_IsRefusedInSwedish_AndStoresNothing(string personalNumber, string field)
    {
        var before = await app.InParty("bracke", db => db.Requests.CountAsync());
        var result = await AsParty("bracke", async sp =>
            await sp.GetRequiredService<RegisterRequest>().RunAsync(await InputAsync(sp, personalNumber, DateTimeOffset.UtcNow), default));
        Assert.Null(result.Value);
        Assert.Contains(field, result.ErrorsByField().Keys);
        Assert.Equal(before, await app.InParty("bracke", db => db.Requests.CountAsync()));
    }

    [PostgresFact]
    public async Task Register_ReceivedInTheFuture_NoRights_ProtectedIdentityWithAddress_AreRefused()
    {
        var result = await AsParty("bracke", async sp =>
        {
            var input = await InputAsync(sp, null, DateTimeOffset.UtcNow.AddDays(2)) with { Rights = DataSubjectRights.None, ProtectedIdentity = true };
            return await sp.GetRequiredService<RegisterRequest>().RunAsync(input, default);
        });
        Assert.Null(result.Value);
        Assert.Equal(["PostalAddress", "ReceivedAt", "Rights"], result.ErrorsByField().Keys.Order());
    }
}
