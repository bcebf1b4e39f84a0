using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (again, after <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>A reminder for a user who wants one daily digest: folded into it at 07:00 Swedish time.</summary>
    Held,

    /// <summary>Folded into a digest message (<see cref="OutboxMessage.DigestId"/>); never sent by itself.</summary>
    Digested,

    Sent,

    /// <summary>Gave up after the last attempt; listed for administrators, who can send it again.</summary>
    Failed,
}

/// <summary>
/// One mail to one recipient, written in the same transaction as the change that causes it and sent later by
/// <see cref="OutboxDispatcher"/>. A global table (not party-owned, no row-level security) so that one dispatcher serves
/// every party; it therefore holds no citizen data — only staff addresses, case numbers, deadlines and links.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The party the mail is about (its from-address and digest); null for global notices.</summary>
    public Guid? PartyId { get; init; }

    public required string To { get; init; }

    public required string From { get; init; }

    public string? FromName { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public required string HtmlBody { get; init; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Not before this instant: backoff after a failure.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>For <see cref="OutboxStatus.Held"/>: the digest it waits for (07:00 Swedish time).</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>For <see cref="OutboxStatus.Digested"/>: the digest message that carried it.</summary>
    public Guid? DigestId { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The SMTP server's reply to the accepted message (or the pickup file name).</summary>
    public string? ServerReply { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// A mail about one party, from the party's own address when it has set one; held for the daily digest when
    /// <paramref name="holdUntil"/> is given. The one way every feature writes a party's mail.
    /// </summary>
    public static OutboxMessage ForParty(Party party, MailOptions mail, string to, (string Subject, string Text, string Html) content, DateTimeOffset now, DateTimeOffset? holdUntil = null) => new()
    {
        PartyId = party.Id,
        To = to,
        From = string.IsNullOrWhiteSpace(party.Settings.MailFrom) ? mail.From : party.Settings.MailFrom,
        FromName = $"GemensamNamnd – {party.Name}",
        Subject = content.Subject,
        TextBody = content.Text,
        HtmlBody = content.Html,
        CreatedAt = now,
        NextAttemptAt = holdUntil ?? now,
        HoldUntil = holdUntil,
        Status = holdUntil is null ? OutboxStatus.Pending : OutboxStatus.Held,
    };

    /// <summary>Stable across retries, so a receiving server can drop a duplicate after a crash between send and mark.</summary>
    public string MessageId(string fromAddress) =>
        $"{Id:N}@{(fromAddress.Split('@') is [_, var domain] && domain.Length > 0 ? domain : "gemensamnamnd.local")}";
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.To).HasMaxLength(Limits.Email);
        b.Property(m => m.From).HasMaxLength(Limits.Email);
        b.Property(m => m.FromName).HasMaxLength(Limits.Name);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.ServerReply).HasMaxLength(1000);
        b.Property(m => m.LastError).HasMaxLength(2000);
        // The dispatcher's claim: due pending rows in order; the party job's digest: a party's held rows. Partial, so that
        // they hold only the rows still to go: marking a row sent then writes no entry into either (the heap and the
        // key only), and neither grows with the mails already sent.
        b.HasIndex(m => m.NextAttemptAt, "ix_outbox_messages_pending").HasFilter("status = 'Pending'");
        b.HasIndex(m => new { m.PartyId, m.HoldUntil }, "ix_outbox_messages_held").HasFilter("status = 'Held'");
    }
}
