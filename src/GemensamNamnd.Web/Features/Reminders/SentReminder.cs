using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>
/// The reminder ledger: one row per reminder ever sent, unique on (party, subject, kind, threshold) and written in the
/// same transaction as its outbox mails. A rerun, a retried or duplicated job, a crash or a second server therefore
/// never sends a reminder twice, and losing the job store loses nothing (the next sweep derives the same keys).
/// </summary>
public sealed class SentReminder : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid SubjectId { get; init; }

    public required string Kind { get; init; }

    public int Threshold { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>How many mails (outbox rows) it produced; zero when the party has no recipient with an address.</summary>
    public int Mails { get; init; }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("sent_reminders");
        b.Property(r => r.Kind).HasMaxLength(60);
        b.HasIndex(r => new { r.PartyId, r.SubjectId, r.Kind, r.Threshold }).IsUnique();
    }
}
