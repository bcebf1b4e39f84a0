using System.Globalization;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;

namespace GemensamNamnd.Domain.Tests.Deadlines;

public class CybersecurityClockTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static TheoryData<string> DstWeekends => new()
    {
        "2026-03-27T00:00:00Z", // spring: clocks forward on Sunday 29 March 2026 (last Sunday of March)
        "2026-10-23T00:00:00Z", // autumn: clocks back on Sunday 25 October 2026 (last Sunday of October)
    };

    [Theory]
    [MemberData(nameof(DstWeekends))]
    public void HourByHourAcrossDst_EarlyWarningIs24AndNotification72ElapsedHours(string start)
    {
        // NIS2 Art. 23(4)(a)-(b): hours are elapsed hours; the wall clock shows 23 or 25 across a change, the instant does not move.
        var first = At(start);
        for (var h = 0; h < 24 * 4; h++)
        {
            var aware = first.AddHours(h);
            Assert.Equal(TimeSpan.FromHours(24), CybersecurityClock.EarlyWarningDue(aware) - aware);
            Assert.Equal(TimeSpan.FromHours(72), CybersecurityClock.NotificationDue(aware) - aware);
            Assert.Equal(TimeSpan.Zero, CybersecurityClock.NotificationDue(aware).Offset);
        }
    }

    [Fact]
    public void EarlyWarning_AcrossSpringChange_IsOneHourLaterOnTheWallClock()
    {
        // Saturday 28 March 2026 10:00 CET; 24 elapsed hours end Sunday 29 March 11:00 CEST.
        var aware = new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 11, 0, 0, TimeSpan.FromHours(2)), CybersecurityClock.EarlyWarningDue(aware));
    }

    [Fact]
    public void EarlyWarning_AcrossAutumnChange_IsOneHourEarlierOnTheWallClock()
    {
        // Saturday 24 October 2026 10:00 CEST; 24 elapsed hours end Sunday 25 October 09:00 CET.
        var aware = new DateTimeOffset(2026, 10, 24, 10, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.FromHours(1)), CybersecurityClock.EarlyWarningDue(aware));
    }

    [Theory]
    [MemberData(nameof(DstWeekends))]
    public void FinalReport_HourByHour_IsTheSameSwedishWallClockOneMonthLater(string start)
    {
        // NIS2 Art. 23(4)(d): one month after the notification; a calendar month on the Swedish wall clock. Sent a month
        // before the DST weekend, due on it: every hour keeps its local time, except those the change skips or repeats.
        var first = At(start).AddMonths(-1);
        for (var h = 0; h < 24 * 4; h++)
        {
            var sent = first.AddHours(h);
            var due = CybersecurityClock.FinalReportDue(sent, Stockholm)!.Value;
            var sentLocal = TimeZoneInfo.ConvertTime(sent, Stockholm).DateTime;
            var dueLocal = TimeZoneInfo.ConvertTime(due, Stockholm).DateTime;
            var wanted = sentLocal.AddMonths(1);
            if (Stockholm.IsInvalidTime(wanted))
            {
                Assert.Equal(new DateTime(wanted.Year, wanted.Month, wanted.Day, 3, 0, 0, DateTimeKind.Unspecified), dueLocal);
            }
            else
            {
                Assert.Equal(wanted, dueLocal);
            }

            Assert.Equal(TimeSpan.Zero, due.Offset);
            Assert.True(due > sent);
        }
    }

    [Theory]
    [InlineData("2026-03-15T09:00:00Z", "2026-04-15T08:00:00Z")] // 10:00 CET → 10:00 CEST
    [InlineData("2026-01-31T09:00:00Z", "2026-02-28T09:00:00Z")] // no 31 February: the last day of the month
    [InlineData("2026-09-25T00:30:00Z", "2026-10-25T00:30:00Z")] // 02:30 CEST → 02:30 occurs twice on 25 Oct: the first (CEST)
    [InlineData("2027-02-28T01:30:00Z", "2027-03-28T01:00:00Z")] // 02:30 CET → 28 Mar 2027 02:30 does not exist: 03:00 CEST
    public void FinalReport_KnownDates(string sent, string due)
    {
        Assert.Equal(At(due), CybersecurityClock.FinalReportDue(At(sent), Stockholm));
    }

    [Fact]
    public void FinalReport_NullUntilTheNotificationIsSent()
    {
        Assert.Null(CybersecurityClock.FinalReportDue(null, Stockholm));
        Assert.Null(CybersecurityClock.Due(CybersecurityStep.FinalReport, At("2026-05-04T08:00:00Z"), null, Stockholm));
    }

    [Fact]
    public void HourReminder_EarlyWarning_HourByHour_At12And20ThenLateAt24()
    {
        var aware = At("2026-03-28T22:00:00Z");
        for (var h = 0; h <= 30; h++)
        {
            var key = CybersecurityClock.HourReminder(CybersecurityStep.EarlyWarning, aware, aware.AddHours(h), [24, 48, 66]);
            (int, bool)? expected = h switch
            {
                < 12 => null,
                < 20 => (12, false),
                < 24 => (20, false),
                _ => (24, true),
            };
            Assert.Equal(expected, key);
        }
    }

    [Fact]
    public void HourReminder_Notification_FollowsThePartysImyHours_ThenLateAt72()
    {
        var aware = At("2026-10-24T08:00:00Z");
        int[] hours = [24, 48, 66];
        Assert.Null(CybersecurityClock.HourReminder(CybersecurityStep.Notification, aware, aware.AddHours(23), hours));
        Assert.Equal((24, false), CybersecurityClock.HourReminder(CybersecurityStep.Notification, aware, aware.AddHours(24), hours));
        Assert.Equal((66, false), CybersecurityClock.HourReminder(CybersecurityStep.Notification, aware, aware.AddHours(71), hours));
        Assert.Equal((72, true), CybersecurityClock.HourReminder(CybersecurityStep.Notification, aware, aware.AddHours(72), hours));
        Assert.Null(CybersecurityClock.HourReminder(CybersecurityStep.FinalReport, aware, aware.AddHours(900), hours));
    }

    [Fact]
    public void FinalReportReminder_DaysBeforeThenLate()
    {
        var due = At("2026-06-15T08:00:00Z");
        Assert.Null(CybersecurityClock.FinalReportReminder(null, due, 3));
        Assert.Null(CybersecurityClock.FinalReportReminder(due, due.AddDays(-3).AddSeconds(-1), 3));
        Assert.Equal((4, false), CybersecurityClock.FinalReportReminder(due, due.AddDays(-3), 3));
        Assert.Equal((4, false), CybersecurityClock.FinalReportReminder(due, due, 3));
        Assert.Equal((0, true), CybersecurityClock.FinalReportReminder(due, due.AddSeconds(1), 3));
    }

    [Fact]
    public void CheckMarking_SignificantWithoutAwareness_IsRefusedInSwedish()
    {
        var error = Assert.Single(CybersecurityRules.CheckMarking(true, null));
        Assert.Equal("SignificantIncident", error.Field);
        Assert.Contains("kännedom", error.Message, StringComparison.Ordinal);
        Assert.Empty(CybersecurityRules.CheckMarking(true, At("2026-05-04T08:00:00Z")));
        Assert.Empty(CybersecurityRules.CheckMarking(false, null));
    }

    [Fact]
    public void CheckSent_BeforeAwareness_InFuture_Twice_OrFinalBeforeNotification_IsRefused()
    {
        var aware = At("2026-05-04T08:00:00Z");
        var now = aware.AddDays(2);
        Assert.Contains(CybersecurityRules.CheckSent(CybersecurityStep.EarlyWarning, true, aware, null, null, aware.AddMinutes(-1), now), e => e.Field == "SentAt" && e.Message.Contains("före", StringComparison.Ordinal));
        Assert.Contains(CybersecurityRules.CheckSent(CybersecurityStep.EarlyWarning, true, aware, null, null, now.AddHours(1), now), e => e.Field == "SentAt");
        Assert.Contains(CybersecurityRules.CheckSent(CybersecurityStep.EarlyWarning, true, aware, aware.AddHours(1), null, aware.AddHours(2), now), e => e.Field == "Step");
        Assert.Contains(CybersecurityRules.CheckSent(CybersecurityStep.FinalReport, true, aware, null, null, aware.AddHours(2), now), e => e.Field == "Step");
        Assert.Contains(CybersecurityRules.CheckSent(CybersecurityStep.EarlyWarning, false, aware, null, null, aware.AddHours(2), now), e => e.Field == "SignificantIncident");
        Assert.Empty(CybersecurityRules.CheckSent(CybersecurityStep.EarlyWarning, true, aware, null, null, aware, now));
    }

    [Theory]
    [InlineData("early-warning", CybersecurityStep.EarlyWarning)]
    [InlineData("NOTIFICATION", CybersecurityStep.Notification)]
    [InlineData("final-report", CybersecurityStep.FinalReport)]
    public void FromSlug_KnowsTheThreeSteps(string slug, CybersecurityStep step)
    {
        Assert.Equal(step, CybersecurityRules.FromSlug(slug));
        Assert.Null(CybersecurityRules.FromSlug("report"));
    }
}
