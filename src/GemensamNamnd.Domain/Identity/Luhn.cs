namespace GemensamNamnd.Domain.Identity;

/// <summary>
/// The Luhn (modulus 10) check used for Swedish personnummer, samordningsnummer and
/// organisationsnummer (folkbokföringslagen 1991:481 18–18 a §§; lag 1974:174 om identitetsbeteckning
/// för juridiska personer m.fl.).
/// </summary>
internal static class Luhn
{
    /// <summary>True when every char is an ASCII digit and the digits pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        var sum = 0;
        // Weights 2,1,2,1,... counted from the right, the check digit having weight 1.
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }
}
