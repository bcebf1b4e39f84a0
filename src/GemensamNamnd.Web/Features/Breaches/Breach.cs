using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// A personal data breach (personuppgiftsincident), documented whether reported or not (Art. 33(5)). The deadlines are
/// stored as computed when the facts are set — <see cref="ImyDeadlineAt"/> (72 h from awareness, Art. 33(1)) and
/// <see cref="SupplementDueOn"/> (four weeks from the first report, Art. 33(4)) — so lists, statistics and the reminder
/// sweep query stored state. It holds no personal data of the people affected: groups and counts only.
/// </summary>
public sealed class Breach : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    /// <summary>Diarienummer in the party's breach series, e.g. <c>KS 2026/0007</c>.</summary>
    public required string CaseNumber { get; init; }

    /// <summary>The personuppgiftsansvariga (nämnder, bolag) within the party; at least one.</summary>
    public List<Guid> ControllerIds { get; set; } = [];

    [PersonalData]
    public required string Title { get; set; }

    /// <summary>When it started; null when unknown.</summary>
    public DateTimeOffset? OccurredFrom { get; set; }

    public DateTimeOffset? OccurredTo { get; set; }

    public DateTimeOffset? DiscoveredAt { get; set; }

    /// <summary>When the party became aware (Art. 33(1)): the 72-hour clock starts here.</summary>
    public DateTimeOffset AwareAt { get; set; }

    public DateTimeOffset? CeasedAt { get; set; }

    /// <summary>Who reported it internally (a member of staff or a function, e.g. "IT-support").</summary>
    [PersonalData]
    public string? ReportedInternallyBy { get; set; }

    [PersonalData]
    public required string Description { get; set; }

    public BreachTypes Types { get; set; }

    public BreachCause Cause { get; set; }

    public string? Systems { get; set; }

    /// <summary>Groups of data subjects with approximate numbers.</summary>
    public List<AffectedGroup> Groups { get; set; } = [];

    public DataKinds DataKinds { get; set; }

    public int? ApproxRecords { get; set; }

    [PersonalData]
    public string? Consequences { get; set; }

    [PersonalData]
    public string? MeasuresTaken { get; set; }

    [PersonalData]
    public string? MeasuresProposed { get; set; }

    /// <summary>The party's contact for IMY's questions (staff, not an affected person).</summary>
    [PersonalData]
    public string? ContactName { get; set; }

    [PersonalData]
    public string? ContactDetails { get; set; }

    public RiskLevel? Risk { get; set; }

    [PersonalData]
    public string? RiskReasoning { get; set; }

    /// <summary>The decision: null until assessed.</summary>
    public bool? Reportable { get; set; }

    [PersonalData]
    public string? NotReportableReason { get; set; }

    public DateTimeOffset? AssessedAt { get; set; }

    /// <summary>Art. 34: whether the data subjects are to be told; null until decided.</summary>
    public bool? SubjectNoticeRequired { get; set; }

    [PersonalData]
    public string? SubjectNoticeNotRequiredReason { get; set; }

    public DateTimeOffset? SubjectNoticeSentAt { get; set; }

    public string? SubjectNoticeMethod { get; set; }

    /// <summary>
    /// The awareness time the report to IMY was made against, kept when <see cref="AwareAt"/> is corrected after the report
    /// (a reasoned event); null when never corrected.
    /// </summary>
    public DateTimeOffset? AwareAtAsReported { get; set; }

    /// <summary>Art. 33(1): <see cref="AwareAt"/> + 72 hours.</summary>
    public DateTimeOffset ImyDeadlineAt { get; set; }

    /// <summary>When the (first) report reached IMY.</summary>
    public DateTimeOffset? ReportedAt { get; set; }

    /// <summary>IMY's reference number (diarienummer), e.g. <c>IMY-2026-1234</c>.</summary>
    public string? ImyReference { get; set; }

    /// <summary>Reasons for a report after 72 hours (Art. 33(1)).</summary>
    [PersonalData]
    public string? LateReason { get; set; }

    /// <summary>Art. 33(4): the first supplement is due within four weeks of the first report.</summary>
    public DateOnly? SupplementDueOn { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public BreachStatus Status { get; set; } = BreachStatus.Registered;

    /// <summary>The party member who handles the breach (a handläggare or the DPO); null until assigned.</summary>
    public Guid? HandlerId { get; set; }

    /// <summary>
    /// Betydande incident enligt cybersäkerhetslagen (2025:1506): three reports to the CSIRT unit run beside IMY's 72 hours
    /// (NIS2 Art. 23(4)). The due instants are stored when the facts are set, like <see cref="ImyDeadlineAt"/>
    /// (<see cref="GemensamNamnd.Domain.Deadlines.CybersecurityClock"/>); null when not significant.
    /// </summary>
    public bool SignificantIncident { get; set; }

    /// <summary>Awareness + 24 hours (NIS2 Art. 23(4)(a)).</summary>
    public DateTimeOffset? EarlyWarningDueAt { get; set; }

    /// <summary>Awareness + 72 hours (NIS2 Art. 23(4)(b)).</summary>
    public DateTimeOffset? NotificationDueAt { get; set; }

    /// <summary>One month after the notification was sent (NIS2 Art. 23(4)(d)); null until it is.</summary>
    public DateTimeOffset? FinalReportDueAt { get; set; }

    public DateTimeOffset? EarlyWarningSentAt { get; set; }

    public DateTimeOffset? NotificationSentAt { get; set; }

    public DateTimeOffset? FinalReportSentAt { get; set; }

    /// <summary>Reported to the police (polisanmälan); null when not recorded.</summary>
    public bool? ReportedToPolice { get; set; }

    /// <summary>Reported to CERT-SE, voluntarily or under the cybersecurity act; null when not recorded.</summary>
    public bool? ReportedToCertSe { get; set; }

    /// <summary>The processor involved (<see cref="GemensamNamnd.Web.Features.Suppliers.Supplier"/>), if any.</summary>
    public Guid? SupplierId { get; set; }

    /// <summary>Affects data subjects in more than one member state (Art. 56, one-stop shop); null when not recorded.</summary>
    public bool? CrossBorder { get; set; }

    /// <summary>
    /// Who decided on notification: the controller decides (Art. 33, 24), the DPO advises (Art. 39); a function or
    /// a body, e.g. "Kommunstyrelsen genom förvaltningschef".
    /// </summary>
    public string? NotificationDecidedBy { get; set; }

    /// <summary>Lessons learned, written at closing.</summary>
    [PersonalData]
    public string? LessonsLearned { get; set; }

    /// <summary>The supplier incident this draft came from (<c>SupplierIncident</c>), if any.</summary>
    public Guid? SupplierIncidentId { get; set; }

    public Guid Version { get; set; }
}

