namespace GemensamNamnd.Domain.Calendar;

/// <summary>
/// Swedish public holidays under lag (1989:253) om allmänna helgdagar, as in force since 2005
/// (SFS 2004:1320: Sveriges nationaldag added, annandag pingst removed).
/// </summary>
public static class SwedishHolidays
{
    /// <summary>The holidays of <paramref name="year"/> in date order, eves included when the party counts them.</summary>
    public static IReadOnlyList<Holiday> For(int year, PartyCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var easter = Easter(year);
        // Lag (1989:253) 1 §: Midsommardagen is the Saturday 20–26 June, Alla helgons dag the
        // Saturday 31 October–6 November.
        var midsummerDay = SaturdayFrom(new DateOnly(year, 6, 20));
        var allSaints = SaturdayFrom(new DateOnly(year, 10, 31));

        List<Holiday> days =
        [
            new(new DateOnly(year, 1, 1), "Nyårsdagen"),
            new(new DateOnly(year, 1, 6), "Trettondedag jul"),
            new(easter.AddDays(-2), "Långfredagen"),
            new(easter, "Påskdagen"),
            new(easter.AddDays(1), "Annandag påsk"),
            new(easter.AddDays(39), "Kristi himmelsfärdsdag"),
            new(new DateOnly(year, 5, 1), "Första maj"),
            new(new DateOnly(year, 6, 6), "Sveriges nationaldag"),
            // A Sunday anyway; listed so that a deadline explanation can name it.
            new(easter.AddDays(49), "Pingstdagen"),
            new(midsummerDay, "Midsommardagen"),
            new(allSaints, "Alla helgons dag"),
            new(new DateOnly(year, 12, 25), "Juldagen"),
            new(new DateOnly(year, 12, 26), "Annandag jul"),
        ];

        if (calendar.EvesAreHolidays)
        {
            // Lag (1930:173) om beräkning av lagstadgad tid treats these eves as holidays for
            // Swedish statutory periods; a party may choose the same for its GDPR deadlines.
            days.Add(new(midsummerDay.AddDays(-1), "Midsommarafton"));
            days.Add(new(new DateOnly(year, 12, 24), "Julafton"));
            days.Add(new(new DateOnly(year, 12, 31), "Nyårsafton"));
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days.AsReadOnly();
    }

    /// <summary>The holiday on <paramref name="date"/>, or null.</summary>
    public static Holiday? Find(DateOnly date, PartyCalendar calendar) =>
        For(date.Year, calendar).FirstOrDefault(h => h.Date == date);

    /// <summary>True when <paramref name="date"/> is a public holiday (or a counted eve).</summary>
    public static bool IsPublicHoliday(DateOnly date, PartyCalendar calendar) => Find(date, calendar) is not null;

    /// <summary>True for Monday–Friday that is not a holiday (Reg. 1182/71 Art. 2(2)).</summary>
    public static bool IsWorkingDay(DateOnly date, PartyCalendar calendar) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date, calendar);

    /// <summary>Easter Sunday by the Gregorian computus (Meeus/Jones/Butcher), years 1583–4099.</summary>
    public static DateOnly Easter(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 4099);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly SaturdayFrom(DateOnly first) =>
        first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);
}
