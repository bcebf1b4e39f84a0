namespace GemensamNamnd.Domain.Identity;

/// <summary>Swedish organisationsnummer of a legal person, e.g. a municipality (212000-2627).</summary>
public static class OrganisationNumber
{
    /// <summary>
    /// True for <c>NNNNNN-NNNN</c> (or the same ten digits without the dash, surrounding whitespace
    /// ignored) whose last digit is a valid Luhn check digit and whose third digit is 2 or higher.
    /// </summary>
    public static bool IsValid(string? input)
    {
        if (input is null)
        {
            return false;
        }

        var s = input.AsSpan().Trim();
        Span<char> digits = stackalloc char[10];
        if (s.Length == 11 && s[6] == '-')
        {
            s[..6].CopyTo(digits);
            s[7..].CopyTo(digits[6..]);
        }
        else if (s.Length == 10)
        {
            s.CopyTo(digits);
        }
        else
        {
            return false;
        }

        // Lag (1974:174) om identitetsbeteckning för juridiska personer m.fl.: the number ends with
        // a Luhn check digit, and its third digit is 2 or more (a "month" of 20+), so it can never
        // be a personnummer.
        return Luhn.IsValid(digits) && digits[2] >= '2';
    }
}
