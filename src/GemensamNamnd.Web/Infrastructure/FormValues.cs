using System.Globalization;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// The one parser of dates and times typed into forms, query strings and API bodies: ISO 8601 (`ÅÅÅÅ-MM-DD`, `TT:MM`),
/// invariant culture, and a sane range of years, so year 0001 or 9999 never reaches date arithmetic or the holiday rules.
/// </summary>
public static class FormValues
{
    /// <summary>The earliest year any date in the product may carry (the registers start long after).</summary>
    public const int MinYear = 2000;

    /// <summary>
    /// A choice posted from a select, by the enum member's exact name; null for empty, a number, or anything unknown
    /// (a number would otherwise parse to any value, defined or not).
    /// </summary>
    public static T? Choice<T>(string? text)
        where T : struct, Enum
    {
#pragma warning disable RS0030 // the one place that may: BannedSymbols.txt sends everyone else here
        return Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) && value.ToString() == text ? value : null;
#pragma warning restore RS0030
    }

    /// <summary>The latest year: next year (a plan or an allocation may end then), never further.</summary>
    public static int MaxYear(TimeProvider clock) => Swedish.Today(clock).Year + 1;

    /// <summary>The message for a date that is not one, naming the field in Swedish.</summary>
    public static string InvalidDate(string label) => $"{label}: ange ett datum som ÅÅÅÅ-MM-DD.";

    public static string DateOutOfRange(string label, int maxYear) => $"{label}: ange ett datum mellan år {MinYear} och {maxYear}.";

    public static string InvalidTime(string label) => $"{label}: ange en tid som TT:MM.";

    /// <summary>A date as `ÅÅÅÅ-MM-DD`, or null when <paramref name="text"/> is not one. Any year: check the range with <see cref="InRange"/>.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A time as `TT:MM` or `TT:MM:SS`, or null.</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static bool InRange(DateOnly date, TimeProvider clock) => date.Year >= MinYear && date.Year <= MaxYear(clock);

    /// <summary>A typed date (an API body's): an error naming <paramref name="label"/> when outside <see cref="MinYear"/>…next year, else null.</summary>
    public static Error? CheckRange(string field, string label, DateOnly? date, TimeProvider clock) => CheckRange(field, label, date, Swedish.Today(clock));

    /// <summary>The same, for rules that are given today's date rather than the clock.</summary>
    public static Error? CheckRange(string field, string label, DateOnly? date, DateOnly today) =>
        date is { } d && (d.Year < MinYear || d.Year > today.Year + 1) ? new Error(field, DateOutOfRange(label, today.Year + 1)) : null;

    /// <summary>A typed instant, by its UTC date (no conversion that could overflow at year 1 or 9999).</summary>
    public static Error? CheckRange(string field, string label, DateTimeOffset? at, TimeProvider clock) =>
        at is { } a ? CheckRange(field, label, DateOnly.FromDateTime(a.UtcDateTime), clock) : null;

    /// <summary>
    /// A required or optional date field: the parsed date, or an error naming <paramref name="label"/> when it is missing
    /// (if <paramref name="required"/>), not a date, or outside <see cref="MinYear"/>…next year.
    /// </summary>
    public static (DateOnly? Value, Error? Error) ParseDate(string field, string label, string? text, TimeProvider clock, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, required ? new Error(field, $"{label}: ange ett datum.") : null);
        }

        if (Date(text) is not { } date)
        {
            return (null, new Error(field, InvalidDate(label)));
        }

        return InRange(date, clock) ? (date, null) : (null, new Error(field, DateOutOfRange(label, MaxYear(clock))));
    }
}
