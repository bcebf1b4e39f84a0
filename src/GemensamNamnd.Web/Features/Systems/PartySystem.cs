using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Systems;

/// <summary>
/// One of the party's IT systems (verksamhetssystem, e-arkiv, e-post …) that may hold personal data. The list is the
/// checklist an officer works through for a registerutdrag; a system no longer in use is deactivated, never deleted,
/// so the cases that name it keep their record.
/// </summary>
public sealed class PartySystem : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public required string Name { get; set; }

    /// <summary>What it holds or who owns it, e.g. "Elevregister, barn- och utbildningsnämnden".</summary>
    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The supplier that delivers or runs the system, when it is a processor for the party (Art. 28).</summary>
    public Guid? SupplierId { get; set; }
}

internal sealed class PartySystemConfiguration : IEntityTypeConfiguration<PartySystem>
{
    public void Configure(EntityTypeBuilder<PartySystem> b)
    {
        b.ToTable("party_systems");
        b.Property(s => s.Name).HasMaxLength(Limits.Name);
        b.Property(s => s.Description).HasMaxLength(500);
        b.HasIndex(s => new { s.PartyId, s.Name }).IsUnique();
        b.HasOne<Features.Suppliers.Supplier>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}
