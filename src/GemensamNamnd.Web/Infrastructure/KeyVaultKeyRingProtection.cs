using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Azure.Core;
using Azure.Identity;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>Wraps and unwraps a content key with a key that never leaves its vault.</summary>
public interface IKeyWrapper
{
    (string KeyId, byte[] Wrapped) Wrap(byte[] key);

    byte[] Unwrap(string keyId, byte[] wrapped);
}

/// <summary>
/// The Data Protection key ring stays in the database (shared by every instance); each key's XML is encrypted with a fresh
/// AES-256-GCM key, and that key is wrapped by the Key Vault key named in <c>DataProtection:KeyVaultKeyId</c>
/// (RSA-OAEP-256). Without access to the vault key, a copy of the database does not reveal the key ring.
/// </summary>
public sealed class KeyVaultXmlEncryptor(IKeyWrapper wrapper) : IXmlEncryptor
{
    public const string ElementName = "keyVaultEncrypted";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(contentKey, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        var (keyId, wrapped) = wrapper.Wrap(contentKey);
        CryptographicOperations.ZeroMemory(contentKey);
        var element = new XElement(ElementName,
            new XAttribute("kid", keyId),
            new XElement("wrappedKey", Convert.ToBase64String(wrapped)),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyVaultXmlDecryptor));
    }
}

/// <summary>Data Protection creates decryptors by type with the service provider.</summary>
public sealed class KeyVaultXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var wrapper = services.GetRequiredService<IKeyWrapper>();
        var contentKey = wrapper.Unwrap((string)encryptedElement.Attribute("kid")!, Convert.FromBase64String((string)encryptedElement.Element("wrappedKey")!));
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(contentKey, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        CryptographicOperations.ZeroMemory(contentKey);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>
/// Key Vault's wrapkey/unwrapkey REST operations with a managed identity token (the Key Vault SDK is not served by our
/// package mirror; the REST contract is stable: api-version 7.4). Synchronous because Data Protection's encryptor
/// interface is; it runs only when a key is created or first read.
/// </summary>
public sealed class KeyVaultRestKeyWrapper(HttpClient http, TokenCredential credential, string keyId) : IKeyWrapper
{
    private const string ApiVersion = "7.4";
    private static readonly string[] Scope = ["https://vault.azure.net/.default"];

    private sealed record KeyOperation(string alg, string value);

    private sealed record KeyOperationResult(string kid, string value);

    public (string KeyId, byte[] Wrapped) Wrap(byte[] key)
    {
        var result = Send($"{keyId.TrimEnd('/')}/wrapkey", key);
        return (result.kid, Base64UrlEncoder.DecodeBytes(result.value));
    }

    public byte[] Unwrap(string wrappingKeyId, byte[] wrapped) =>
        Base64UrlEncoder.DecodeBytes(Send($"{wrappingKeyId.TrimEnd('/')}/unwrapkey", wrapped).value);

    private KeyOperationResult Send(string url, byte[] value)
    {
        var token = credential.GetToken(new TokenRequestContext(Scope), CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}?api-version={ApiVersion}")
        {
            Content = JsonContent.Create(new KeyOperation("RSA-OAEP-256", Base64UrlEncoder.Encode(value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        using var response = http.Send(request);
        response.EnsureSuccessStatusCode();
        using var stream = response.Content.ReadAsStream();
        return System.Text.Json.JsonSerializer.Deserialize<KeyOperationResult>(stream)
            ?? throw new InvalidOperationException("Key Vault svarade utan nyckel.");
    }
}

public static class KeyRingProtectionExtensions
{
    /// <summary>
    /// Protects the shared key ring with the Key Vault key when <c>DataProtection:KeyVaultKeyId</c> is set. Production
    /// refuses to start without it: the ring's keys protect every personnummer and would lie unencrypted in the same
    /// database as the ciphertext.
    /// </summary>
    public static IHostApplicationBuilder AddKeyRingProtection(this IHostApplicationBuilder builder)
    {
        var keyId = builder.Configuration["DataProtection:KeyVaultKeyId"];
        if (string.IsNullOrWhiteSpace(keyId))
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Inställningen 'DataProtection:KeyVaultKeyId' saknas (miljövariabel DataProtection__KeyVaultKeyId). Den krävs i produktion: utan den ligger nycklarna som skyddar personnumren okrypterade i samma databas som de krypterade personnumren.");
            }

            return builder;
        }

        if (!Uri.TryCreate(keyId, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("Inställningen 'DataProtection:KeyVaultKeyId' måste vara nyckelns https-adress i Key Vault.");
        }

        builder.Services.AddHttpClient(nameof(KeyVaultRestKeyWrapper));
        builder.Services.TryAddSingleton<IKeyWrapper>(sp => new KeyVaultRestKeyWrapper(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(KeyVaultRestKeyWrapper)),
            new DefaultAzureCredential(),
            keyId));
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IKeyWrapper>((o, wrapper) => o.XmlEncryptor = new KeyVaultXmlEncryptor(wrapper));
        return builder;
    }
}
