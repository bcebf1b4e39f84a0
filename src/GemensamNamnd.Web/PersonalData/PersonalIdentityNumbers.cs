using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using GemensamNamnd.Domain.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.PersonalData;

/// <summary>Section <c>PersonalData</c>.</summary>
public sealed class PersonalDataOptions : IValidatableObject
{
    public const string Section = "PersonalData";

    /// <summary>Base64 key (≥ 32 bytes) for the keyed hash that finds the same person without decrypting. A secret.</summary>
    public string? HashKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        byte[]? key = null;
        try
        {
            key = HashKey is null ? null : Convert.FromBase64String(HashKey);
        }
        catch (FormatException)
        {
        }

        if (key is null || key.Length < 32)
        {
            yield return new ValidationResult(
                "Inställningen 'PersonalData:HashKey' saknas eller är för kort (miljövariabel PersonalData__HashKey): ange minst 32 slumpmässiga byte i Base64, t.ex. från `openssl rand -base64 32`.",
                [nameof(HashKey)]);
        }
    }
}

/// <summary>
/// Personnummer and samordningsnummer at rest: encrypted with ASP.NET Core Data Protection (keys in the database, shared
/// by all instances), findable by a keyed hash (HMAC-SHA256), shown masked.
/// </summary>
public sealed class PersonalIdentityNumbers(IDataProtectionProvider protection, IOptions<PersonalDataOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("GemensamNamnd.PersonalIdentityNumber.v1");
    private readonly byte[] _hashKey = Convert.FromBase64String(options.Value.HashKey!);

    public string Protect(PersonalIdentityNumber number) => _protector.Protect(number.Value);

    /// <summary>The plain number; callers log the read (<see cref="Audit.PersonalDataRead"/>) before showing it unmasked.</summary>
    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);

    public string Hash(PersonalIdentityNumber number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.ASCII.GetBytes(number.Value)));
}

public static class PersonalDataExtensions
{
    public static IHostApplicationBuilder AddPersonalData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PersonalIdentityNumbers>();
        return builder;
    }
}
