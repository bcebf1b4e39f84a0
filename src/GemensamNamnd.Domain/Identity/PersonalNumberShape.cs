using System.Text.RegularExpressions;

namespace GemensamNamnd.Domain.Identity;

/// <summary>
/// Free text that leaves the register — the report to IMY (a public record there) or a mail — must not carry a
/// personnummer or samordningsnummer. This finds anything <em>shaped</em> like one, whatever its check digit: 10 or 12
/// digits standing alone, with or without a separator (<c>-</c>, <c>+</c>, a space or a dash) before the last four, whose
/// date part could be a birth date (month 01–12, day 01–31, or 61–91 for a samordningsnummer; a 12-digit number from
/// the 1800s, 1900s or 2000s). A mistyped or invented number is as identifying in public as a valid one, so the check
/// digit is not asked. Organisation numbers (the third digit 2 or more) and telephone numbers written in groups
/// (<c>070-123 45 67</c>, <c>063-14 30 00</c>) are not that shape.
/// </summary>
public static partial class PersonalNumberShape
{
    /// <summary>True when <paramref name="text"/> holds something shaped like a personnummer or samordningsnummer.</summary>
    public static bool Contains(string? text) => !string.IsNullOrEmpty(text) && Shape().IsMatch(text);

    // (?<!\d) and (?!\d): the number stands alone. Century 18|19|20 only with eight date digits; MM 01–12; DD 01–31 or 61–91.
    [GeneratedRegex(@"(?<!\d)(?:1[89]|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ \u2010\u2011\u2013]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
