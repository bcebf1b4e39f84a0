using System.Globalization;

namespace GemensamNamnd.Domain.Deadlines;

/// <summary>Dates the way a Swedish letter writes them: "5 april 2026".</summary>
public static class SwedishDates
{
    /// <summary>The sv-SE culture; dates are Swedish on purpose, never by the server's accident.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"5 april 2026": day without leading zero, month name, year.</summary>
    public static string Long(DateOnly d) => d.ToString("d MMMM yyyy", Culture);

    /// <summary>"31 juni": a day and month, even one that does not exist.</summary>
    internal static string DayAndMonth(int day, int month) =>
        string.Create(Culture, $"{day} {Culture.DateTimeFormat.GetMonthName(month)}");

    /// <summary>"lördag".</summary>
    internal static string Weekday(DateOnly d) => Culture.DateTimeFormat.GetDayName(d.DayOfWeek);
}
