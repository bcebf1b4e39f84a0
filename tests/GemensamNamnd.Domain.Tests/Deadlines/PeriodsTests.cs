using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Deadlines;

public class PeriodsTests
{
    private static readonly PartyCalendar WithEves = new(EvesAreHolidays: true);

    [Theory]
    // Every month end of 2026, one month. Reg. 1182/71 Art. 3(2)(c): same date, else the month's
    // last day; Art. 3(4): off Saturdays, Sundays and holidays. Weekdays checked with `date -d`.
    [InlineData("2026-01-28", "2026-02-28", "2026-03-02")] // 28 Feb Sat, 1 Mar Sun
    [InlineData("2026-01-29", "2026-02-28", "2026-03-02")] // no 29 Feb → 28 Feb Sat → Mon
    [InlineData("2026-01-30", "2026-02-28", "2026-03-02")]
    [InlineData("2026-01-31", "2026-02-28", "2026-03-02")]
    [InlineData("2026-02-28", "2026-03-28", "2026-03-30")] // 28 Mar Sat, 29 Mar Sun
    [InlineData("2026-03-28", "2026-04-28", "2026-04-28")] // received on a Saturday: no effect
    [InlineData("2026-03-29", "2026-04-29", "2026-04-29")] // received on a Sunday: no effect
    [InlineData("2026-03-30", "2026-04-30", "2026-04-30")]
    [InlineData("2026-03-31", "2026-04-30", "2026-04-30")] // no 31 April → 30 April
    [InlineData("2026-04-28", "2026-05-28", "2026-05-28")]
    [InlineData("2026-04-29", "2026-05-29", "2026-05-29")]
    [InlineData("2026-04-30", "2026-05-30", "2026-06-01")] // 30 May Sat, 31 May Sun
    [InlineData("2026-05-28", "2026-06-28", "2026-06-29")] // 28 Jun Sun
    [InlineData("2026-05-29", "2026-06-29", "2026-06-29")]
    [InlineData("2026-05-30", "2026-06-30", "2026-06-30")]
    [InlineData("2026-05-31", "2026-06-30", "2026-06-30")] // no 31 June → 30 June
    [InlineData("2026-06-28", "2026-07-28", "2026-07-28")]
    [InlineData("2026-06-29", "2026-07-29", "2026-07-29")]
    [InlineData("2026-06-30", "2026-07-30", "2026-07-30")]
    [InlineData("2026-07-28", "2026-08-28", "2026-08-28")]
    [InlineData("2026-07-29", "2026-08-29", "2026-08-31")] // 29 Aug Sat, 30 Aug Sun
    [InlineData("2026-07-30", "2026-08-30", "2026-08-31")] // 30 Aug Sun
    [InlineData("2026-07-31", "2026-08-31", "2026-08-31")]
    [InlineData("2026-08-28", "2026-09-28", "2026-09-28")]
    [InlineData("2026-08-29", "2026-09-29", "2026-09-29")]
    [InlineData("2026-08-30", "2026-09-30", "2026-09-30")]
    [InlineData("2026-08-31", "2026-09-30", "2026-09-30")] // no 31 September → 30 September
    [InlineData("2026-09-28", "2026-10-28", "2026-10-28")]
    [InlineData("2026-09-29", "2026-10-29", "2026-10-29")]
    [InlineData("2026-09-30", "2026-10-30", "2026-10-30")]
    [InlineData("2026-10-28", "2026-11-28", "2026-11-30")] // 28 Nov Sat, 29 Nov Sun
    [InlineData("2026-10-29", "2026-11-29", "2026-11-30")] // 29 Nov Sun
    [InlineData("2026-10-30", "2026-11-30", "2026-11-30")]
    [InlineData("2026-10-31", "2026-11-30", "2026-11-30")] // received on alla helgons dag: no effect
    [InlineData("2026-11-28", "2026-12-28", "2026-12-28")]
    [InlineData("2026-11-29", "2026-12-29", "2026-12-29")]
    [InlineData("2026-11-30", "2026-12-30", "2026-12-30")]
    [InlineData("2026-12-28", "2027-01-28", "2027-01-28")]
    [InlineData("2026-12-29", "2027-01-29", "2027-01-29")]
    [InlineData("2026-12-30", "2027-01-30", "2027-02-01")] // 30 Jan Sat, 31 Jan Sun
    [InlineData("2026-12-31", "2027-01-31", "2027-02-01")] // 31 Jan Sun
    public void AddMonths_OneMonthFromMonthEnds2026_EndsOnExpectedDay(string start, string nominal, string end)
    {
        var period = Periods.AddMonths(D(start), 1, PartyCalendar.Statutory);
        Assert.Equal(D(nominal), period.NominalEnd);
        Assert.Equal(D(end), period.End);
    }

