using GemensamNamnd.Domain.Deadlines;

namespace GemensamNamnd.Domain.Tests.Deadlines;

public class BreachClockTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    [Fact]
    public void ReportingWindow_Is72Hours()
    {
        // GDPR Art. 33(1).
        Assert.Equal(TimeSpan.FromHours(72), BreachClock.ReportingWindow);
    }

    [Theory]
    // GDPR Art. 33(1): 72 hours, counted in hours; Reg. 1182/71 Art. 3(4) does not move periods in hours.
    [InlineData("2026-05-08T16:00:00Z", "2026-05-11T16:00:00Z")] // Friday → Monday, the weekend counts
    [InlineData("2026-12-24T10:00:00Z", "2026-12-27T10:00:00Z")] // over juldagen and annandag jul: ends on a Sunday
    [InlineData("2026-03-27T08:00:00Z", "2026-03-30T08:00:00Z")] // spans the spring DST change
    [InlineData("2026-02-26T23:30:00Z", "2026-03-01T23:30:00Z")] // over a month end (Feb 2026 has 28 days)
    public void DeadlineFor_AwareAt_Adds72Hours(string awareAt, string deadline)
    {
        var actual = BreachClock.DeadlineFor(DateTimeOffset.Parse(awareAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), actual);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    [Fact]
    public void DeadlineFor_AcrossSpringDstChange_IsOneHourLaterOnTheWallClock()
    {
        // Friday 27 March 2026 09:00 CET; clocks go forward on Sunday 29 March. 72 elapsed hours
        // end at 10:00 CEST on Monday 30 March, not 09:00: hours are hours.
        var aware = new DateTimeOffset(2026, 3, 27, 9, 0, 0, Cet);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, Cest), BreachClock.DeadlineFor(aware));
    }

    [Fact]
    public void DeadlineFor_AcrossAutumnDstChange_IsOneHourEarlierOnTheWallClock()
    {
        // Friday 23 October 2026 12:00 CEST; clocks go back on Sunday 25 October → Monday 11:00 CET.
        var aware = new DateTimeOffset(2026, 10, 23, 12, 0, 0, Cest);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 11, 0, 0, Cet), BreachClock.DeadlineFor(aware));
    }

    [Theory]
    // Art. 33(1): a report at exactly 72 hours is on time; later, it must give reasons for the delay.
    [InlineData(0, false)]
    [InlineData(71 * 3600, false)]
    [InlineData((72 * 3600) - 1, false)]
    [InlineData(72 * 3600, false)] // exactly 72 h
    [InlineData((72 * 3600) + 1, true)] // 72 h + 1 s
    [InlineData(96 * 3600, true)]
    public void IsLate_SecondsAfterAwareness_ReturnsExpected(int seconds, bool late)
    {
        var aware = new DateTimeOffset(2026, 5, 8, 14, 30, 0, Cest); // a Friday afternoon
        Assert.Equal(late, BreachClock.IsLate(aware, aware.AddSeconds(seconds)));
    }

    [Fact]
    public void IsLate_ReportInOtherOffset_ComparesInstants()
    {
        var aware = new DateTimeOffset(2026, 5, 8, 14, 30, 0, Cest); // 12:30 UTC
        Assert.False(BreachClock.IsLate(aware, new DateTimeOffset(2026, 5, 11, 12, 30, 0, TimeSpan.Zero)));
        Assert.True(BreachClock.IsLate(aware, new DateTimeOffset(2026, 5, 11, 14, 30, 1, Cest)));
    }

    [Theory]
    [InlineData(10, 62)]
    [InlineData(72, 0)]
    [InlineData(73, -1)] // negative once passed
    [InlineData(100, -28)]
    public void Remaining_HoursAfterAwareness_ReturnsTimeLeft(int hoursElapsed, int hoursLeft)
    {
        var aware = new DateTimeOffset(2026, 3, 28, 12, 0, 0, Cet);
        Assert.Equal(TimeSpan.FromHours(hoursLeft), BreachClock.Remaining(aware, aware.AddHours(hoursElapsed)));
    }
}

public class BreachClockSwedishTimeTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DateTimeOffset Local(string wall)
    {
        var local = DateTime.Parse(wall, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    private static string Wall(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Stockholm).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // GDPR Art. 33(1): 72 elapsed hours; Reg. 1182/71 Art. 3(4) does not apply to hours, so a DST change shifts the wall clock.
    // Spring: clocks go forward 02:00 → 03:00 on the last Sunday of March (29 March 2026, 28 March 2027).
    [InlineData("2026-03-26 09:00", "2026-03-29 10:00")] // Thursday → Sunday after the change: one hour later on the wall clock
    [InlineData("2026-03-27 09:00", "2026-03-30 10:00")]
    [InlineData("2026-03-28 01:30", "2026-03-31 02:30")]
    [InlineData("2026-03-29 01:59", "2026-04-01 02:59")] // one minute before the change
    [InlineData("2026-03-29 03:00", "2026-04-01 03:00")] // just after: no change inside the window
    [InlineData("2026-03-26 02:30", "2026-03-29 03:30")] // ends in the hour that does not exist → 03:30 CEST
    [InlineData("2027-03-26 12:00", "2027-03-29 13:00")]
    // Autumn: clocks go back 03:00 → 02:00 on the last Sunday of October (25 October 2026, 31 October 2027).
    [InlineData("2026-10-22 12:00", "2026-10-25 11:00")] // ends on the day of the change: one hour earlier on the wall clock
    [InlineData("2026-10-23 12:00", "2026-10-26 11:00")]
    [InlineData("2026-10-24 08:15", "2026-10-27 07:15")]
    [InlineData("2026-10-25 03:00", "2026-10-28 03:00")] // after the change: no shift
    [InlineData("2027-10-29 16:00", "2027-11-01 15:00")] // over Alla helgons dag weekend: holidays do not move it
    // No DST change inside: the wall clock is the same time three days later, weekends and holidays included.
    [InlineData("2026-12-23 16:00", "2026-12-26 16:00")] // over julafton and juldagen
    [InlineData("2026-06-18 10:00", "2026-06-21 10:00")] // midsommar
    [InlineData("2026-04-02 17:00", "2026-04-05 17:00")] // skärtorsdag → påskdagen
    [InlineData("2026-12-31 23:59", "2027-01-03 23:59")] // over the new year
    [InlineData("2028-02-27 12:00", "2028-03-01 12:00")] // over a leap day
    public void DeadlineFor_SwedishWallClock_Is72ElapsedHours(string aware, string deadline)
    {
        var at = Local(aware);
        var due = BreachClock.DeadlineFor(at);
        Assert.Equal(deadline, Wall(due));
        Assert.Equal(TimeSpan.FromHours(72), due - at);
    }

    [Fact]
    public void DeadlineFor_AmbiguousAutumnHour_CountsFromTheInstant()
    {
        // 25 October 2026 02:30 happens twice; the two instants are an hour apart and so are their deadlines.
        var first = new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2));
        var second = new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1), BreachClock.DeadlineFor(second) - BreachClock.DeadlineFor(first));
        Assert.Equal("2026-10-28 01:30", Wall(BreachClock.DeadlineFor(first)));
        Assert.Equal("2026-10-28 02:30", Wall(BreachClock.DeadlineFor(second)));
    }

    [Theory]
    [InlineData(0, 72)]
    [InlineData(1, 71)] // 1 s elapsed: 71 full hours and change left
    [InlineData(3600, 71)]
    [InlineData(3601, 70)]
    [InlineData(72 * 3600 - 1, 0)]
    [InlineData(72 * 3600, 0)] // exactly at the deadline
    [InlineData(72 * 3600 + 1, -1)] // one second late is an hour overdue, rounded up
    [InlineData(73 * 3600, -1)]
    [InlineData(73 * 3600 + 1, -2)]
    public void HoursLeft_SecondsElapsed_RoundsTowardsTheDeadline(int seconds, int hours)
    {
        var aware = Local("2026-10-23 12:00");
        Assert.Equal(hours, BreachClock.HoursLeft(aware, aware.AddSeconds(seconds)));
    }

    [Fact]
    public void HoursLeft_AcrossAutumnChange_CountsElapsedHoursNotWallClock()
    {
        // Aware Saturday 24 Oct 2026 22:00 CEST; at Sunday 22:00 CET 25 elapsed hours have passed (the wall clock says 24).
        var aware = Local("2026-10-24 22:00");
        Assert.Equal(72 - 25, BreachClock.HoursLeft(aware, Local("2026-10-25 22:00")));
    }

    [Fact]
    public void HoursLeft_AcrossSpringChange_CountsElapsedHoursNotWallClock()
    {
        // Aware Saturday 28 Mar 2026 22:00 CET; at Sunday 22:00 CEST 23 elapsed hours have passed.
        var aware = Local("2026-03-28 22:00");
        Assert.Equal(72 - 23, BreachClock.HoursLeft(aware, Local("2026-03-29 22:00")));
    }

    [Theory]
    // Art. 33(1): the clock runs until the report or a decision not to report; a report after 72 h is late.
    [InlineData(null, null, 10, BreachClockState.Running)]
    [InlineData(true, null, 10, BreachClockState.Running)]
    [InlineData(true, null, 72, BreachClockState.Running)] // exactly at the deadline: not yet overdue
    [InlineData(true, null, 73, BreachClockState.Overdue)]
    [InlineData(null, null, 100, BreachClockState.Overdue)]
    [InlineData(false, null, 100, BreachClockState.NotRequired)]
    [InlineData(true, 72, 100, BreachClockState.ReportedOnTime)]
    [InlineData(true, 73, 100, BreachClockState.ReportedLate)]
    [InlineData(false, 80, 100, BreachClockState.ReportedLate)] // a report made anyway is judged by the clock
    public void StateAt_Decisions_ReturnsExpected(bool? reportable, int? reportedAfterHours, int nowAfterHours, BreachClockState expected)
    {
        var aware = Local("2026-03-27 09:00");
        DateTimeOffset? reported = reportedAfterHours is { } h ? aware.AddHours(h) : null;
        Assert.Equal(expected, BreachClock.StateAt(aware, reportable, reported, aware.AddHours(nowAfterHours)));
    }

    [Theory]
    // Art. 33(4), IMY: the first supplement within four weeks of the report; a period in weeks follows Reg. 1182/71
    // Art. 3(2)(b) (same weekday four weeks later) and Art. 3(4) (off Saturdays, Sundays and holidays).
    [InlineData("2026-05-04", "2026-06-01", "2026-06-01")] // Monday → Monday
    [InlineData("2026-03-02", "2026-03-30", "2026-03-30")]
    [InlineData("2026-05-09", "2026-06-06", "2026-06-08")] // a Saturday report: ends on nationaldagen, a Saturday → Monday
    [InlineData("2026-03-08", "2026-04-05", "2026-04-07")] // ends on påskdagen → annandag påsk is a holiday too → Tuesday
    [InlineData("2026-11-28", "2026-12-26", "2026-12-28")] // annandag jul (Saturday) → Sunday → Monday
    [InlineData("2026-12-03", "2026-12-31", "2026-12-31")] // nyårsafton is a working day under lag 1989:253
    [InlineData("2027-12-03", "2027-12-31", "2027-12-31")]
    [InlineData("2026-04-17", "2026-05-15", "2026-05-15")] // Friday → Friday
    [InlineData("2026-04-03", "2026-05-01", "2026-05-04")] // långfredagen report; ends on första maj (Friday) → Monday
    public void SupplementDue_FourWeeks_Per118271(string reported, string nominal, string due)
    {
        var end = BreachClock.SupplementDue(TestDates.D(reported), GemensamNamnd.Domain.Calendar.PartyCalendar.Statutory);
        Assert.Equal(TestDates.D(nominal), end.NominalEnd);
        Assert.Equal(TestDates.D(due), end.End);
        Assert.Equal(end.NominalEnd != end.End, end.Reasons.Count > 0);
    }

    [Fact]
    public void SupplementDue_OnNewYearsEve_MovesOnlyWhenThePartyCountsEves()
    {
        var strict = BreachClock.SupplementDue(TestDates.D("2026-12-03"), GemensamNamnd.Domain.Calendar.PartyCalendar.Statutory);
        var eves = BreachClock.SupplementDue(TestDates.D("2026-12-03"), new GemensamNamnd.Domain.Calendar.PartyCalendar(EvesAreHolidays: true));
        Assert.Equal(TestDates.D("2026-12-31"), strict.End);
        Assert.Equal(TestDates.D("2027-01-04"), eves.End); // nyårsafton, nyårsdagen, then the weekend
        Assert.Contains("31 december 2026 är nyårsafton", eves.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementDue_ExplainsTheMove()
    {
        var end = BreachClock.SupplementDue(TestDates.D("2026-03-08"), GemensamNamnd.Domain.Calendar.PartyCalendar.Statutory);
        Assert.Equal(["5 april 2026 är påskdagen", "6 april 2026 är annandag påsk"], end.Reasons);
    }
}
