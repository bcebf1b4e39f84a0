using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// One processing activity (behandling) in the party's record of processing (registerförteckning, Art. 30): kept by one
/// controller of the party (<see cref="ControllerId"/>, a nämnd or a bolag). As controller (Art. 30(1)) it names the
/// purposes, the legal basis, the categories, recipients, transfers, retention and security measures; as processor for a
/// controller outside the party (Art. 30(2), <see cref="AsProcessor"/>) only the processor's items. The systems that
/// carry it and the processors involved are lists of ids (the party's systems, the committee's suppliers).
/// </summary>
public sealed class ProcessingActivity : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    /// <summary>The controller of the party that keeps this record (as controller, or as the processor it is).</summary>
    public Guid ControllerId { get; set; }

    public required string Name { get; set; }

    /// <summary>Art. 30(2): recorded as processor (personuppgiftsbiträde) for <see cref="ExternalController"/>.</summary>
    public bool AsProcessor { get; set; }

    /// <summary>Art. 30(2)(a): the controller outside the party on whose behalf the party processes.</summary>
    public string? ExternalController { get; set; }

    /// <summary>Art. 30(1)(b); for a processor, the categories of processing (Art. 30(2)(b)).</summary>
    public string? Purposes { get; set; }

    /// <summary>Art. 6(1)(a)–(f); null for a processor's record (and not yet recorded).</summary>
    public LegalBasis? LegalBasis { get; set; }

    /// <summary>Art. 9(2): the condition for special categories, where they are processed.</summary>
    public SpecialCategoryCondition? SpecialCategoryCondition { get; set; }

    /// <summary>Art. 10: data on criminal convictions and offences, and its authority in law.</summary>
    public bool CriminalOffenceData { get; set; }

    /// <summary>The Swedish law relied on (Art. 6(3)), e.g. "socialtjänstlagen (2025:400)".</summary>
    public string? SwedishLaw { get; set; }

    public string? DataSubjectCategories { get; set; }

    public string? PersonalDataCategories { get; set; }

    /// <summary>Art. 30(1)(d): recipients, including in third countries.</summary>
    public string? Recipients { get; set; }

    /// <summary>Art. 30(1)(e): the third countries or international organisations; null when there is no transfer.</summary>
    public string? ThirdCountryTransfers { get; set; }

    public TransferSafeguard? TransferSafeguard { get; set; }

    /// <summary>Art. 30(1)(f): a period ("2 år efter avslut") or …</summary>
    public string? RetentionPeriod { get; set; }

    /// <summary>… a rule ("bevaras", "gallras vid inaktualitet"); one of the two is required for a controller's record.</summary>
    public string? RetentionRule { get; set; }

    /// <summary>The party's document management plan (dokumenthanteringsplan) the retention follows, when it has one.</summary>
    public string? RetentionPlanName { get; set; }

    /// <summary>The plan's decision (e.g. "SN 2024/112, § 45").</summary>
    public string? RetentionPlanDecision { get; set; }

    /// <summary>Art. 30(1)(g), 32(1): a general description of the technical and organisational measures.</summary>
    public string? SecurityMeasures { get; set; }

    /// <summary>The party's systems that carry the processing (<see cref="Systems.PartySystem"/>).</summary>
    public List<Guid> SystemIds { get; set; } = [];

    /// <summary>The committee's suppliers that act as processors in it (<see cref="Suppliers.Supplier"/>).</summary>
    public List<Guid> SupplierIds { get; set; } = [];

    /// <summary>The screening against the nine WP248 criteria (Art. 35(1)); empty when none is met or not screened.</summary>
    public List<Wp248Criterion> ScreeningCriteria { get; set; } = [];

    /// <summary>The screening against Art. 35(3) and IMY's list under Art. 35(4).</summary>
    public List<MandatoryDpiaKind> ScreeningMandatory { get; set; } = [];

    /// <summary>The day of the screening; null when the activity is not screened yet.</summary>
    public DateOnly? ScreenedOn { get; set; }

    /// <summary>From the screening: an impact assessment is required (Art. 35).</summary>
    public bool DpiaRequired { get; set; }

    public Guid Version { get; set; }

    /// <summary>A controller's record without a legal basis: what the list points out.</summary>
    public bool LacksLegalBasis => !AsProcessor && LegalBasis is null;
}

internal sealed class ProcessingActivityConfiguration : IEntityTypeConfiguration<ProcessingActivity>
{
    public void Configure(EntityTypeBuilder<ProcessingActivity> b)
    {
        b.ToTable("processing_activities");
        b.Property(x => x.Name).HasMaxLength(Limits.Name);
        b.Property(x => x.ExternalController).HasMaxLength(Limits.Name);
        b.Property(x => x.SwedishLaw).HasMaxLength(Limits.Name);
        b.Property(x => x.RetentionPeriod).HasMaxLength(Limits.Name);
        b.Property(x => x.RetentionRule).HasMaxLength(Limits.Reason);
        b.Property(x => x.RetentionPlanName).HasMaxLength(Limits.Name);
        b.Property(x => x.RetentionPlanDecision).HasMaxLength(Limits.Name);
        b.Property(x => x.ThirdCountryTransfers).HasMaxLength(Limits.Reason);
        foreach (var text in new[] { nameof(ProcessingActivity.Purposes), nameof(ProcessingActivity.DataSubjectCategories), nameof(ProcessingActivity.PersonalDataCategories), nameof(ProcessingActivity.Recipients), nameof(ProcessingActivity.SecurityMeasures) })
        {
            b.Property(text).HasMaxLength(ProcessingInput.LongText);
        }

        b.Property(x => x.LegalBasis).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.SpecialCategoryCondition).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.TransferSafeguard).HasConversion<string>().HasMaxLength(40);
        b.PrimitiveCollection(x => x.ScreeningCriteria).ElementType().HasConversion<string>();
        b.PrimitiveCollection(x => x.ScreeningMandatory).ElementType().HasConversion<string>();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.LacksLegalBasis);
        b.HasOne<DataController>().WithMany().HasForeignKey(x => x.ControllerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PartyId, x.ControllerId, x.Name }).IsUnique();
    }
}
