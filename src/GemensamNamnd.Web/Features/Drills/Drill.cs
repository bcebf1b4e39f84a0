using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>A test of the party's incident routine (övning av incidentrutinen), Art. 32(1)(d).</summary>
public sealed class Drill : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Scenario { get; set; }

    /// <summary>Who took part (staff names or functions).</summary>
    [PersonalData]
    public required string Participants { get; set; }

    public string? Findings { get; set; }

    /// <summary>Follow-up actions and their status.</summary>
    public List<DrillAction> Actions { get; set; } = [];

    public Guid Version { get; set; }
}

public sealed class DrillAction
{
    public required string Text { get; set; }

    public bool Done { get; set; }
}

internal sealed class DrillConfiguration : IEntityTypeConfiguration<Drill>
{
    public void Configure(EntityTypeBuilder<Drill> b)
    {
        b.ToTable("drills");
        b.Property(x => x.Scenario).HasMaxLength(Limits.Reason);
        b.Property(x => x.Participants).HasMaxLength(Limits.Reason);
        b.Property(x => x.Findings).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Actions, a => a.ToJson());
        b.HasIndex(x => new { x.PartyId, x.HeldOn });
    }
}
