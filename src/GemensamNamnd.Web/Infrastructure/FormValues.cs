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
