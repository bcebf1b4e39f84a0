using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// The committee's nine parties. Idempotent: adds a party whose slug is missing, never overwrites edits.
/// Organisation numbers are those published by the parties themselves; where none could be verified it is left empty
/// for the administrator to enter, rather than guessed.
/// </summary>
public sealed class PartySeed(AppDbContext db)
{
    public static readonly IReadOnlyList<Party> Parties =
    [
        New("region-jh", "Region Jämtland Härjedalen", PartyKind.Region, "232100-0214", "RS"),
        New("berg", "Bergs kommun", PartyKind.Kommun, "212000-2502", "KS"),
        New("bracke", "Bräcke kommun", PartyKind.Kommun, null, "KS"),
        New("harjedalen", "Härjedalens kommun", PartyKind.Kommun, "212000-2510", "KS"),
        New("krokom", "Krokoms kommun", PartyKind.Kommun, null, "KS"),
        New("ragunda", "Ragunda kommun", PartyKind.Kommun, null, "KS"),
        New("stromsund", "Strömsunds kommun", PartyKind.Kommun, "212000-2486", "KS"),
        New("are", "Åre kommun", PartyKind.Kommun, null, "KS"),
        New("ostersund", "Östersunds kommun", PartyKind.Kommun, "212000-2528", "KS"),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Parties.Select(p => p.Slug).ToListAsync(cancellationToken);
        foreach (var party in Parties.Where(p => !existing.Contains(p.Slug)))
        {
            db.Parties.Add(new Party
            {
                Slug = party.Slug,
                Name = party.Name,
                Kind = party.Kind,
                OrganisationNumber = party.OrganisationNumber,
                Settings = new PartySettings { CaseNumberPrefix = party.Settings.CaseNumberPrefix },
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Party New(string slug, string name, PartyKind kind, string? organisationNumber, string prefix) => new()
    {
        Slug = slug,
        Name = name,
        Kind = kind,
        OrganisationNumber = organisationNumber,
        Settings = new PartySettings { CaseNumberPrefix = prefix },
    };
}
