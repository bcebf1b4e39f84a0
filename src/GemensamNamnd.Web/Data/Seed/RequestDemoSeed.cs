using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// A handful of requests per party in different states (new, in handling, overdue, extended, answered, skyddad
/// identitet) and each party's systems, so a new user of the embedded run sees the register working. They go through
/// the same services as the forms, so deadlines, events and the audit trail are real. Test numbers only.
/// </summary>
public sealed class RequestDemoSeed(PartyScope partyScope, TimeProvider clock)
{
    private static readonly string[] MunicipalSystems =
        ["Ärendehanteringssystemet (diariet)", "Verksamhetssystem socialtjänst", "Skolplattformen", "E-post och kalender", "E-arkivet", "Löne- och personalsystemet"];

    private static readonly string[] RegionSystems =
        ["Journalsystemet", "Ärendehanteringssystemet (diariet)", "1177 e-tjänster", "E-post och kalender", "E-arkivet", "Löne- och personalsystemet"];

    /// <summary>(days ago, name, personnummer, rights, channel, what happens next).</summary>
    private static readonly (int DaysAgo, string Name, string? Number, DataSubjectRights Rights, RequestChannel Channel, string Path)[] Cases =
    [
        (2, "Karin Lindqvist", "19850612-2343", DataSubjectRights.Access, RequestChannel.EService, "new"),
        (12, "Per-Olof Jonsson", "19920304-5571", DataSubjectRights.Access | DataSubjectRights.Rectification, RequestChannel.Letter, "handling"),
        (40, "Maja Sundberg", null, DataSubjectRights.Erasure, RequestChannel.Email, "overdue"),
        (25, "Leif Nilsson", "19760921-3389", DataSubjectRights.Access, RequestChannel.EService, "extended"),
        (50, "Amina Hassan", "19670101-8886", DataSubjectRights.Access, RequestChannel.Visit, "answered"),
        (4, "Tove Skyddsson", "19121212-1212", DataSubjectRights.Access, RequestChannel.Letter, "protected"),
    ];

    public async Task EnsureAsync(IReadOnlyList<Party> parties, CancellationToken cancellationToken)
    {
        foreach (var party in parties.Where(p => p.IsActive))
        {
            await partyScope.RunAsync(party.Id, sp => SeedPartyAsync(sp, party, cancellationToken), cancellationToken);
        }
    }

    private async Task SeedPartyAsync(IServiceProvider sp, Party party, CancellationToken cancellationToken)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Requests.AnyAsync(cancellationToken))
        {
            return;
        }

        if (!await db.PartySystems.AnyAsync(cancellationToken))
        {
            var names = party.Kind == PartyKind.Region ? RegionSystems : MunicipalSystems;
            var suppliers = await db.Suppliers.ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
            db.PartySystems.AddRange(names.Select(n => new PartySystem
            {
                Name = n,
                SupplierId = SupplierDemoSeed.SystemSuppliers.TryGetValue(n, out var supplier) && suppliers.TryGetValue(supplier, out var id) ? id : null,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        var controller = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync(cancellationToken);
        var officers = await sp.GetRequiredService<RequestOfficers>().ListAsync(cancellationToken);
        var systems = await db.PartySystems.OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        foreach (var (daysAgo, name, number, rights, channel, path) in Cases)
        {
            var local = Swedish.ToLocal(now).Date.AddDays(-daysAgo).AddHours(9).AddMinutes(30);
            var received = new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local));
            var protectedIdentity = path == "protected";
            var input = new RegisterRequestInput(received, channel, controller, rights, name, number,
                protectedIdentity ? null : $"{name.Split(' ')[0].ToLowerInvariant()}@example.se",
                protectedIdentity || channel != RequestChannel.Letter ? null : "Storgatan 1\n831 30 Östersund",
                protectedIdentity, null);
            var registered = await sp.GetRequiredService<RegisterRequest>().RunAsync(input, cancellationToken);
            if (!registered.Ok)
            {
                throw new InvalidOperationException("Demodata kunde inte registreras: " + string.Join(" ", registered.Errors.Select(e => e.Message)));
            }

            await FollowAsync(sp, registered.Value!.Id, path, officers, systems, received, cancellationToken);
        }
    }

    /// <summary>Moves one demo case along its path through the same rules as the case page.</summary>
    private static async Task FollowAsync(
        IServiceProvider sp, Guid id, string path, List<(Guid Id, string Name)> officers, List<Guid> systems, DateTimeOffset received, CancellationToken ct)
    {
        var assign = sp.GetRequiredService<AssignRequest>();
        var move = sp.GetRequiredService<MoveRequest>();
        var searches = sp.GetRequiredService<SaveSystemSearches>();
        var extend = sp.GetRequiredService<ExtendRequest>();
        var answer = sp.GetRequiredService<AnswerRequest>();
        var db = sp.GetRequiredService<AppDbContext>();
        async Task<Guid> VersionAsync() => await db.Requests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).FirstAsync(ct);
        async Task Step(Func<Guid, Task<CommandResult<DataSubjectRequest>>> run)
        {
            var result = await run(await VersionAsync());
            if (!result.Ok)
            {
                throw new InvalidOperationException("Demodata: " + string.Join(" ", result.Errors.Select(e => e.Message)));
            }
        }

        var officer = officers.Count > 0 ? officers[0].Id : (Guid?)null;
        var receivedOn = Swedish.Date(received);
        switch (path)
        {
            case "handling":
            case "overdue":
                await Step(v => assign.RunAsync(id, v, officer, ct));
                await Step(v => move.RunAsync(id, v, RequestStatus.InProgress, ct));
                await Step(v => searches.RunAsync(id, v, systems.Take(2).ToDictionary(s => s, s => (SystemSearchResult?)SystemSearchResult.NoData), ct));
                break;
            case "extended":
                await Step(v => assign.RunAsync(id, v, officer, ct));
                await Step(v => move.RunAsync(id, v, RequestStatus.InProgress, ct));
                await Step(v => extend.RunAsync(id, v, "Begäran omfattar uppgifter i sex system, däribland e-arkivet, och kräver sekretessprövning av varje handling.", receivedOn.AddDays(10), ct));
                break;
            case "answered":
                await Step(v => assign.RunAsync(id, v, officer, ct));
                await Step(v => move.RunAsync(id, v, RequestStatus.InProgress, ct));
                await Step(v => searches.RunAsync(id, v, systems.ToDictionary(s => s, s => (SystemSearchResult?)(s == systems[0] ? SystemSearchResult.DataFound : SystemSearchResult.NoData)), ct));
                await Step(v => answer.RunAsync(id, v, receivedOn.AddDays(18), AnswerDelivery.SecureEmail, "Demodata: svaret är sammanställt av registraturen.", ct));
                break;
            case "protected":
                await Step(v => assign.RunAsync(id, v, officer, ct));
                break;
        }
    }
}
