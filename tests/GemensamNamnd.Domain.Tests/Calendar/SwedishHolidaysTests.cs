using GemensamNamnd.Domain.Calendar;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Calendar;

public class SwedishHolidaysTests
{
    private static readonly PartyCalendar WithEves = new(EvesAreHolidays: true);

    [Theory]
    // Gregorian computus; expected dates from published Easter tables.
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(1583, "1583-04-10")] // first full Gregorian year
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(2038, "2038-04-25")] // latest possible date
    [InlineData(2285, "2285-03-22")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2100, "2100-03-28")]
    [InlineData(4099, "4099-04-19")]
    public void Easter_Year_ReturnsEasterSunday(int year, string expected)
    {
        Assert.Equal(D(expected), SwedishHolidays.Easter(year));
        Assert.Equal(DayOfWeek.Sunday, SwedishHolidays.Easter(year).DayOfWeek);
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(4100)]
    public void Easter_YearOutsideRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishHolidays.Easter(year));
    }

    [Theory]
    // Lag (1989:253) 1 §: långfredagen, annandag påsk, Kristi himmelsfärdsdag (Easter + 39) and
    // pingstdagen (Easter + 49) follow Easter.
    [InlineData(2024, "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-19")]
    [InlineData(2025, "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-08")]
    [InlineData(2026, "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-24")]
    [InlineData(2027, "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-16")]
    [InlineData(2028, "2028-04-14", "2028-04-17", "2028-05-25", "2028-06-04")]
    [InlineData(2029, "2029-03-30", "2029-04-02", "2029-05-10", "2029-05-20")]
    [InlineData(2030, "2030-04-19", "2030-04-22", "2030-05-30", "2030-06-09")]
    public void For_Year_HasMovableFeastsRelativeToEaster(
        int year, string goodFriday, string easterMonday, string ascension, string whitsun)
    {
        var holidays = SwedishHolidays.For(year, PartyCalendar.Statutory);
        Assert.Contains(new Holiday(D(goodFriday), "Långfredagen"), holidays);
        Assert.Contains(new Holiday(D(easterMonday), "Annandag påsk"), holidays);
        Assert.Contains(new Holiday(D(ascension), "Kristi himmelsfärdsdag"), holidays);
        Assert.Contains(new Holiday(D(whitsun), "Pingstdagen"), holidays);
        Assert.Equal(DayOfWeek.Friday, D(goodFriday).DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, D(ascension).DayOfWeek);
    }

    [Theory]
    // Lag (1989:253) 1 §: midsommardagen is the Saturday 20–26 June, alla helgons dag the Saturday
    // 31 October–6 November; midsommarafton (the Friday before) only counts by a party's choice.
    [InlineData(2024, "2024-06-21", "2024-06-22", "2024-11-02")]
    [InlineData(2025, "2025-06-20", "2025-06-21", "2025-11-01")]
    [InlineData(2026, "2026-06-19", "2026-06-20", "2026-10-31")] // both at the start of their range
    [InlineData(2027, "2027-06-25", "2027-06-26", "2027-11-06")] // both at the end of their range
    [InlineData(2028, "2028-06-23", "2028-06-24", "2028-11-04")]
    [InlineData(2029, "2029-06-22", "2029-06-23", "2029-11-03")]
    [InlineData(2030, "2030-06-21", "2030-06-22", "2030-11-02")]
    public void For_Year_HasMidsummerAndAllSaints(int year, string midsummerEve, string midsummerDay, string allSaints)
    {
        var statutory = SwedishHolidays.For(year, PartyCalendar.Statutory);
        Assert.Contains(new Holiday(D(midsummerDay), "Midsommardagen"), statutory);
        Assert.Contains(new Holiday(D(allSaints), "Alla helgons dag"), statutory);
        Assert.DoesNotContain(statutory, h => h.Date == D(midsummerEve));

        Assert.Contains(new Holiday(D(midsummerEve), "Midsommarafton"), SwedishHolidays.For(year, WithEves));
    }

    [Fact]
    public void For_2026Statutory_ListsThirteenHolidaysInOrder()
    {
        Holiday[] expected =
        [
            new(D("2026-01-01"), "Nyårsdagen"),
            new(D("2026-01-06"), "Trettondedag jul"),
            new(D("2026-04-03"), "Långfredagen"),
            new(D("2026-04-05"), "Påskdagen"),
            new(D("2026-04-06"), "Annandag påsk"),
            new(D("2026-05-01"), "Första maj"),
            new(D("2026-05-14"), "Kristi himmelsfärdsdag"),
            new(D("2026-05-24"), "Pingstdagen"),
            new(D("2026-06-06"), "Sveriges nationaldag"),
            new(D("2026-06-20"), "Midsommardagen"),
            new(D("2026-10-31"), "Alla helgons dag"),
            new(D("2026-12-25"), "Juldagen"),
            new(D("2026-12-26"), "Annandag jul"),
        ];
        Assert.Equal(expected, SwedishHolidays.For(2026, PartyCalendar.Statutory));
    }

    [Fact]
    public void For_2026WithEves_AddsTheThreeEves()
    {
        var holidays = SwedishHolidays.For(2026, WithEves);
        Assert.Equal(16, holidays.Count);
        Assert.Contains(new Holiday(D("2026-06-19"), "Midsommarafton"), holidays);
        Assert.Contains(new Holiday(D("2026-12-24"), "Julafton"), holidays);
        Assert.Contains(new Holiday(D("2026-12-31"), "Nyårsafton"), holidays);
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
    }

    [Fact]
    public void Statutory_Default_DoesNotCountEves()
    {
        Assert.False(PartyCalendar.Statutory.EvesAreHolidays);
    }

    [Theory]
    [InlineData("2026-01-01", false, true)] // nyårsdagen
    [InlineData("2026-06-06", false, true)] // nationaldagen, a Saturday in 2026
    [InlineData("2026-12-26", false, true)] // annandag jul
    [InlineData("2026-12-24", false, false)] // julafton: not in lag (1989:253)
    [InlineData("2026-12-24", true, true)] // ... unless the party counts eves (lag 1930:173)
    [InlineData("2026-12-31", false, false)]
    [InlineData("2026-12-31", true, true)]
    [InlineData("2026-06-19", false, false)] // midsommarafton
    [InlineData("2026-06-19", true, true)]
    [InlineData("2026-04-30", true, false)] // valborgsmässoafton is never a holiday
    [InlineData("2026-01-05", true, false)] // trettondagsafton neither
    [InlineData("2026-05-25", false, false)] // annandag pingst: removed by SFS 2004:1320
    [InlineData("2026-03-29", false, false)] // an ordinary Sunday is not a "holiday" here
    public void IsPublicHoliday_Date_ReturnsExpected(string date, bool evesAreHolidays, bool expected)
    {
        Assert.Equal(expected, SwedishHolidays.IsPublicHoliday(D(date), new PartyCalendar(evesAreHolidays)));
    }

    [Theory]
    // Reg. 1182/71 Art. 2(2): working days are all days other than public holidays, Sundays and Saturdays.
    [InlineData("2026-04-03", false, false)] // långfredagen
    [InlineData("2026-04-07", false, true)] // Tuesday after Easter
    [InlineData("2026-03-28", false, false)] // Saturday
    [InlineData("2026-03-29", false, false)] // Sunday
    [InlineData("2026-03-30", false, true)] // Monday
    [InlineData("2026-12-24", false, true)] // julafton, Thursday, strict default
    [InlineData("2026-12-24", true, false)] // julafton when the party counts eves
    [InlineData("2026-04-30", false, true)] // valborgsmässoafton, Thursday
    [InlineData("2026-11-02", false, true)] // Monday after alla helgons dag
    [InlineData("2026-05-14", false, false)] // Kristi himmelsfärdsdag, Thursday
    [InlineData("2026-05-15", false, true)] // klämdag: still a working day
    public void IsWorkingDay_Date_ReturnsExpected(string date, bool evesAreHolidays, bool expected)
    {
        Assert.Equal(expected, SwedishHolidays.IsWorkingDay(D(date), new PartyCalendar(evesAreHolidays)));
    }
}
