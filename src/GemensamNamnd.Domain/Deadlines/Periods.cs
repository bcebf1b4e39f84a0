using GemensamNamnd.Domain.Calendar;

namespace GemensamNamnd.Domain.Deadlines;

/// <summary>
/// Periods counted by Regulation (EEC, Euratom) No 1182/71 Art. 3, the EU rule for time limits
/// (IMY counts GDPR deadlines the same way). Saturdays, Sundays and holidays inside the period
/// count (Art. 3(3)); only the last day moves. A period of a month or more always holds the two
/// working days Art. 3(5) asks for, so that rule never bites here.
/// </summary>
public static class Periods
{
    /// <summary>The end of a period of <paramref name="months"/> months running from <paramref name="start"/>.</summary>
    public static PeriodEnd AddMonths(DateOnly start, int months, PartyCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentNullException.ThrowIfNull(calendar);
        List<string> reasons = [];

        // Art. 3(1): the day of the event is not counted; Art. 3(2)(c): the period ends with the day
        // in the last month with the same date, or the last day of that month when there is none.
        var nominal = start.AddMonths(months); // DateOnly.AddMonths clamps to the month's last day.
        if (nominal.Day != start.Day)
        {
            var missing = SwedishDates.DayAndMonth(start.Day, nominal.Month);
            var last = SwedishDates.DayAndMonth(nominal.Day, nominal.Month);
            reasons.Add($"{missing} finns inte → sista dagen i månaden, {last}");
        }

        // Art. 3(4): a last day on a Saturday, Sunday or public holiday moves to the next working day.
        var end = nominal;
        while (!SwedishHolidays.IsWorkingDay(end, calendar))
        {
            reasons.Add(WhyNotWorking(end, calendar));
            end = end.AddDays(1);
        }

        return new PeriodEnd(nominal, end, reasons.AsReadOnly());
    }

    // Name the holiday when there is one (even on a weekend: "26 december 2026 är annandag jul").
    private static string WhyNotWorking(DateOnly date, PartyCalendar calendar)
    {
        var holiday = SwedishHolidays.Find(date, calendar);
        var what = holiday is null ? $"en {SwedishDates.Weekday(date)}" : InSentence(holiday.Name);
        return $"{SwedishDates.Long(date)} är {what}";
    }

    // Swedish writes holiday names in lower case mid-sentence, except proper nouns.
    internal static string InSentence(string name) =>
        name.StartsWith("Kristi ", StringComparison.Ordinal) || name.StartsWith("Sveriges ", StringComparison.Ordinal)
            ? name
            : string.Concat(name[..1].ToLower(SwedishDates.Culture), name.AsSpan(1));
}
