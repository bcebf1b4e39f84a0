using System.Security.Cryptography;
using System.Text;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// Demo users (each role, several parties, one DPO serving three parties) and each party's controllers, for the
/// embedded run and the tests. Demo Entra tenant ids are derived from the slug, so they are stable across runs.
/// Demo cases in the registers follow unless <c>Demo:Cases</c> is false (the tests make their own).
/// </summary>
public sealed class DemoSeed(AppDbContext db, PartyScope partyScope, IConfiguration configuration, RequestDemoSeed requests, TimeProvider clock)
{
    public sealed record DemoUser(string Key, string Name, string HomeParty, (string Party, PartyRole Role)[] Memberships, bool GlobalAdministrator = false, bool EStrategist = false)
    {
        public Guid ObjectId => DemoGuid("oid:" + Key);
        public Guid PartyId => DemoTenantId(HomeParty);
    }

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("anna", "Anna Andersson", "ostersund", [("ostersund", PartyRole.Handlaggare)]),
        new("bo", "Bo Berglund", "ostersund", [("ostersund", PartyRole.Dataskyddsombud), ("krokom", PartyRole.Dataskyddsombud), ("are", PartyRole.Dataskyddsombud)]),
        new("cecilia", "Cecilia Claesson", "ostersund", [("ostersund", PartyRole.Administrator)]),
        new("david", "David Dahl", "berg", [("berg", PartyRole.Handlaggare), ("berg", PartyRole.Administrator)]),
        new("eva", "Eva Ek", "region-jh", [("region-jh", PartyRole.Dataskyddsombud), ("region-jh", PartyRole.Handlaggare)]),
        new("fredrik", "Fredrik Falk", "bracke", [("bracke", PartyRole.Dataskyddsombud), ("ragunda", PartyRole.Dataskyddsombud), ("stromsund", PartyRole.Handlaggare)]),
        new("greta", "Greta Gustafsson", "harjedalen", [("harjedalen", PartyRole.Handlaggare), ("harjedalen", PartyRole.Dataskyddsombud)]),
        new("stina", "Stina Strand (e-strateg)", "region-jh", [], EStrategist: true),
        new("admin", "Göran Global (administratör)", "region-jh", [], GlobalAdministrator: true),
    ];

    private static readonly string[] MunicipalControllers =
        ["Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden", "Miljö- och byggnämnden", "Kultur- och fritidsnämnden"];

    private static readonly string[] RegionControllers =
        ["Regionstyrelsen", "Hälso- och sjukvårdsnämnden", "Regionala utvecklingsnämnden", "Patientnämnden"];

    public static Guid DemoTenantId(string slug) => DemoGuid("tid:" + slug);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var parties = await db.Parties.ToListAsync(cancellationToken);
        foreach (var party in parties)
        {
            var tid = DemoTenantId(party.Slug);
            if (!party.EntraTenantIds.Contains(tid))
            {
                party.EntraTenantIds = [.. party.EntraTenantIds, tid];
            }
        }

        var bySlug = parties.ToDictionary(p => p.Slug);
        var existing = await db.Users.Select(u => u.EntraObjectId).ToListAsync(cancellationToken);
        foreach (var demo in Users.Where(u => !existing.Contains(u.ObjectId)))
        {
            db.Users.Add(new AppUser
            {
                EntraTenantId = demo.PartyId,
                EntraObjectId = demo.ObjectId,
                DisplayName = demo.Name,
                Email = $"{demo.Key}@demo.gemensamnamnd.se",
                IsGlobalAdministrator = demo.GlobalAdministrator,
                IsEStrategist = demo.EStrategist,
                Memberships = [.. demo.Memberships.Select(m => new Membership { PartyId = bySlug[m.Party].Id, Role = m.Role })],
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var party in parties)
        {
            await partyScope.RunAsync(party.Id, async sp =>
            {
                var partyDb = sp.GetRequiredService<AppDbContext>();
                if (await partyDb.DataControllers.AnyAsync(cancellationToken))
                {
                    return;
                }

                var names = party.Kind == PartyKind.Region ? RegionControllers : MunicipalControllers;
                partyDb.DataControllers.AddRange(names.Select(n => new DataController { Name = n, Kind = DataControllerKind.Namnd }));
                if (party.Kind == PartyKind.Kommun)
                {
                    partyDb.DataControllers.Add(new DataController { Name = $"{party.Name.Replace(" kommun", string.Empty, StringComparison.Ordinal)} Vatten AB", Kind = DataControllerKind.Bolag });
                }

                await partyDb.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }

        await SupplierDemoSeed.EnsureAsync(db, cancellationToken);
        await DpoDemoSeed.EnsureAsync(db, partyScope, cancellationToken);
        await BreachDemoSeed.EnsureAsync(partyScope, parties, cancellationToken);

        if (configuration.GetValue("Demo:Cases", true))
        {
            await requests.EnsureAsync(parties, cancellationToken);
            await MaturityDemoSeed.EnsureAsync(db, partyScope, cancellationToken);
            await ProcessingDemoSeed.EnsureAsync(partyScope, parties, clock, cancellationToken);
            await ProcessorDemoSeed.EnsureAsync(partyScope, parties, clock, cancellationToken);
        }
    }

    private static Guid DemoGuid(string value)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("gemensamnamnd-demo:" + value));
        return new Guid(hash.AsSpan(0, 16));
    }
}
