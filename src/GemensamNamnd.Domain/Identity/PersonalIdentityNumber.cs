using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GemensamNamnd.Domain.Identity;

/// <summary>
/// A Swedish personnummer or samordningsnummer (folkbokföringslagen 1991:481 18 § and 18 a §):
/// birth date, a three-digit birth number and a Luhn check digit. A samordningsnummer adds 60 to
/// the day of birth. Sensitive: show <see cref="Masked"/>, never <see cref="Value"/>, to most users.
/// </summary>
public readonly record struct PersonalIdentityNumber
{
    private const string FormatError = "Personnumret har fel format. Skriv ÅÅÅÅMMDD-NNNN.";
    private const string MissingError = "Personnummer saknas. Skriv ÅÅÅÅMMDD-NNNN.";
    private const string DateError = "Datumet i personnumret finns inte.";
    private const string FutureError = "Födelsedatumet ligger i framtiden.";
    private const string CheckDigitError = "Kontrollsiffran stämmer inte.";

    // Samordningsnummer: day of birth + 60 (folkbokföringslagen 18 a §).
    private const int CoordinationDayOffset = 60;

    private readonly string? _value;

    private PersonalIdentityNumber(string value, DateOnly birthDate, bool isCoordinationNumber)
    {
        _value = value;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>Normalised 12-digit form with dash, <c>YYYYMMDD-NNNC</c>, day as written (+60 for samordningsnummer).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The real date of birth (for a samordningsnummer the written day − 60).</summary>
    public DateOnly BirthDate { get; }

    /// <summary>True for a samordningsnummer (day 61–91).</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary><c>YYYYMMDD-****</c>: enough to tell people apart on screen, not enough to identify.</summary>
    public string Masked => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 9), "****");

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Parses or throws <see cref="FormatException"/> with a Swedish message.</summary>
    public static PersonalIdentityNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>
    /// Accepts <c>YYYYMMDD-NNNC</c>, <c>YYYYMMDDNNNC</c>, <c>YYMMDD-NNNC</c>, <c>YYMMDDNNNC</c> and
    /// <c>YYMMDD+NNNC</c> (surrounding whitespace ignored). A 10-digit number gets the century that
    /// makes the person under 100 years old in <paramref name="today"/>'s year, or 100 or older with +.
    /// </summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? input,
        DateOnly today,
        out PersonalIdentityNumber value,
        [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = MissingError;
            return false;
        }

        var s = input.AsSpan().Trim();
        if (!TrySplit(s, out var date, out var separator, out var serial))
        {
            error = FormatError;
            return false;
        }

        var month = Number(date[^4..^2]);
        var writtenDay = Number(date[^2..]);
        var year = date.Length == 8
            ? Number(date[..4])
            : InferYear(Number(date[..2]), separator == '+', today);

        var isCoordination = writtenDay > CoordinationDayOffset;
        var day = isCoordination ? writtenDay - CoordinationDayOffset : writtenDay;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = DateError;
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = FutureError;
            return false;
        }

        // The check digit covers the ten digits YYMMDDNNN+C, day as written.
        Span<char> ten = stackalloc char[10];
        date[^6..].CopyTo(ten);
        serial.CopyTo(ten[6..]);
        if (!Luhn.IsValid(ten))
        {
            error = CheckDigitError;
            return false;
        }

        var normalised = string.Create(CultureInfo.InvariantCulture, $"{year:D4}{date[^4..]}-{serial}");
        value = new PersonalIdentityNumber(normalised, birthDate, isCoordination);
        error = null;
        return true;
    }

    // Skatteverket: the dash becomes a plus in the year the person turns 100. So with '-' the birth
    // year is the latest year ≤ today's year ending in YY; with '+' the latest one a century earlier.
    private static int InferYear(int yy, bool hundredOrOlder, DateOnly today)
    {
        var latest = hundredOrOlder ? today.Year - 100 : today.Year;
        return latest - (((latest - yy) % 100) + 100) % 100;
    }

    private static bool TrySplit(
        ReadOnlySpan<char> s,
        out ReadOnlySpan<char> date,
        out char separator,
        out ReadOnlySpan<char> serial)
    {
        date = serial = default;
        separator = '\0';
        var hasSeparator = s.Length is 11 or 13;
        if (!hasSeparator && s.Length is not (10 or 12))
        {
            return false;
        }

        var dateLength = s.Length - 4 - (hasSeparator ? 1 : 0);
        date = s[..dateLength];
        serial = s[^4..];
        if (hasSeparator)
        {
            separator = s[dateLength];
            // '+' marks a 10-digit number of someone 100 or older; a 12-digit number carries its century.
            var allowed = separator == '-' || (separator == '+' && dateLength == 6);
            if (!allowed)
            {
                return false;
            }
        }

        return IsDigits(date) && IsDigits(serial);
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExcept("0123456789");

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }
}
