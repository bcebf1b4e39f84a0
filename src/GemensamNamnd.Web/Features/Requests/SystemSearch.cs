using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>One line of a request's checklist: a system of the party and what the search in it found.</summary>
public sealed class SystemSearch : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid RequestId { get; init; }

    public Guid SystemId { get; init; }

    public SystemSearchResult Result { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    public required string MarkedBy { get; set; }

    /// <summary>What the officer noted of the search in this system (where, what was found); at most 1,000 characters.</summary>
    [PersonalData]
    public string? Note { get; set; }

    /// <summary>The secrecy review of what was found here (OSL; Art. 23): null until reviewed.</summary>
    public Disclosure? Disclosure { get; set; }

    /// <summary>The OSL provision relied on to mask or withhold, a key of <see cref="SecrecyReview.Provisions"/> ("26:1").</summary>
    public string? OslProvision { get; set; }

    /// <summary>What the review noted (whose interest the secrecy protects, what was masked); at most 1,000 characters.</summary>
    [PersonalData]
    public string? SecrecyNote { get; set; }
}

internal sealed class SystemSearchConfiguration : IEntityTypeConfiguration<SystemSearch>
{
    public void Configure(EntityTypeBuilder<SystemSearch> b)
    {
        b.ToTable("request_system_searches");
        b.Property(s => s.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.MarkedBy).HasMaxLength(Limits.Name);
        b.Property(s => s.Note).HasMaxLength(Limits.Reason);
        b.Property(s => s.Disclosure).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.OslProvision).HasMaxLength(10);
        b.Property(s => s.SecrecyNote).HasMaxLength(Limits.Reason);
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartySystem>().WithMany().HasForeignKey(s => s.SystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.PartyId, s.RequestId, s.SystemId }).IsUnique();
    }
}