    [Theory]
    // Art. 3(2)(c) on leap years and the day of receipt (Art. 3(1)): only the last day moves.
    [InlineData("2024-01-31", 1, "2024-02-29", "2024-02-29")] // leap year, Thursday
    [InlineData("2028-01-31", 1, "2028-02-29", "2028-02-29")] // leap year, Tuesday
    [InlineData("2026-01-31", 1, "2026-02-28", "2026-03-02")] // 28 Feb 2026 Sat → Mon 2 Mar
    [InlineData("2024-02-29", 1, "2024-03-29", "2024-04-02")] // långfredagen, Sat, påskdagen, annandag påsk
    [InlineData("2026-04-05", 1, "2026-05-05", "2026-05-05")] // received on påskdagen: no effect
    [InlineData("2026-12-25", 1, "2027-01-25", "2027-01-25")] // received on juldagen: no effect
    [InlineData("2026-03-07", 1, "2026-04-07", "2026-04-07")] // received on a Saturday: no effect
    [InlineData("2026-01-01", 1, "2026-02-01", "2026-02-02")] // 1 Feb 2026 Sun
    [InlineData("2026-03-03", 1, "2026-04-03", "2026-04-07")] // långfredagen … annandag påsk
    [InlineData("2026-04-01", 1, "2026-05-01", "2026-05-04")] // första maj Fri, then a weekend
    [InlineData("2026-04-14", 1, "2026-05-14", "2026-05-15")] // Kristi himmelsfärdsdag
    [InlineData("2026-05-06", 1, "2026-06-06", "2026-06-08")] // nationaldagen on a Saturday
    [InlineData("2026-12-06", 1, "2027-01-06", "2027-01-07")] // trettondedag jul, Wednesday
    [InlineData("2026-12-01", 1, "2027-01-01", "2027-01-04")] // nyårsdagen Fri → Mon 4 Jan
    [InlineData("2026-11-25", 1, "2026-12-25", "2026-12-28")] // IMY's example: juldagen → next working day
    [InlineData("2027-10-06", 1, "2027-11-06", "2027-11-08")] // alla helgons dag 2027
    [InlineData("2026-11-30", 3, "2027-02-28", "2027-03-01")] // no 30 Feb → 28 Feb Sun → Mon
    [InlineData("2026-01-05", 3, "2026-04-05", "2026-04-07")] // påskdagen, annandag påsk
    [InlineData("2026-10-31", 2, "2026-12-31", "2026-12-31")] // nyårsafton, Thursday: a working day
    [InlineData("2026-06-30", 12, "2027-06-30", "2027-06-30")]
    public void AddMonths_Statutory_EndsOnExpectedDay(string start, int months, string nominal, string end)
    {
        var period = Periods.AddMonths(D(start), months, PartyCalendar.Statutory);
        Assert.Equal(D(nominal), period.NominalEnd);
        Assert.Equal(D(end), period.End);
    }

    [Theory]
    // Eves are not holidays under lag (1989:253), so the strict default keeps a deadline on them;
    // a party that counts them as lag (1930:173) does moves it to the next working day.
    [InlineData("2026-11-24", 1, "2026-12-24", "2026-12-28")] // julafton Thu, 25–26 Dec, Sun 27
    [InlineData("2026-10-31", 2, "2026-12-31", "2027-01-04")] // nyårsafton Thu, nyårsdagen Fri, weekend
    [InlineData("2026-05-19", 1, "2026-06-19", "2026-06-22")] // midsommarafton Fri, midsommardagen, Sun
    [InlineData("2027-05-25", 1, "2027-06-25", "2027-06-28")] // midsommarafton 2027
    public void AddMonths_DueOnEve_StaysByDefaultMovesWithEves(string start, int months, string eve, string movedEnd)
    {
        var strict = Periods.AddMonths(D(start), months, PartyCalendar.Statutory);
        Assert.Equal(D(eve), strict.End);
        Assert.Empty(strict.Reasons);

        var withEves = Periods.AddMonths(D(start), months, WithEves);
        Assert.Equal(D(eve), withEves.NominalEnd);
        Assert.Equal(D(movedEnd), withEves.End);
    }

    [Fact]
    public void AddMonths_EasterSunday_GivesReasonForEachShift()
    {
        var period = Periods.AddMonths(D("2026-03-05"), 1, PartyCalendar.Statutory);
        Assert.Equal(["5 april 2026 är påskdagen", "6 april 2026 är annandag påsk"], period.Reasons);
    }

    [Fact]
    public void AddMonths_MissingDay_ExplainsLastDayOfMonth()
    {
        var period = Periods.AddMonths(D("2026-05-31"), 1, PartyCalendar.Statutory);
        Assert.Equal(["31 juni finns inte → sista dagen i månaden, 30 juni"], period.Reasons);
    }

    [Fact]
    public void AddMonths_MissingDayThenWeekend_ExplainsEveryStep()
    {
        var period = Periods.AddMonths(D("2026-01-31"), 1, PartyCalendar.Statutory);
        Assert.Equal(
            [
                "31 februari finns inte → sista dagen i månaden, 28 februari",
                "28 februari 2026 är en lördag",
                "1 mars 2026 är en söndag",
            ],
            period.Reasons);
    }

    [Fact]
    public void AddMonths_HolidayOnWeekend_NamesTheHoliday()
    {
        // 26 December 2026 is a Saturday; the holiday's name explains it better than the weekday.
        var period = Periods.AddMonths(D("2026-11-25"), 1, PartyCalendar.Statutory);
        Assert.Equal(
            ["25 december 2026 är juldagen", "26 december 2026 är annandag jul", "27 december 2026 är en söndag"],
            period.Reasons);
    }

    [Theory]
    [InlineData("2026-04-14", "14 maj 2026 är Kristi himmelsfärdsdag")] // proper noun keeps its capital
    [InlineData("2026-05-06", "6 juni 2026 är Sveriges nationaldag")]
    [InlineData("2026-04-01", "1 maj 2026 är första maj")]
    [InlineData("2026-12-01", "1 januari 2027 är nyårsdagen")]
    public void AddMonths_OnHoliday_FirstReasonNamesIt(string start, string firstReason)
    {
        Assert.Equal(firstReason, Periods.AddMonths(D(start), 1, PartyCalendar.Statutory).Reasons[0]);
    }

    [Fact]
    public void AddMonths_JulaftonWithEves_NamesJulafton()
    {
        var period = Periods.AddMonths(D("2026-11-24"), 1, WithEves);
        Assert.Equal("24 december 2026 är julafton", period.Reasons[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AddMonths_NonPositiveMonths_Throws(int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Periods.AddMonths(D("2026-01-01"), months, PartyCalendar.Statutory));
    }
}
