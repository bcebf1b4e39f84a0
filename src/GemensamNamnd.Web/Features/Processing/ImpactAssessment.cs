using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>What the controller decided after the assessment (Art. 35(7), 36).</summary>
public enum DpiaDecision
{
    /// <summary>Behandlingen får påbörjas/fortsätta med de beslutade åtgärderna.</summary>
    Proceed,

    /// <summary>Behandlingen påbörjas inte (eller upphör).</summary>
    DoNotProceed,

    /// <summary>Behandlingen väntar på förhandssamråd med IMY (Art. 36).</summary>
    AwaitPriorConsultation,
}

/// <summary>One risk to the data subjects' rights and freedoms, placed in the matrix (Art. 35(7)(c)).</summary>
public sealed class DpiaRisk
{
    public required string Description { get; set; }

    public int Likelihood { get; set; }

    public int Severity { get; set; }
}

/// <summary>
/// An impact assessment (konsekvensbedömning, Art. 35) of one processing activity: the description, necessity and
/// proportionality, the risks in the matrix, the measures, the residual risk, the DPO's advice (Art. 35(2)) and whether it
/// was followed, the decision, prior consultation with IMY when the residual risk stays high (Art. 36) and the review date
/// (Art. 35(11)).
/// </summary>
public sealed class ImpactAssessment : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid ActivityId { get; set; }

    /// <summary>Art. 35(7)(a): a systematic description of the processing and its purposes.</summary>
    public required string Description { get; set; }

    /// <summary>Art. 35(7)(b): necessity and proportionality.</summary>
    public string? Necessity { get; set; }

    public List<DpiaRisk> Risks { get; set; } = [];

    /// <summary>Art. 35(7)(d): the measures envisaged to address the risks.</summary>
    public string? Measures { get; set; }

    /// <summary>The risk that remains after the measures, 1–4 each.</summary>
    public int? ResidualLikelihood { get; set; }

    public int? ResidualSeverity { get; set; }

    /// <summary>Art. 35(2): the DPO's advice.</summary>
    public string? DpoAdvice { get; set; }

    public DateOnly? DpoAdviceOn { get; set; }

    public bool? DpoAdviceFollowed { get; set; }

    /// <summary>Why the advice was not followed (Art. 38(1), documented for accountability, Art. 5(2)).</summary>
    public string? DpoAdviceNotFollowedReason { get; set; }

    public DpiaDecision? Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>Who decided (the nämnd or its delegate), e.g. "Socialnämnden, § 12".</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Art. 36(1): the day IMY was consulted (förhandssamråd).</summary>
    public DateOnly? PriorConsultationOn { get; set; }

    /// <summary>Art. 35(11): when the assessment is reviewed; a reminder goes out on the day.</summary>
    public DateOnly? ReviewOn { get; set; }

    public Guid Version { get; set; }

    public RiskGrade? Residual => ResidualLikelihood is { } l && ResidualSeverity is { } s && RiskMatrix.IsValid(l) && RiskMatrix.IsValid(s) ? RiskMatrix.Level(l, s) : null;

    /// <summary>Done: the controller has decided.</summary>
    public bool Done => Decision is not null;
}

internal sealed class ImpactAssessmentConfiguration : IEntityTypeConfiguration<ImpactAssessment>
{
    public void Configure(EntityTypeBuilder<ImpactAssessment> b)
    {
        b.ToTable("impact_assessments");
        b.Property(x => x.Description).HasMaxLength(ProcessingInput.LongText);
        b.Property(x => x.Necessity).HasMaxLength(ProcessingInput.LongText);
        b.Property(x => x.Measures).HasMaxLength(ProcessingInput.LongText);
        b.Property(x => x.DpoAdvice).HasMaxLength(ProcessingInput.LongText);
        b.Property(x => x.DpoAdviceNotFollowedReason).HasMaxLength(Limits.Reason);
        b.Property(x => x.DecidedBy).HasMaxLength(Limits.Name);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Residual);
        b.Ignore(x => x.Done);
        b.OwnsMany(x => x.Risks, r => r.ToJson());
        b.HasOne<ProcessingActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PartyId, x.ActivityId });
        b.HasIndex(x => new { x.PartyId, x.ReviewOn });
    }
}

public static class DpiaDecisionNames
{
    public static string Swedish(this DpiaDecision decision) => decision switch
    {
        DpiaDecision.Proceed => "Behandlingen får genomföras med åtgärderna",
        DpiaDecision.DoNotProceed => "Behandlingen genomförs inte",
        DpiaDecision.AwaitPriorConsultation => "Invänta förhandssamråd med IMY",
        _ => decision.ToString(),
    };
}
