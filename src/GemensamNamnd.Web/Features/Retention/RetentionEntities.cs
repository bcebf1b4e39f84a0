using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>
/// A hold (gallringsstopp) on one closed case, e.g. while an appeal or a complaint to IMY is open: the retention job
/// skips the case until the hold is removed. Removing it deletes the row (the audit trail keeps who and when).
/// </summary>
public sealed class RetentionHold : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public RetentionRegister Register { get; init; }

    public Guid CaseId { get; init; }

    public required string CaseNumber { get; init; }

    public required string Reason { get; init; }

    /// <summary>The staff member who placed it (display name).</summary>
    public required string PlacedBy { get; init; }

    public DateTimeOffset PlacedAt { get; init; }
}

/// <summary>
/// One case thinned or deleted: which case number, which rule, when. It holds no personal data, so it stays when the
/// case is gone (the plan's own record of what was thinned). Append-only for the application role.
/// </summary>
public sealed class RetentionLogEntry : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public RetentionRegister Register { get; init; }

    /// <summary>The case's id: the idempotency key (a thinned case is never thinned again).</summary>
    public Guid CaseId { get; init; }

    public required string CaseNumber { get; init; }

    public RetentionAction Action { get; init; }

    /// <summary>The rule in words at the time, e.g. "Begäranden: gallras 24 månader efter avslut".</summary>
    public required string Rule { get; init; }

    public DateOnly ClosedOn { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>"system:ostersund" for the nightly job, else the user who pressed "Gallra nu".</summary>
    public required string ActorName { get; init; }
}

internal sealed class RetentionHoldConfiguration : IEntityTypeConfiguration<RetentionHold>
{
    public void Configure(EntityTypeBuilder<RetentionHold> b)
    {
        b.ToTable("retention_holds");
        b.Property(x => x.Register).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        b.Property(x => x.PlacedBy).HasMaxLength(Limits.Name);
        b.HasIndex(x => new { x.PartyId, x.Register, x.CaseId }).IsUnique();
    }
}

internal sealed class RetentionLogEntryConfiguration : IEntityTypeConfiguration<RetentionLogEntry>
{
    public void Configure(EntityTypeBuilder<RetentionLogEntry> b)
    {
        b.ToTable("retention_log");
        b.Property(x => x.Register).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Property(x => x.Rule).HasMaxLength(Limits.Reason);
        b.Property(x => x.ActorName).HasMaxLength(Limits.Name);
        // The last guard against thinning twice: two concurrent runs cannot both log the same case.
        b.HasIndex(x => new { x.PartyId, x.Register, x.CaseId }).IsUnique();
        b.HasIndex(x => new { x.PartyId, x.At });
    }
}
