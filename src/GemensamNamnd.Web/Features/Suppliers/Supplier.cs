using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Suppliers;

/// <summary>
/// A supplier (leverantör) that may act as processor (personuppgiftsbiträde, Art. 28) for the parties: committee-wide
/// master data like the DPO persons, so there is one Inera and one Microsoft however many parties use them. What a
/// party has agreed with a supplier is party-owned; the supplier itself holds no personal data.
/// </summary>
public sealed class Supplier
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Organisationsnummer, or the foreign equivalent.</summary>
    public string? OrganisationNumber { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country of establishment, e.g. <c>SE</c>, <c>IE</c>.</summary>
    public string Country { get; set; } = "SE";

    public bool IsActive { get; set; } = true;
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.ToTable("suppliers");
        b.Property(s => s.Name).HasMaxLength(Limits.Name);
        b.Property(s => s.OrganisationNumber).HasMaxLength(32);
        b.Property(s => s.Country).HasMaxLength(2);
        b.HasIndex(s => s.Name).IsUnique();
    }
}
