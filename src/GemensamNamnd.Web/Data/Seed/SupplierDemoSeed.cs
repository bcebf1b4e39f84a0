using GemensamNamnd.Web.Features.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>The suppliers most Swedish municipalities and regions share, as committee-wide master data.</summary>
public static class SupplierDemoSeed
{
    public static readonly IReadOnlyList<(string Name, string OrganisationNumber, string Country)> Suppliers =
    [
        ("Inera AB", "556559-4230", "SE"),
        ("Microsoft Ireland Operations Ltd", "IE256796", "IE"),
        ("Tietoevry Sweden AB", "556304-7041", "SE"),
        ("Visma Enterprise AB", "556541-0133", "SE"),
        ("Cambio Healthcare Systems AB", "556566-3469", "SE"),
        ("IST Group AB", "556483-8739", "SE"),
        ("Formpipe Software AB", "556668-6605", "SE"),
    ];

    /// <summary>Which demo system each supplier runs (by the system's name).</summary>
    public static readonly IReadOnlyDictionary<string, string> SystemSuppliers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Ärendehanteringssystemet (diariet)"] = "Formpipe Software AB",
        ["E-arkivet"] = "Formpipe Software AB",
        ["Verksamhetssystem socialtjänst"] = "Tietoevry Sweden AB",
        ["Skolplattformen"] = "IST Group AB",
        ["E-post och kalender"] = "Microsoft Ireland Operations Ltd",
        ["Löne- och personalsystemet"] = "Visma Enterprise AB",
        ["Journalsystemet"] = "Cambio Healthcare Systems AB",
        ["1177 e-tjänster"] = "Inera AB",
    };

    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Suppliers.Select(s => s.Name).ToListAsync(cancellationToken);
        db.Suppliers.AddRange(Suppliers.Where(s => !existing.Contains(s.Name))
            .Select(s => new Supplier { Name = s.Name, OrganisationNumber = s.OrganisationNumber, Country = s.Country }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
