using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>Real RS256 tokens shaped like Entra ID v2 access tokens, signed by a key the test host trusts.</summary>
public static class TestTokens
{
    public const string ClientId = "7d7b0f4e-1c1d-4c0b-9d5e-3a6f2b8c9d10";

    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static readonly RsaSecurityKey OtherKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string Issue(
        Guid tid,
        Guid oid,
        string? audience = null,
        string? issuerTenant = null,
        DateTime? expires = null,
        SecurityKey? key = null,
        string? scope = "access_as_user",
        string[]? roles = null,
        Guid? clientApp = null,
        string? preferredUsername = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tid.ToString(),
            ["oid"] = oid.ToString(),
            ["ver"] = "2.0",
            ["name"] = "Testanvändare",
        };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        if (preferredUsername is not null)
        {
            claims["preferred_username"] = preferredUsername;
        }

        if (clientApp is { } azp)
        {
            claims["azp"] = azp.ToString();
        }

        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tid.ToString()}/v2.0",
            Audience = audience ?? ClientId,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-30) < now ? expiry.AddMinutes(-30) : now,
            NotBefore = expiry.AddMinutes(-30) < now ? expiry.AddMinutes(-30) : now,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
