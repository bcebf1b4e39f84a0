using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>The registers whose cases hold documents.</summary>
public enum CaseKind
{
    Request,
    Breach,
}

/// <summary>A case a document belongs to: its register and id.</summary>
public sealed record CaseRef(CaseKind Kind, Guid Id)
{
    public static CaseRef Request(Guid id) => new(CaseKind.Request, id);

    public static CaseRef Breach(Guid id) => new(CaseKind.Breach, id);
}

/// <summary>
/// A document on a case (a signed request, the extract sent, the processor's breach report): its metadata here, its
/// bytes in the configured <see cref="IDocumentStore"/> under <see cref="StorageKey"/>. Deleting keeps this row with who,
/// when and why (the case's own record that a document was there) and removes the bytes; retention removes the row too.
/// </summary>
public sealed class CaseDocument : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public CaseKind CaseKind { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>The name as uploaded (checked: no path, no control characters).</summary>
    [Web.Audit.PersonalData]
    public required string FileName { get; init; }

    /// <summary>The type found in the content (<see cref="DocumentTypes"/>), never the one the browser claimed.</summary>
    public required string ContentType { get; init; }

    public long Size { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public required string UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>Where the bytes are in the store: <c>{party id}/{document id}</c>, never derived from the file name.</summary>
    public required string StorageKey { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    [Web.Audit.PersonalData]
    public string? DeletionReason { get; set; }
}

/// <summary>The bytes of a document in the database store (<see cref="DatabaseDocumentStore"/>: tests, or a small installation).</summary>
public sealed class DocumentContent : IPartyOwned
{
    public required string StorageKey { get; init; }

    public Guid PartyId { get; set; }

    public required byte[] Content { get; set; }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.ToTable("case_documents");
        b.Property(x => x.CaseKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FileName).HasMaxLength(DocumentTypes.FileNameLimit);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(Limits.Name);
        b.Property(x => x.StorageKey).HasMaxLength(100);
        b.Property(x => x.DeletedBy).HasMaxLength(Limits.Name);
        b.Property(x => x.DeletionReason).HasMaxLength(Limits.Reason);
        b.HasIndex(x => new { x.PartyId, x.CaseKind, x.CaseId });
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> b)
    {
        b.ToTable("document_contents");
        b.HasKey(x => x.StorageKey);
        b.Property(x => x.StorageKey).HasMaxLength(100);
    }
}
