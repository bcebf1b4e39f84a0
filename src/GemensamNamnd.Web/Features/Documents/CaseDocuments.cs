using System.Globalization;
using System.Security.Cryptography;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>A document as pages, the API and other features see it.</summary>
public sealed record DocumentRow(
    Guid Id, CaseKind CaseKind, Guid CaseId, string FileName, string ContentType, long Size, string Sha256,
    string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? DeletedAt, string? DeletedBy, string? DeletionReason)
{
    /// <summary>The detected type in Swedish, e.g. "PDF".</summary>
    public string TypeName => DocumentTypes.NameOf(ContentType);

    public string SizeText => DocumentSizes.Swedish(Size);

    public bool IsDeleted => DeletedAt is not null;
}

/// <summary>A document's content for download, with its row.</summary>
public sealed record DocumentDownload(DocumentRow Document, byte[] Content);

public static class DocumentSizes
{
    /// <summary>"850 byte", "12,3 kB", "4,5 MB" (1 kB = 1 000 byte).</summary>
    public static string Swedish(long bytes) =>
        bytes < 1000 ? $"{bytes} byte"
        : bytes < 1_000_000 ? (bytes / 1000d).ToString("0.0", Infrastructure.Swedish.Culture) + " kB"
        : (bytes / 1_000_000d).ToString("0.0", Infrastructure.Swedish.Culture) + " MB";
}

/// <summary>
/// Whether the current user may see a case's documents: the case is the current party's (query filter, row-level
/// security) and, for a request, open to the user (skyddad identitet, <see cref="RequestAccessQueries.OpenTo"/>).
/// </summary>
public sealed class DocumentCaseAccess(AppDbContext db, RequestViewers viewers)
{
    /// <summary>The case's number, or null when it is not there for the user (404).</summary>
    public async Task<string?> CaseNumberAsync(CaseRef @case, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Kind switch
        {
            CaseKind.Request => await db.Requests.AsNoTracking().OpenTo(await viewers.CurrentAsync(ct))
                .Where(r => r.Id == @case.Id).Select(r => r.CaseNumber).FirstOrDefaultAsync(ct),
            CaseKind.Breach => await db.Breaches.AsNoTracking().Where(b => b.Id == @case.Id).Select(b => b.CaseNumber).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    /// <summary>The case page's address.</summary>
    public static string CasePath(string slug, CaseRef @case) =>
        $"/{slug}/{(@case.Kind == CaseKind.Request ? "begaranden" : "incidenter")}/{@case.Id}";
}

/// <summary>
/// The use cases of documents on a case: add (from a form or, for the letters, from bytes), download (logged as a read
/// of personal data), delete with a reason, and remove with the case (retention). The checks are the same whoever adds:
/// the case open to the user, a name without a path, the size limit, and a type allowed by its content.
/// </summary>
public sealed class CaseDocuments(
    AppDbContext db,
    DocumentCaseAccess access,
    IDocumentStore store,
    CurrentParty currentParty,
    CurrentActor actor,
    PersonalDataReadLog reads,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    ILogger<CaseDocuments> logger)
{
    /// <summary>The form field of the file, where its errors are shown.</summary>
    public const string FileField = "File";

    public const string ReasonField = "DeleteReason";

    public long MaxBytes => options.Value.MaxBytes;

    public string TooLargeMessage => $"Filen är för stor. Största tillåtna storlek är {DocumentSizes.Swedish(MaxBytes)}.";

    /// <summary>Stores <paramref name="content"/> as a document on the case; nothing is stored when anything is wrong.</summary>
    public async Task<CommandResult<DocumentRow>> AddAsync(CaseRef @case, string? fileName, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(content);
        if (await access.CaseNumberAsync(@case, ct) is null)
        {
            return CommandResult<DocumentRow>.NotFound();
        }

        if (Check(fileName, content) is { } error)
        {
            return CommandResult<DocumentRow>.Invalid(FileField, error);
        }

        var type = DocumentTypes.Detect(content)!;
        var id = Guid.CreateVersion7();
        var stored = new CaseDocument
        {
            Id = id,
            CaseKind = @case.Kind,
            CaseId = @case.Id,
            FileName = fileName!,
            ContentType = type.ContentType,
            Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedBy = actor.DisplayName,
            UploadedAt = clock.GetUtcNow(),
            StorageKey = StorageKeys.For(currentParty.Required.Id, id),
        };

        await store.PutAsync(stored.StorageKey, content, type.ContentType, ct);
        db.CaseDocuments.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No bytes without their row.
            db.ChangeTracker.Clear();
            await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }

        return CommandResult.Done(CaseDocumentQueries.Row(stored));
    }

    /// <summary>Why the file is refused (Swedish, for the form and the API), or null.</summary>
    public string? Check(string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (DocumentTypes.CheckName(fileName) is { } nameError)
        {
            return nameError;
        }

        if (content.LongLength > MaxBytes)
        {
            return TooLargeMessage;
        }

        if (content.Length == 0)
        {
            return "Filen är tom.";
        }

        var type = DocumentTypes.Detect(content);
        if (type is null)
        {
            return $"Filtypen är inte tillåten. Tillåtna är {DocumentTypes.AllowedInWords}; typen avgörs av filens innehåll, inte av dess namn.";
        }

        var extension = Path.GetExtension(fileName!).ToLowerInvariant();
        return type.Extensions.Contains(extension)
            ? null
            : $"Filens innehåll är {type.Name.ToLower(Swedish.Culture)}, men namnet slutar inte på {string.Join(" eller ", type.Extensions)}. Byt namn på filen eller välj rätt fil.";
    }

    /// <summary>The content of a document the user may see, its download logged as a read of the case's personal data.</summary>
    public async Task<DocumentDownload?> DownloadAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, ct);
        if (document is null || await access.CaseNumberAsync(new CaseRef(document.CaseKind, document.CaseId), ct) is null)
        {
            return null;
        }

