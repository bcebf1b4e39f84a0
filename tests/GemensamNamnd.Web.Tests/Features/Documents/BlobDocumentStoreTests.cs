using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using GemensamNamnd.Web.Features.Documents;

namespace GemensamNamnd.Web.Tests.Features.Documents;

/// <summary>The Azure Blob store (the production store) against a local stand-in speaking Blob Storage's REST contract.</summary>
public sealed class BlobDocumentStoreTests
{
    private const string Account = "https://stgemensamnamnd.blob.core.windows.net";

    /// <summary>
    /// Create container (<c>PUT ?restype=container</c>), Put Blob, Get Blob (with or without a range) and Delete Blob, as
    /// Blob Storage answers them: status codes, <c>x-ms-error-code</c> and the XML error body, and a bearer token required.
    /// </summary>
    private sealed class LocalBlobService : HttpMessageHandler
    {
        public ConcurrentDictionary<string, (byte[] Content, string ContentType)> Blobs { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> Containers { get; } = new(StringComparer.Ordinal);

        public List<string> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath.TrimStart('/'));
            var query = request.RequestUri.Query;
            lock (Calls)
            {
                Calls.Add($"{request.Method} {path}{(query.Contains("restype=container", StringComparison.Ordinal) ? "?restype=container" : "")}");
            }

            if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: "blob-token" })
            {
                return Error(HttpStatusCode.Forbidden, "AuthenticationFailed");
            }

            var container = path.Split('/')[0];
            if (request.Method == HttpMethod.Put && query.Contains("restype=container", StringComparison.Ordinal))
            {
                return Containers.TryAdd(container, true) ? Ok(HttpStatusCode.Created) : Error(HttpStatusCode.Conflict, "ContainerAlreadyExists");
            }

            if (!Containers.ContainsKey(container))
            {
                return Error(HttpStatusCode.NotFound, "ContainerNotFound");
            }

            if (request.Method == HttpMethod.Put)
            {
                if (!request.Headers.TryGetValues("x-ms-blob-type", out var type) || type.Single() != "BlockBlob")
                {
                    return Error(HttpStatusCode.BadRequest, "MissingRequiredHeader");
                }

                var content = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
                var contentType = request.Headers.TryGetValues("x-ms-blob-content-type", out var ct) ? ct.Single() : "application/octet-stream";
                Blobs[path] = (content, contentType);
                return Ok(HttpStatusCode.Created);
            }

            if (!Blobs.TryGetValue(path, out var blob))
            {
                return Error(HttpStatusCode.NotFound, "BlobNotFound");
            }

            if (request.Method == HttpMethod.Delete)
            {
                Blobs.TryRemove(path, out _);
                return Ok(HttpStatusCode.Accepted);
            }

            if (request.Method != HttpMethod.Get)
            {
                return Error(HttpStatusCode.MethodNotAllowed, "UnsupportedHttpVerb");
            }

            var range = request.Headers.TryGetValues("x-ms-range", out var r) ? r.Single() : request.Headers.Range?.ToString();
            var (from, to) = (0, blob.Content.Length - 1);
            if (range is { Length: > 0 } && range.StartsWith("bytes=", StringComparison.Ordinal))
            {
                var parts = range["bytes=".Length..].Split('-');
                from = int.Parse(parts[0], CultureInfo.InvariantCulture);
                to = parts.Length > 1 && parts[1].Length > 0 ? Math.Min(int.Parse(parts[1], CultureInfo.InvariantCulture), blob.Content.Length - 1) : to;
            }

            var body = new ByteArrayContent(blob.Content[from..(to + 1)]);
            body.Headers.ContentType = MediaTypeHeaderValue.Parse(blob.ContentType);
            var response = Ok(range is null ? HttpStatusCode.OK : HttpStatusCode.PartialContent);
            response.Content = body;
            if (range is not null)
            {
                body.Headers.ContentRange = new ContentRangeHeaderValue(from, to, blob.Content.Length);
            }

            response.Headers.Add("x-ms-blob-type", "BlockBlob");
            return response;
        }

        private static HttpResponseMessage Ok(HttpStatusCode status)
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            response.Headers.ETag = new EntityTagHeaderValue("\"0x8DC0000000000001\"");
            response.Headers.Add("x-ms-request-id", Guid.NewGuid().ToString());
            response.Headers.Add("x-ms-version", "2025-01-05");
            response.Content.Headers.LastModified = DateTimeOffset.UtcNow;
            return response;
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string code)
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{code}</Message></Error>", Encoding.UTF8, "application/xml"),
            };
            response.Headers.Add("x-ms-error-code", code);
            response.Headers.Add("x-ms-request-id", Guid.NewGuid().ToString());
            return response;
        }
    }

    private sealed class FixedToken(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private static BlobDocumentStore Store(LocalBlobService service, TokenCredential credential) =>
        new(new BlobContainerClient(new Uri($"{Account}/handlingar"), credential, new BlobClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(service)),
            Retry = { MaxRetries = 0 },
        }));

    [Fact]
    public async Task Put_Get_Delete_ThroughBlobStoragesContract()
    {
        var service = new LocalBlobService();
        var credential = new FixedToken("blob-token");
        var store = Store(service, credential);
        var key = $"{Guid.NewGuid():D}/{Guid.NewGuid():D}";
        var content = Encoding.ASCII.GetBytes("%PDF-1.7 en handling");

        await store.PutAsync(key, content, "application/pdf", default);
        Assert.True(service.Containers.ContainsKey("handlingar"));
        Assert.Equal(("application/pdf"), service.Blobs[$"handlingar/{key}"].ContentType);
        Assert.Equal(content, await store.GetAsync(key, default));

        // A second put does not create the container again.
        var other = $"{Guid.NewGuid():D}/{Guid.NewGuid():D}";
        await store.PutAsync(other, [1, 2, 3], "image/png", default);
        Assert.Single(service.Calls, c => c.EndsWith("?restype=container", StringComparison.Ordinal));

        await store.DeleteAsync(key, default);
        Assert.False(service.Blobs.ContainsKey($"handlingar/{key}"));
        Assert.Null(await store.GetAsync(key, default));
        await store.DeleteAsync(key, default); // deleting what is gone is no error
        Assert.Equal([1, 2, 3], await store.GetAsync(other, default));
        Assert.Contains("https://storage.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task WithoutAValidToken_NothingIsStored()
    {
        var service = new LocalBlobService();
        var store = Store(service, new FixedToken("wrong"));
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => store.PutAsync($"{Guid.NewGuid():D}/{Guid.NewGuid():D}", [1], "image/png", default));
        Assert.Empty(service.Blobs);
    }

    [Fact]
    public async Task AKeyThatIsNotTwoIds_NeverReachesTheService()
    {
        var service = new LocalBlobService();
        var store = Store(service, new FixedToken("blob-token"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("../andra-partens/fil", default));
        Assert.Empty(service.Calls);
    }
}
