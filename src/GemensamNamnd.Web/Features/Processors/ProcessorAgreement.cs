using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>Which template the agreement follows.</summary>
public enum AgreementStandard
{
    /// <summary>SKR:s mall för personuppgiftsbiträdesavtal.</summary>
    SkrTemplate,

    /// <summary>The supplier's own terms (e.g. a cloud provider's data processing addendum).</summary>
    SupplierOwn,

    /// <summary>The party's own template, or another one (see the note).</summary>
    Other,
}

/// <summary>
/// A personuppgiftsbiträdesavtal (Art. 28(3)) between the party's controllers and a committee-wide <see
/// cref="Suppliers.Supplier"/>: party-owned under row-level security, so a party never sees what another agreed with the
/// same supplier. Its term runs from <see cref="ValidFrom"/> to <see cref="ValidTo"/> inclusive (no end: until further
/// notice); <see cref="AgreementRules"/> gives its status.
/// </summary>
public sealed class ProcessorAgreement : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid SupplierId { get; set; }

    /// <summary>The party's controllers (nämnder, bolag) the agreement covers; at least one.</summary>
    public List<Guid> ControllerIds { get; set; } = [];

    public DateOnly? SignedOn { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public AgreementStandard Standard { get; set; }

    /// <summary>The template's name or version, e.g. "SKR 2023" or "Microsoft DPA".</summary>
    public string? StandardNote { get; set; }

    /// <summary>The controller's documented instructions to the processor (Art. 28(3)(a)), or where they are.</summary>
    public string? Instructions { get; set; }

    /// <summary>Sub-processors (underbiträden) the agreement authorises, with the country each processes in.</summary>
    public List<SubProcessor> SubProcessors { get; set; } = [];

    /// <summary>Audits and inspections done (Art. 28(3)(h)).</summary>
    public List<AgreementAudit> Audits { get; set; } = [];

    /// <summary>Notices of intended changes of sub-processors (Art. 28(2)) and the decision on each.</summary>
    public List<SubProcessorNotice> Notices { get; set; } = [];

    public Guid Version { get; set; }
}

public sealed class SubProcessor
{
    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2, e.g. SE, IE, US.</summary>
    public required string Country { get; set; }
}

public sealed class AgreementAudit
{
    public DateOnly On { get; set; }

    public required string Note { get; set; }
}

public sealed class SubProcessorNotice
{
    /// <summary>The notice's own id: the key of its reminder.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateOnly ReceivedOn { get; set; }

    /// <summary>What the processor intends: which sub-processor is added or replaced, and where it processes.</summary>
    public required string Description { get; set; }

    public NoticeDecision Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }
}

internal sealed class ProcessorAgreementConfiguration : IEntityTypeConfiguration<ProcessorAgreement>
{
    public void Configure(EntityTypeBuilder<ProcessorAgreement> b)
    {
        b.ToTable("processor_agreements");
        b.Property(x => x.Standard).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StandardNote).HasMaxLength(Limits.Name);
        b.Property(x => x.Instructions).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Suppliers.Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.SubProcessors, a => a.ToJson());
        b.OwnsMany(x => x.Audits, a => a.ToJson());
        b.OwnsMany(x => x.Notices, a =>
        {
            a.ToJson();
            a.Property(n => n.Decision).HasConversion<string>();
        });
        b.HasIndex(x => new { x.PartyId, x.SupplierId });
    }
}
