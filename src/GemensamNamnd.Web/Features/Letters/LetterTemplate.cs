using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// A party's own template of one kind of letter, overriding the product's default (<see cref="LetterTemplates.Default"/>).
/// Only a template that parses is stored; "återställ standardmallen" deletes the row.
/// </summary>
public sealed class LetterTemplate : IPartyOwned, IVersioned
{
    public const int MaxLength = 20_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public LetterKind Kind { get; init; }

    public required string Source { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedBy { get; set; }

    public Guid Version { get; set; }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.ToTable("letter_templates");
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.Source).HasMaxLength(LetterTemplate.MaxLength);
        b.Property(t => t.ChangedBy).HasMaxLength(Limits.Name);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.PartyId, t.Kind }).IsUnique();
    }
}
