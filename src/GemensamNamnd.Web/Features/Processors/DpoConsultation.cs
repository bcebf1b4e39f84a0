using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// One entry in the DPO's consultation log (rådgivningslogg), Art. 38(1) and 39(1)(a): a controller asked the DPO about
/// something, the DPO advised, and the controller followed the advice or not (and why). Whether the DPO was asked in good
/// time — before the decision was taken — is <see cref="ConsultationRules.InGoodTime"/>. Party-owned.
/// </summary>
public sealed class DpoConsultation : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid ControllerId { get; set; }

    public DateOnly AskedOn { get; set; }

    public required string Subject { get; set; }

    public string? Advice { get; set; }

    /// <summary>The day the controller took its decision in the matter, when it has.</summary>
    public DateOnly? DecidedOn { get; set; }

    public AdviceFollowed Followed { get; set; }

    /// <summary>Why the advice was not (fully) followed, or other notes on the outcome.</summary>
    public string? FollowedNote { get; set; }

    public Guid Version { get; set; }
}

internal sealed class DpoConsultationConfiguration : IEntityTypeConfiguration<DpoConsultation>
{
    public void Configure(EntityTypeBuilder<DpoConsultation> b)
    {
        b.ToTable("dpo_consultations");
        b.Property(x => x.Subject).HasMaxLength(Limits.Reason);
        b.Property(x => x.Advice).HasMaxLength(4000);
        b.Property(x => x.FollowedNote).HasMaxLength(Limits.Reason);
        b.Property(x => x.Followed).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Controllers.DataController>().WithMany().HasForeignKey(x => x.ControllerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PartyId, x.AskedOn });
    }
}