        // Logged before anything is sent.
        await reads.RecordAsync(ReadEntityType(document.CaseKind), document.CaseId,
            $"Hämtade handlingen {document.Id.ToString("D", CultureInfo.InvariantCulture)}", ct);
        var content = await store.GetAsync(document.StorageKey, ct);
        if (content is null)
        {
            logger.LogError("Document {DocumentId} has no content in the store", document.Id);
            return null;
        }

        return new DocumentDownload(CaseDocumentQueries.Row(document), content);
    }

    /// <summary>The read log's name of the case's record, as the case pages log their reads.</summary>
    public static string ReadEntityType(CaseKind kind) => kind == CaseKind.Request ? "DataSubjectRequest" : "Breach";

    /// <summary>The document to delete, for the confirmation: null when it is not there for the user.</summary>
    public async Task<DocumentRow?> FindAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.CaseDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, ct);
        return document is null || await access.CaseNumberAsync(new CaseRef(document.CaseKind, document.CaseId), ct) is null
            ? null
            : CaseDocumentQueries.Row(document);
    }

    /// <summary>Deletes the content; the row stays with who, when and why (the case's list shows it).</summary>
    public async Task<CommandResult<DocumentRow>> DeleteAsync(Guid documentId, string? reason, CancellationToken ct)
    {
        var document = await db.CaseDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, ct);
        if (document is null || await access.CaseNumberAsync(new CaseRef(document.CaseKind, document.CaseId), ct) is null)
        {
            return CommandResult<DocumentRow>.NotFound();
        }

        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Limits.Reason)
        {
            return CommandResult<DocumentRow>.Invalid(ReasonField, "Ange varför handlingen tas bort (högst 1 000 tecken).");
        }

        document.DeletedAt = clock.GetUtcNow();
        document.DeletedBy = actor.DisplayName;
        document.DeletionReason = trimmed;
        await db.SaveChangesAsync(ct);
        await store.DeleteAsync(document.StorageKey, ct);
        return CommandResult.Done(CaseDocumentQueries.Row(document));
    }

    /// <summary>
    /// Retention: every document of the case goes, content first (in every store), then the rows, which the caller saves
    /// with the case's thinning or deletion. Returns how many there were.
    /// </summary>
    public async Task<int> RemoveWithCaseAsync(CaseRef @case, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var documents = await db.CaseDocuments.Where(d => d.CaseKind == @case.Kind && d.CaseId == @case.Id).ToListAsync(ct);
        foreach (var d in documents)
        {
            await store.DeleteAsync(d.StorageKey, ct);
        }

        db.CaseDocuments.RemoveRange(documents);
        return documents.Count;
    }
}
