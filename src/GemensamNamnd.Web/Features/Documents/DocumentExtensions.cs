using Azure.Identity;
using Azure.Storage.Blobs;
using GemensamNamnd.Web.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Documents;

public static class DocumentExtensions
{
    /// <summary>
    /// Case documents: the commands, and the one store chosen by <c>Documents:Store</c> (file system on the embedded
    /// default, the database on PostgreSQL unless set; Azure Blob Storage in production — Production refuses the file
    /// system). An upload's body may be the document limit and a little more; beyond that the form is refused in Swedish.
    /// </summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions();
        var provider = builder.Configuration.GetSection("Database").Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var kind = options.Store ?? (provider == DatabaseProvider.Postgres ? DocumentStoreKind.Database : DocumentStoreKind.FileSystem);
        if (builder.Environment.IsProduction() && kind == DocumentStoreKind.FileSystem)
        {
            throw new InvalidOperationException(
                "Inställningen 'Documents:Store' är FileSystem (eller saknas på SQLite). I produktion ska handlingar lagras i Azure Blob Storage: sätt Documents__Store=AzureBlob, Documents__BlobAccountUrl och Documents__BlobContainer.");
        }

        switch (kind)
        {
            case DocumentStoreKind.FileSystem:
                var root = Path.Combine(builder.Environment.ContentRootPath, options.Directory);
                services.AddSingleton<IDocumentStore>(new FileSystemDocumentStore(root));
                break;
            case DocumentStoreKind.Database:
                services.AddScoped<IDocumentStore, DatabaseDocumentStore>();
                break;
            case DocumentStoreKind.AzureBlob:
                if (!Uri.TryCreate(options.BlobAccountUrl, UriKind.Absolute, out var account) || account.Scheme != Uri.UriSchemeHttps)
                {
                    throw new InvalidOperationException("Inställningen 'Documents:BlobAccountUrl' måste vara lagringskontots https-adress, t.ex. https://stgemensamnamnd.blob.core.windows.net.");
                }

                services.AddSingleton<IDocumentStore>(new BlobDocumentStore(
                    new BlobContainerClient(new Uri(account, options.BlobContainer), new DefaultAzureCredential())));
                break;
        }

        services.AddSingleton(DocumentStorage.Of(kind, options));
        services.AddScoped<DocumentCaseAccess>();
        services.AddScoped<CaseDocuments>();
        services.AddTransient<IStartupFilter, UploadLimitStartupFilter>();
        return builder;
    }

    /// <summary>Whether a request is an upload of a document (a form posted to a documents page).</summary>
    public static bool IsUpload(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method)
            && request.Path.Value is { } path && path.EndsWith("/handlingar", StringComparison.Ordinal)
            && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>
    /// Raises the body limit (<see cref="Infrastructure.InputGuard.MaxBodyBytes"/> elsewhere) for an upload to twice the
    /// document limit and 1 MB for the form, so a file somewhat over the limit reaches the command and gets its Swedish
    /// 400; a body beyond that is refused as the input guard refuses any, with the same Swedish message as 400.
    /// </summary>
    private sealed class UploadLimitStartupFilter(IOptions<DocumentOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (IsUpload(http.Request) && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    var max = (options.Value.MaxBytes * 2) + (1024 * 1024);
                    limit.MaxRequestBodySize = max;
                    http.Items[Infrastructure.InputGuard.UploadRefusalKey] = $"Filen är för stor. Största tillåtna storlek är {DocumentSizes.Swedish(options.Value.MaxBytes)}.";
                }

                await nextMiddleware(http);
            });
            next(app);
        };
    }
}
