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
