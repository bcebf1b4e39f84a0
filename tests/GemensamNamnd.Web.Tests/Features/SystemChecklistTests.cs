using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>The checklist of systems searched and the assignment of an officer, on PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class SystemChecklistTests(AppFactory app)
{
    private async Task<T> AsParty<T>(string slug, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync(slug, default);
        return await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, work);
    }

    private async Task<(DataSubjectRequest Request, List<Guid> Systems)> ArrangeAsync(string slug)
    {
        return await AsParty(slug, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var systems = new[] { $"Diariet {suffix}", $"Skolplattformen {suffix}" }.Select(n => new PartySystem { Name = n }).ToList();
            db.PartySystems.AddRange(systems);
            await db.SaveChangesAsync();
            var controller = await db.DataControllers.FirstAsync(c => c.IsActive);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(
                new RegisterRequestInput(DateTimeOffset.UtcNow.AddDays(-1), RequestChannel.Email, controller.Id, DataSubjectRights.Access,
                    "Checklista Testsson", null, null, null, false, null), default);
            Assert.Empty(registered.Errors);
            var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == registered.Value!.Id);
            return (request, systems.Select(s => s.Id).ToList());
        });
    }

    [PostgresFact]
    public async Task Marks_AreStored_Changed_Cleared_WithOneEventEach_AndTheVersionMoves()
    {
        var (r, systems) = await ArrangeAsync("ostersund");
        var first = await AsParty("ostersund", sp => sp.GetRequiredService<SaveSystemSearches>().RunAsync(r.Id, r.Version,
            new Dictionary<Guid, SystemSearchResult?> { [systems[0]] = SystemSearchResult.DataFound, [systems[1]] = SystemSearchResult.NoData }));
        Assert.True(first.Ok, string.Join(" ", first.Errors.Select(e => e.Message)));
        Assert.NotEqual(r.Version, first.Value!.Version);

        var second = await AsParty("ostersund", sp => sp.GetRequiredService<SaveSystemSearches>().RunAsync(r.Id, first.Value.Version,
            new Dictionary<Guid, SystemSearchResult?> { [systems[0]] = SystemSearchResult.DataFound, [systems[1]] = null }));
        Assert.True(second.Ok);

        var (lines, events) = await AsParty("ostersund", async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.SystemSearches.AsNoTracking().Where(s => s.RequestId == r.Id).ToListAsync(),
                await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == r.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
        });
        var line = Assert.Single(lines);
        Assert.Equal(systems[0], line.SystemId);
        Assert.Equal(SystemSearchResult.DataFound, line.Result);
        Assert.Equal(3, events.Count);
        Assert.Contains("uppgifter finns", events[1].Text, StringComparison.Ordinal);
        Assert.Contains("(ej sökt)", events[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Diariet", events[2].Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AStaleVersion_OrAnotherPartysSystem_StoresNothing()
    {
        var (r, systems) = await ArrangeAsync("ostersund");
        var (_, otherSystems) = await ArrangeAsync("krokom");

        var foreign = await AsParty("ostersund", sp => sp.GetRequiredService<SaveSystemSearches>().RunAsync(r.Id, r.Version,
            new Dictionary<Guid, SystemSearchResult?> { [otherSystems[0]] = SystemSearchResult.NoData }));
        Assert.Equal(CommandStatus.Invalid, foreign.Status);
        Assert.Contains("finns inte i partens lista", foreign.ErrorsByField()["Systems"][0], StringComparison.Ordinal);

        var stale = await AsParty("ostersund", sp => sp.GetRequiredService<SaveSystemSearches>().RunAsync(r.Id, Guid.NewGuid(),
            new Dictionary<Guid, SystemSearchResult?> { [systems[0]] = SystemSearchResult.NoData }));
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.Equal(CommandMessages.Conflict, stale.ErrorsByField()["Version"][0]);

        var stored = await AsParty("ostersund", sp => sp.GetRequiredService<AppDbContext>().SystemSearches.CountAsync(s => s.RequestId == r.Id));
        Assert.Equal(0, stored);
    }

    [PostgresFact]
    public async Task Assign_AcceptsOnlyThePartysOfficers()
    {
        var (r, _) = await ArrangeAsync("ostersund");
        var (anna, cecilia) = await AsParty("ostersund", async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Users.SingleAsync(u => u.DisplayName == "Anna Andersson"), await db.Users.SingleAsync(u => u.DisplayName == "Cecilia Claesson"));
        });

        // Cecilia is administrator, not an officer: she cannot be given a case.
        var refused = await AsParty("ostersund", sp => sp.GetRequiredService<AssignRequest>().RunAsync(r.Id, r.Version, cecilia.Id));
        Assert.Equal(CommandStatus.Invalid, refused.Status);

        var assigned = await AsParty("ostersund", sp => sp.GetRequiredService<AssignRequest>().RunAsync(r.Id, r.Version, anna.Id));
        Assert.True(assigned.Ok);
        Assert.Equal(anna.Id, assigned.Value!.AssignedOfficerId);

        // Anna is no officer in Krokom: a Krokom case cannot be hers.
        var (k, _) = await ArrangeAsync("krokom");
        var elsewhere = await AsParty("krokom", sp => sp.GetRequiredService<AssignRequest>().RunAsync(k.Id, k.Version, anna.Id));
        Assert.Equal(CommandStatus.Invalid, elsewhere.Status);
    }

    [PostgresFact]
    public async Task EditDetails_ChangesTheFacts_NamesWhatChanged_AndBadInputStoresNothing()
    {
        var (r, _) = await ArrangeAsync("ostersund");
        var details = new RequestDetails(r.ControllerId, DataSubjectRights.Access | DataSubjectRights.Erasure, "Rättad Rättesson", "ratt@example.se", "Kyrkgatan 2", false, "Ringde och rättade namnet.");
        var bad = await AsParty("ostersund", sp => sp.GetRequiredService<EditRequestDetails>().RunAsync(r.Id, r.Version,
            details with { Email = "inte-en-adress", Rights = DataSubjectRights.None }));
        Assert.Equal(CommandStatus.Invalid, bad.Status);
        Assert.Equal("E-postadressen är inte giltig.", bad.ErrorsByField()["Email"][0]);
        Assert.Contains("Rights", bad.ErrorsByField().Keys);

        var edited = await AsParty("ostersund", sp => sp.GetRequiredService<EditRequestDetails>().RunAsync(r.Id, r.Version, details));
        Assert.True(edited.Ok, string.Join(" ", edited.Errors.Select(e => e.Message)));

        // Marking skyddad identitet drops the stored address, whatever the form sent.
        var shielded = await AsParty("ostersund", sp => sp.GetRequiredService<EditRequestDetails>().RunAsync(r.Id, edited.Value!.Version,
            details with { ProtectedIdentity = true, PostalAddress = null }));
        Assert.True(shielded.Ok);

        var (stored, events) = await AsParty("ostersund", async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Requests.AsNoTracking().SingleAsync(x => x.Id == r.Id),
                await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == r.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
        });
        Assert.Equal("Rättad Rättesson", stored.RequesterName);
        Assert.Equal(DataSubjectRights.Access | DataSubjectRights.Erasure, stored.Rights);
        Assert.True(stored.ProtectedIdentity);
        Assert.Null(stored.PostalAddress);
        Assert.Equal(3, events.Count);
        Assert.Equal("Uppgifter ändrade: rättigheter, namn, e-post, postadress, anteckningar.", events[1].Text);
        Assert.DoesNotContain("Rättesson", events[1].Text, StringComparison.Ordinal);
        Assert.Equal("Uppgifter ändrade: postadress, skyddad identitet.", events[2].Text);
    }
}
