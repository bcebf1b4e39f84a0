using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Core;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>The Data Protection key ring in the database is encrypted under a Key Vault key (here a local stand-in speaking Key Vault's REST contract).</summary>
public sealed class KeyRingProtectionTests
{
    private const string KeyId = "https://kv-test.vault.azure.net/keys/dataprotection";

    /// <summary>Answers POST {key}/wrapkey and /unwrapkey?api-version=7.4 with RSA-OAEP-256, as Key Vault does.</summary>
    private sealed class LocalKeyVault : HttpMessageHandler
    {
        private readonly RSA _rsa = RSA.Create(3072);

        public int Calls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Send(request, cancellationToken);

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            if (request.Headers.Authorization?.Parameter != "vault-token" || request.RequestUri!.Query != "?api-version=7.4")
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            }

            var body = JsonSerializer.Deserialize<JsonElement>(request.Content!.ReadAsStream(cancellationToken));
            Assert.Equal("RSA-OAEP-256", body.GetProperty("alg").GetString());
            var value = Base64UrlEncoder.DecodeBytes(body.GetProperty("value").GetString());
            var path = request.RequestUri.AbsolutePath;
            var result = path.EndsWith("/wrapkey", StringComparison.Ordinal) ? _rsa.Encrypt(value, RSAEncryptionPadding.OaepSHA256)
                : path.EndsWith("/unwrapkey", StringComparison.Ordinal) ? _rsa.Decrypt(value, RSAEncryptionPadding.OaepSHA256)
                : null;
            return result is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { kid = KeyId + "/v1", value = Base64UrlEncoder.Encode(result) }) };
        }
    }

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("vault-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class VaultFactory(LocalKeyVault vault) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:KeyVaultKeyId", KeyId);
            builder.ConfigureTestServices(s => s.AddSingleton<IKeyWrapper>(new KeyVaultRestKeyWrapper(new HttpClient(vault), new FixedToken(), KeyId)));
        }
    }

    [Fact]
    public void RestWrapper_RoundTrips_ThroughKeyVaultsContract()
    {
        var vault = new LocalKeyVault();
        var wrapper = new KeyVaultRestKeyWrapper(new HttpClient(vault), new FixedToken(), KeyId);
        var key = RandomNumberGenerator.GetBytes(32);
        var (kid, wrapped) = wrapper.Wrap(key);
        Assert.NotEqual(key, wrapped);
        Assert.Equal(key, wrapper.Unwrap(kid, wrapped));
        Assert.Equal(2, vault.Calls);
    }

    [PostgresFact]
    public async Task KeyRing_InTheDatabase_IsEncryptedUnderTheVaultKey_AndStillWorks()
    {
        var vault = new LocalKeyVault();
        await using var factory = new VaultFactory(vault);
        await factory.InitializeAsync();
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("hemligt");

        using var scope = factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>().DataProtectionKeys.ToListAsync();
        var row = Assert.Single(rows);
        Assert.Contains(KeyVaultXmlEncryptor.ElementName, row.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", row.Xml, StringComparison.Ordinal);
        Assert.True(vault.Calls >= 1);

        // A second instance (fresh key ring cache) reads the same ring through the vault.
        await using var second = new VaultFactoryOnSameDatabase(vault, factory.Database);
        Assert.Equal("hemligt", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    private sealed class VaultFactoryOnSameDatabase(LocalKeyVault vault, TestDatabase database) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:App", database.AppConnection);
            builder.UseSetting("ConnectionStrings:Owner", database.OwnerConnection);
            builder.UseSetting("DataProtection:KeyVaultKeyId", KeyId);
            builder.ConfigureTestServices(s => s.AddSingleton<IKeyWrapper>(new KeyVaultRestKeyWrapper(new HttpClient(vault), new FixedToken(), KeyId)));
        }
    }
}
