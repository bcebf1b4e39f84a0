using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.SupplierIncidents;

/// <summary>
/// A breach at a supplier that several parties share (a school platform, a shared e-service): committee-level data
/// without personal data — the supplier, what happened, when the supplier knew, which parties are affected. Each affected
/// party gets a draft breach in its own register (party-owned, row-level security), with its own awareness time and its
/// own assessment: every controller's 72 hours run from its own awareness (EDPB Guidelines 9/2022 on breach notification).
/// </summary>
public sealed class SupplierIncident
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The supplier (<see cref="Suppliers.Supplier"/>).</summary>
    public Guid SupplierId { get; set; }

    /// <summary>A short heading, e.g. "Intrång i lärplattformen".</summary>
    public required string Title { get; set; }

    /// <summary>What happened, as the supplier tells it; no personal data.</summary>
    public required string Description { get; set; }

    /// <summary>When the supplier became aware (Art. 33(2): the processor tells the controller without undue delay).</summary>
    public DateTimeOffset SupplierAwareAt { get; set; }

    /// <summary>When the parties were told: each draft's awareness, until the party corrects its own.</summary>
    public DateTimeOffset PartiesToldAt { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>The affected parties; each gets a draft breach (<see cref="SupplierIncidentDrafts"/>).</summary>
    public List<Guid> PartyIds { get; set; } = [];
}

/// <summary>An update from the supplier, pushed onto every draft's timeline.</summary>
public sealed class SupplierIncidentUpdate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SupplierIncidentId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ActorName { get; init; }

    public required string Text { get; init; }
}

internal sealed class SupplierIncidentConfiguration : IEntityTypeConfiguration<SupplierIncident>
{
    public void Configure(EntityTypeBuilder<SupplierIncident> b)
    {
        b.ToTable("supplier_incidents");
        b.Property(x => x.Title).HasMaxLength(Limits.Name);
        b.Property(x => x.Description).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        b.HasOne<Suppliers.Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RecordedAt);
    }
}

internal sealed class SupplierIncidentUpdateConfiguration : IEntityTypeConfiguration<SupplierIncidentUpdate>
{
    public void Configure(EntityTypeBuilder<SupplierIncidentUpdate> b)
    {
        b.ToTable("supplier_incident_updates");
        b.Property(x => x.ActorName).HasMaxLength(Limits.Name);
        b.Property(x => x.Text).HasMaxLength(BreachRules.TextLimit);
        b.HasOne<SupplierIncident>().WithMany().HasForeignKey(x => x.SupplierIncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.SupplierIncidentId, x.At });
    }
}
