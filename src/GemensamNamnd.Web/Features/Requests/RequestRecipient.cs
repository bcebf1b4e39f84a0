using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// A recipient to whom the data subject's personal data were disclosed, and whether it has been told of the
/// rectification, erasure or restriction carried out (Art. 19; <see cref="RecipientNotification"/>). Usually another
/// authority or a company, so the name is not thinned; the note may name people and is.
/// </summary>
public sealed class RequestRecipient : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid RequestId { get; init; }

    /// <summary>E.g. "Försäkringskassan", "Socialnämnden i Krokoms kommun".</summary>
    public required string Name { get; set; }

    /// <summary>When the data were disclosed to it, where known.</summary>
    public DateOnly? DisclosedOn { get; set; }

    public RecipientNoticeState State { get; set; }

    public DateOnly? ToldOn { get; set; }

    /// <summary>How it was told, e.g. "brev", "säker e-post", "i verksamhetssystemets integration".</summary>
    public string? ToldHow { get; set; }

    public RecipientExemption? Exemption { get; set; }

    /// <summary>The reasons of an exemption, or a note to the notice.</summary>
    [PersonalData]
    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

internal sealed class RequestRecipientConfiguration : IEntityTypeConfiguration<RequestRecipient>
{
    public void Configure(EntityTypeBuilder<RequestRecipient> b)
    {
        b.ToTable("request_recipients");
        b.Property(x => x.Name).HasMaxLength(RecipientNotification.NameLimit);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ToldHow).HasMaxLength(RecipientNotification.NameLimit);
        b.Property(x => x.Exemption).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Note).HasMaxLength(RecipientNotification.NoteLimit);
        b.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PartyId, x.RequestId });
    }
}
