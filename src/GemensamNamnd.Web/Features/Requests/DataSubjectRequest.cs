using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// A data subject's request (registerutdrag, Art. 15, and the other rights, Art. 16–21). The deadlines are stored as
/// computed by the Domain rules when the clock starts or the case is extended, so lists filter and sort on them and the
/// reminders are derived from stored state.
/// </summary>
public sealed class DataSubjectRequest : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    /// <summary>Diarienummer, e.g. <c>KS 2026/0042</c>; unique per party, never reused.</summary>
    public required string CaseNumber { get; init; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>
    /// The received time as first registered, once it has been corrected ("Rätta", <see cref="Commands.CorrectRequest"/>);
    /// null while it never was. The deadline explanation shows both.
    /// </summary>
    public DateTimeOffset? OriginalReceivedAt { get; set; }

    /// <summary>
    /// The time of day of receipt was not known (a past day entered with "okänd"): <see cref="ReceivedAt"/> is the start of
    /// that Swedish day, and the explanation says so.
    /// </summary>
    public bool ReceivedTimeUnknown { get; set; }

    public RequestChannel Channel { get; set; }

    /// <summary>The personuppgiftsansvarig (nämnd or bolag) the request is addressed to.</summary>
    public Guid ControllerId { get; set; }

    public DataSubjectRights Rights { get; set; }

    [PersonalData]
    public required string RequesterName { get; set; }

    /// <summary>Personnummer or samordningsnummer, encrypted (Data Protection); never stored in plain text.</summary>
    [PersonalData]
    public string? PersonalNumberProtected { get; set; }

    /// <summary>Keyed hash (HMAC-SHA256) of the personnummer: finds the same person without decrypting.</summary>
    public string? PersonalNumberHash { get; set; }

    [PersonalData]
    public string? Email { get; set; }

    /// <summary>Never stored when <see cref="ProtectedIdentity"/> is set.</summary>
    [PersonalData]
    public string? PostalAddress { get; set; }

    /// <summary>Skyddad identitet: no address is kept, and only the DPO and the assigned officer can open the case.</summary>
    public bool ProtectedIdentity { get; set; }

    public DateTimeOffset? IdentityCheckAskedAt { get; set; }

    public DateTimeOffset? IdentityConfirmedAt { get; set; }

    /// <summary>How the identity was confirmed, in words (the route without e-legitimation, or the officer's note).</summary>
    public string? IdentityMethod { get; set; }

    /// <summary>The e-legitimation used (or "utan e-legitimation"); with its assurance level and time only (EDPB 01/2022 §§65, 74–79).</summary>
    public IdentityCheck? IdentityCheck { get; set; }

    public AssuranceLevel? IdentityAssurance { get; set; }

    /// <summary>
    /// The intake this case belongs to: one letter to the authority, one case per controller, all with the same time of
    /// receipt (<see cref="IntakeRules"/>). Cases registered together share it; null for cases from before intakes.
    /// </summary>
    public Guid? IntakeId { get; set; }

    /// <summary>Someone who asks for the data subject (the requester fields stay the data subject's); null when the subject asks.</summary>
    public RepresentativeKind? RepresentativeKind { get; set; }

    [PersonalData]
    public string? RepresentativeName { get; set; }

    /// <summary>How the representative's authority was checked ("kontrollerad"); never a copy of the document.</summary>
    [PersonalData]
    public string? RepresentativeCheckedHow { get; set; }

    public string? RepresentativeCheckedBy { get; set; }

    public DateTimeOffset? RepresentativeCheckedAt { get; set; }

    /// <summary>Skyddad identitet: how the answer was handed over, as the officer recorded it.</summary>
    public ProtectedHandOver? HandOver { get; set; }

    public DateTimeOffset? HandOverAt { get; set; }

    public string? HandOverBy { get; set; }

    public Guid? AssignedOfficerId { get; set; }

    public RequestStatus Status { get; set; } = RequestStatus.Registered;

    /// <summary>The day the one-month clock starts from (receipt, or confirmed identity where the party chose so).</summary>
    public DateOnly ClockStartOn { get; set; }

    /// <summary>
    /// The party's clock rule when the case was registered (receipt, Art. 12(3), or confirmed identity, Art. 12(6)). Kept
    /// with the case, like <see cref="EvesAreHolidays"/>: a later change of the party's settings applies to new cases only,
    /// and the case explains its deadline from what it was counted with.
    /// </summary>
    public DeadlineClockStart ClockRule { get; set; }

    /// <summary>Whether the deadlines were counted with midsommar-, jul- and nyårsafton as holidays (the party's calendar then).</summary>
    public bool EvesAreHolidays { get; set; }

    /// <summary>The calendar the deadlines were counted with.</summary>
    public PartyCalendar Calendar => new(EvesAreHolidays);

    /// <summary>Art. 12(3): one month from the clock start, counted per Reg. 1182/71 Art. 3 with the party's calendar.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Art. 12(3): three months from the clock start; in force once the case is extended.</summary>
    public DateOnly ExtendedDueOn { get; set; }

    /// <summary>The deadline in force: <see cref="ExtendedDueOn"/> when extended, else <see cref="DueOn"/>.</summary>
    public DateOnly EffectiveDueOn { get; set; }

    [PersonalData]
    public string? ExtensionReason { get; set; }

    public DateOnly? ExtensionNoticeSentOn { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public AnswerDelivery? Delivery { get; set; }

    /// <summary>
    /// The reasons of a refusal, in whole or in part (Art. 12(4)): per right not granted in full, its decision and ground
    /// (<see cref="RightOutcomes.Reasons"/>), or the ground of the whole refusal.
    /// </summary>
    public string? RefusalGround { get; set; }

    /// <summary>The decision per right (Art. 15 granted, Art. 17 refused …), set when the case is answered or refused.</summary>
    public List<RightOutcome> Outcomes { get; set; } = [];

    /// <summary>The outcome as a whole (bifall, delvis avslag, avslag), for lists and statistics; null while open.</summary>
    public RequestOutcome? Outcome { get; set; }

    [PersonalData]
    public string? Notes { get; set; }

    /// <summary>Art. 19: the officer recorded that the data were disclosed to no recipient (so no one is to be told).</summary>
    public DateTimeOffset? NoRecipientsRecordedAt { get; set; }

    /// <summary>Art. 19, second sentence: the day the data subject asked to be told about the recipients.</summary>
    public DateOnly? RecipientsAskedOn { get; set; }

    /// <summary>The day the data subject was told about the recipients.</summary>
    public DateOnly? RecipientsToldOn { get; set; }

    public Guid Version { get; set; }
}

/// <summary>What was decided on one right of the request, and on what ground if not granted in full.</summary>
public sealed class RightOutcome
{
    public DataSubjectRights Right { get; set; }

    public RightDecision Decision { get; set; }

    /// <summary>A key of <see cref="RefusalGrounds"/>, or null.</summary>
    public string? GroundKey { get; set; }

    /// <summary>The officer's reasons in free text.</summary>
    public string? GroundText { get; set; }

    public RightOutcomeInput ToInput() => new(Right, Decision, GroundKey, GroundText);
}

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> b)
    {
        b.ToTable("requests");
        b.Property(r => r.CaseNumber).HasMaxLength(40);
        b.Property(r => r.RequesterName).HasMaxLength(Limits.Name);
        b.Property(r => r.PersonalNumberProtected).HasMaxLength(1000);
        b.Property(r => r.PersonalNumberHash).HasMaxLength(64);
        b.Property(r => r.Email).HasMaxLength(Limits.Email);
        b.Property(r => r.PostalAddress).HasMaxLength(500);
        b.Property(r => r.IdentityMethod).HasMaxLength(200);
        b.Property(r => r.ExtensionReason).HasMaxLength(Limits.Reason);
        b.Property(r => r.RefusalGround).HasMaxLength(Limits.Reason);
        b.Property(r => r.Notes).HasMaxLength(4000);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ClockRule).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.IdentityCheck).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.IdentityAssurance).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.RepresentativeKind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.RepresentativeName).HasMaxLength(Limits.Name);
        b.Property(r => r.RepresentativeCheckedHow).HasMaxLength(500);
        b.Property(r => r.RepresentativeCheckedBy).HasMaxLength(Limits.Name);
        b.Property(r => r.HandOver).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.HandOverBy).HasMaxLength(Limits.Name);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.OwnsMany(r => r.Outcomes, o =>
        {
            o.ToJson();
            o.Property(x => x.Right).HasConversion<string>();
            o.Property(x => x.Decision).HasConversion<string>();
        });
        b.HasOne<Controllers.DataController>().WithMany().HasForeignKey(r => r.ControllerId).OnDelete(DeleteBehavior.Restrict);
        // PartyId leads every index: per-party uniqueness, the list's filters and sort, and the duplicate check.
        b.HasIndex(r => new { r.PartyId, r.CaseNumber }).IsUnique();
        // The list's order (deadline, case number, id) in full, so a page is read in index order without a sort.
        b.HasIndex(r => new { r.PartyId, r.Status, r.EffectiveDueOn, r.CaseNumber, r.Id });
        b.HasIndex(r => new { r.PartyId, r.EffectiveDueOn, r.CaseNumber, r.Id }).IncludeProperties(r => r.Status);
        b.HasIndex(r => new { r.PartyId, r.PersonalNumberHash });
        // The list sorted by "Mottagen" (issue 17): read in index order like the deadline sort.
        b.HasIndex(r => new { r.PartyId, r.ReceivedAt });
        // The cases of one intake (issue 19).
        b.HasIndex(r => new { r.PartyId, r.IntakeId });
    }
}

/// <summary>One line in a case's timeline: status changes, extension, identity check, answer.</summary>
public sealed class RequestEvent : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid RequestId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string ActorName { get; init; }

    [PersonalData]
    public required string Text { get; init; }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("request_events");
        b.Property(e => e.ActorName).HasMaxLength(Limits.Name);
        b.Property(e => e.Text).HasMaxLength(Limits.Reason);
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.PartyId, e.RequestId, e.At });
    }
}
