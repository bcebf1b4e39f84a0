using System.ComponentModel.DataAnnotations;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Documents;

/// <summary>Where the bytes of case documents are kept: one of these, chosen by <c>Documents:Store</c>.</summary>
public enum DocumentStoreKind
{
    /// <summary>A folder on disk (<c>Documents:Directory</c>): the embedded default. Refused in Production.</summary>
    FileSystem,

    /// <summary>The table <c>document_contents</c> in the app's database (under row-level security): the tests.</summary>
    Database,

    /// <summary>A private Azure Blob Storage container reached with the app's managed identity: production.</summary>
    AzureBlob,
}

/// <summary>The store in use, in words for the record of processing.</summary>
public sealed record DocumentStorage(DocumentStoreKind Kind, string Description)
{
    public static DocumentStorage Of(DocumentStoreKind kind, DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(kind, kind switch
        {
            DocumentStoreKind.AzureBlob => $"Azure Blob Storage, i en privat behållare ({options.BlobContainer}) som bara tjänstens hanterade identitet når; varje hämtning loggas.",
            DocumentStoreKind.Database => "I databasen (tabellen document_contents), skyddad av radnivåsäkerhet per part; varje hämtning loggas.",
            _ => "Som filer på tjänstens server (demonstrations- och provdrift); varje hämtning loggas.",
        });
    }
}

/// <summary>The settings of case documents (section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Default: <see cref="DocumentStoreKind.FileSystem"/> on SQLite, <see cref="DocumentStoreKind.Database"/> on PostgreSQL.</summary>
    public DocumentStoreKind? Store { get; set; }

    /// <summary>The file system store's folder, relative to the content root unless absolute.</summary>
    public string Directory { get; set; } = "App_Data/documents";

    /// <summary>The storage account's blob endpoint, e.g. <c>https://stgemensamnamnd.blob.core.windows.net</c>.</summary>
    public string? BlobAccountUrl { get; set; }

    public string BlobContainer { get; set; } = "handlingar";

    /// <summary>The largest document, in bytes (20 MB).</summary>
    [Range(1, 200 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>
/// The one interface to the bytes of case documents; the metadata is <see cref="CaseDocument"/>. Keys are generated
/// (<c>{party id}/{document id}</c>), never taken from a file name.
/// </summary>
public interface IDocumentStore
{
    Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct);

    /// <summary>The bytes, or null when the key holds nothing.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Removes the bytes; a key that holds nothing is no error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>Keys are GUIDs joined by one slash: nothing else reaches a path or a blob name.</summary>
internal static class StorageKeys
{
    public static string For(Guid partyId, Guid documentId) => $"{partyId:D}/{documentId:D}";

    public static string Checked(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "D", out _) && Guid.TryParseExact(parts[1], "D", out _)
            ? key
            : throw new ArgumentException("Ogiltig lagringsnyckel.", nameof(key));
    }
}

/// <summary>The embedded default: one file per document under the configured folder (one folder per party).</summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, ct);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(Root, StorageKeys.Checked(key).Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>The bytes in <c>document_contents</c>, party-owned like the metadata: row-level security covers both.</summary>
public sealed class DatabaseDocumentStore(AppDbContext db) : IDocumentStore
{
    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct)
    {
        db.Set<DocumentContent>().Add(new DocumentContent { StorageKey = StorageKeys.Checked(key), Content = content });
        await db.SaveChangesAsync(ct);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
        db.Set<DocumentContent>().AsNoTracking().Where(c => c.StorageKey == key).Select(c => c.Content).FirstOrDefaultAsync(ct);

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await db.Set<DocumentContent>().Where(c => c.StorageKey == key).ExecuteDeleteAsync(ct);
}

/// <summary>
/// Azure Blob Storage: one block blob per document in a private container, reached with the app's managed identity
/// (<c>DefaultAzureCredential</c>; the identity holds "Storage Blob Data Contributor" on the account, see <c>infra/</c>).
/// The container is created if missing (the Bicep creates it too).
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient container) : IDocumentStore
{
    private volatile bool _containerChecked;

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken ct)
    {
        if (!_containerChecked)
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
            _containerChecked = true;
        }

        await container.GetBlobClient(StorageKeys.Checked(key)).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            ct);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            var result = await container.GetBlobClient(StorageKeys.Checked(key)).DownloadContentAsync(ct);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await container.GetBlobClient(StorageKeys.Checked(key)).DeleteIfExistsAsync(cancellationToken: ct);
}