/// <summary>One group of data subjects and about how many were affected.</summary>
public sealed class AffectedGroup
{
    public SubjectGroup Group { get; set; }

    public int? ApproxCount { get; set; }
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> b)
    {
        b.ToTable("breaches");
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(Limits.Name);
        b.Property(x => x.ReportedInternallyBy).HasMaxLength(Limits.Name);
        b.Property(x => x.Description).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.Systems).HasMaxLength(Limits.Reason);
        b.Property(x => x.Consequences).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.MeasuresTaken).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.MeasuresProposed).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.ContactName).HasMaxLength(Limits.Name);
        b.Property(x => x.ContactDetails).HasMaxLength(Limits.Reason);
        b.Property(x => x.RiskReasoning).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.NotReportableReason).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.SubjectNoticeNotRequiredReason).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.SubjectNoticeMethod).HasMaxLength(Limits.Reason);
        b.Property(x => x.ImyReference).HasMaxLength(100);
        b.Property(x => x.LateReason).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.Cause).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Risk).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.NotificationDecidedBy).HasMaxLength(Limits.Name);
        b.Property(x => x.LessonsLearned).HasMaxLength(BreachRules.TextLimit);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Groups, g =>
        {
            g.ToJson();
            g.Property(x => x.Group).HasConversion<string>();
        });
        // PartyId leads every index: per-party uniqueness, the list's filters and sort, the reminder sweep.
        b.HasIndex(x => new { x.PartyId, x.CaseNumber }).IsUnique();
        b.HasIndex(x => new { x.PartyId, x.Status, x.AwareAt });
        b.HasIndex(x => new { x.PartyId, x.ImyDeadlineAt });
        b.HasIndex(x => new { x.PartyId, x.SupplementDueOn });
        // One draft per party per supplier incident, however often (or on however many instances) the fan-out runs.
        b.HasIndex(x => new { x.PartyId, x.SupplierIncidentId }).IsUnique().HasFilter("supplier_incident_id IS NOT NULL");
        b.HasOne<Features.Suppliers.Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A supplement to the report (Art. 33(4)): when and what was added.</summary>
public sealed class BreachSupplement : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid BreachId { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Free text that may name people: personal data for the audit trail, thinned by retention.</summary>
    [PersonalData]
    public required string Text { get; init; }
}

internal sealed class BreachSupplementConfiguration : IEntityTypeConfiguration<BreachSupplement>
{
    public void Configure(EntityTypeBuilder<BreachSupplement> b)
    {
        b.ToTable("breach_supplements");
        b.Property(x => x.Text).HasMaxLength(BreachRules.TextLimit);
        b.HasOne<Breach>().WithMany().HasForeignKey(x => x.BreachId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PartyId, x.BreachId, x.SubmittedAt });
    }
}

/// <summary>One line in a breach's timeline.</summary>
public sealed class BreachEvent : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid BreachId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ActorName { get; init; }

    /// <summary>Free text that may name people: personal data for the audit trail, thinned by retention.</summary>
    [PersonalData]
    public required string Text { get; init; }
}

internal sealed class BreachEventConfiguration : IEntityTypeConfiguration<BreachEvent>
{
    public void Configure(EntityTypeBuilder<BreachEvent> b)
    {
        b.ToTable("breach_events");
        b.Property(e => e.ActorName).HasMaxLength(Limits.Name);
        b.Property(e => e.Text).HasMaxLength(BreachRules.TextLimit);
        b.HasOne<Breach>().WithMany().HasForeignKey(e => e.BreachId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.PartyId, e.BreachId, e.At });
    }
}
