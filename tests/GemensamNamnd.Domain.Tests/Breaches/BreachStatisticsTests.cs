using GemensamNamnd.Domain.Breaches;

namespace GemensamNamnd.Domain.Tests.Breaches;

public class BreachStatisticsTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static BreachFigures F(BreachTypes types, BreachCause cause, bool? reportable, int? reportedAfterHours) =>
        new(types, cause, reportable, T, reportedAfterHours is { } h ? T.AddHours(h) : null);

    [Fact]
    public void Summarise_CountsShareAndMedian()
    {
        var summary = BreachStatistics.Summarise(
        [
            F(BreachTypes.Confidentiality, BreachCause.MisdirectedMail, true, 10),
            F(BreachTypes.Confidentiality | BreachTypes.Availability, BreachCause.HackingOrMalware, true, 72), // exactly 72 h: on time
            F(BreachTypes.Availability, BreachCause.HackingOrMalware, true, 100), // late
            F(BreachTypes.Integrity, BreachCause.Other, true, null), // reportable, not yet reported: not within 72 h
            F(BreachTypes.Confidentiality, BreachCause.MisdirectedMail, false, null), // not reportable: outside the share
        ], T.AddDays(10));

        Assert.Equal(5, summary.Count);
        Assert.Equal(3, summary.ByType[BreachTypes.Confidentiality]);
        Assert.Equal(2, summary.ByType[BreachTypes.Availability]);
        Assert.Equal(1, summary.ByType[BreachTypes.Integrity]);
        Assert.Equal(2, summary.ByCause[BreachCause.MisdirectedMail]);
        Assert.Equal(2, summary.ByCause[BreachCause.HackingOrMalware]);
        Assert.Equal(0, summary.ByCause[BreachCause.LostOrStolenDevice]);
        Assert.Equal(4, summary.Reportable);
        Assert.Equal(2, summary.ReportedWithin72Hours);
        Assert.Equal(0.5, summary.ShareWithin72Hours);
        Assert.Equal(72, summary.MedianHoursToReport);
    }

    [Fact]
    public void Summarise_Nothing_HasNoShareOrMedian()
    {
        var summary = BreachStatistics.Summarise([F(BreachTypes.Integrity, BreachCause.Other, false, null)], T);
        Assert.Null(summary.ShareWithin72Hours);
        Assert.Null(summary.MedianHoursToReport);
    }

    /// <summary>
    /// Art. 33(1): the controller has 72 hours from awareness. A reportable breach not yet reported whose 72 hours have not
    /// run out is neither on time nor late yet: it counts in neither the numerator nor the denominator of the share.
    /// </summary>
    [Theory]
    [InlineData(21, 0, 1, 1)] // 51 hours left: still running, outside the share (was counted as a miss: 1 of 2)
    [InlineData(72, 0, 1, 1)] // exactly at the deadline: still within the 72 hours
    [InlineData(73, 1, 1, 2)] // one hour overdue: a miss
    public void Summarise_ARunningClock_CountsNeitherWay(int hoursSinceAwareness, int running, int onTime, int settled)
    {
        var now = T.AddHours(hoursSinceAwareness);
        var summary = BreachStatistics.Summarise(
        [
            F(BreachTypes.Confidentiality, BreachCause.MisdirectedMail, true, 10),
            F(BreachTypes.Integrity, BreachCause.Other, true, null),
        ], now);

        Assert.Equal(2, summary.Reportable);
        Assert.Equal(1 - running, summary.ClockRunning);
        Assert.Equal(onTime, summary.ReportedWithin72Hours);
        Assert.Equal(settled, summary.Settled);
        Assert.Equal((double)onTime / settled, summary.ShareWithin72Hours);
    }

    [Fact]
    public void Summarise_OnlyRunningClocks_HasNoShare()
    {
        var summary = BreachStatistics.Summarise([F(BreachTypes.Integrity, BreachCause.Other, true, null), F(BreachTypes.Integrity, BreachCause.Other, null, null)], T.AddHours(1));
        Assert.Equal(0, summary.Settled);
        Assert.Null(summary.ShareWithin72Hours);
    }

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 9.0, 1.0 }, 5.0)]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 100.0 }, 2.5)]
    public void Median_Vectors(double[] values, double? expected) => Assert.Equal(expected, BreachStatistics.Median(values));

    [Theory]
    [InlineData(null, "2026-11-23", 12, true)] // never held
    [InlineData("2026-11-22", "2026-11-23", 12, false)]
    [InlineData("2025-11-24", "2026-11-23", 12, false)] // within the last 12 months
    [InlineData("2025-11-23", "2026-11-23", 12, true)] // exactly 12 months ago: outside
    [InlineData("2025-06-01", "2026-11-23", 12, true)]
    [InlineData("2026-05-01", "2026-11-23", 6, true)]
    [InlineData("2026-06-01", "2026-11-23", 6, false)]
    [InlineData("2026-06-01", "2026-11-23", 24, false)]
    public void DrillRules_IsOverdue(string? last, string today, int months, bool overdue) =>
        Assert.Equal(overdue, DrillRules.IsOverdue(last is null ? null : TestDates.D(last), TestDates.D(today), months));
}
