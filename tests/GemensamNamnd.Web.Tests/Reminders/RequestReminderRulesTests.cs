using GemensamNamnd.Web.Features.Reminders;
using GemensamNamnd.Web.Features.Requests;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Which deadline reminder a request is at, day by day around its due date (thresholds 7, 2, 0; weekly overdue).</summary>
public sealed class RequestReminderRulesTests
{
    private static readonly DateOnly Due = new(2027, 2, 4);
    private static readonly int[] Days = [7, 2, 0];

    [Theory]
    [InlineData(-8, null, 0)]
    [InlineData(-7, RequestReminderSource.Due, 7)]
    [InlineData(-5, RequestReminderSource.Due, 7)] // between thresholds: still the 7-day key (already sent → nothing new)
    [InlineData(-3, RequestReminderSource.Due, 7)]
    [InlineData(-2, RequestReminderSource.Due, 2)]
    [InlineData(-1, RequestReminderSource.Due, 2)]
    [InlineData(0, RequestReminderSource.Due, 0)]
    [InlineData(1, RequestReminderSource.Due, 0)] // overdue less than a week: the due-day key (sent late if it was missed)
    [InlineData(6, RequestReminderSource.Due, 0)]
    [InlineData(7, RequestReminderSource.Overdue, 1)]
    [InlineData(13, RequestReminderSource.Overdue, 1)]
    [InlineData(14, RequestReminderSource.Overdue, 2)]
    [InlineData(70, RequestReminderSource.Overdue, 10)]
    public void DeadlineKey_ByDaysFromDue(int offset, string? kind, int threshold)
    {
        var key = RequestReminderSource.DeadlineKey(Due, Due.AddDays(offset), Days, 7, extended: false);
        Assert.Equal(kind is null ? null : (kind, threshold), key);
    }

    [Fact]
    public void DeadlineKey_ExtendedCase_HasItsOwnKinds_SoTheNewDeadlineIsRemindedAgain()
    {
        Assert.Equal((RequestReminderSource.ExtendedDue, 7), RequestReminderSource.DeadlineKey(Due, Due.AddDays(-7), Days, 7, extended: true));
        Assert.Equal((RequestReminderSource.ExtendedOverdue, 1), RequestReminderSource.DeadlineKey(Due, Due.AddDays(7), Days, 7, extended: true));
    }

    [Fact]
    public void DeadlineKey_NoThresholds_OnlyOverdue()
    {
        Assert.Null(RequestReminderSource.DeadlineKey(Due, Due, [], 7, extended: false));
        Assert.Equal((RequestReminderSource.Overdue, 1), RequestReminderSource.DeadlineKey(Due, Due.AddDays(7), [], 7, extended: false));
    }

    [Theory]
    [InlineData("2027-01-04T05:00:00Z", "2027-01-04T06:00:00Z")] // 06:00 Swedish winter time → 07:00 the same day
    [InlineData("2027-01-04T06:00:00Z", "2027-01-04T06:00:00Z")] // exactly 07:00
    [InlineData("2027-01-04T06:00:01Z", "2027-01-05T06:00:00Z")] // just after → tomorrow
    [InlineData("2027-07-01T08:00:00Z", "2027-07-02T05:00:00Z")] // summer time: 07:00 is 05:00 UTC
    public void NextDigest_Is0700SwedishTime(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            PartyReminders.NextDigest(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Backoff_DoublesFromTheBase_CappedAt15Minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.Backoff(1, 30, 900));
        Assert.Equal(TimeSpan.FromSeconds(60), GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.Backoff(2, 30, 900));
        Assert.Equal(TimeSpan.FromSeconds(240), GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.Backoff(4, 30, 900));
        Assert.Equal(TimeSpan.FromMinutes(15), GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.Backoff(20, 30, 900));
        Assert.Equal(TimeSpan.FromMinutes(15), GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.Backoff(5000, 30, 900));
    }

    [Fact]
    public void WithTheDefaults_AMailIsGivenUpOnlyAfter24HoursOfAttempts()
    {
        var o = new GemensamNamnd.Web.Features.Outbox.MailOptions();
        var waited = TimeSpan.Zero;
        var attempt = 1;
        while (!GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.GivesUp(attempt, o))
        {
            waited += GemensamNamnd.Web.Features.Outbox.OutboxDispatcher.Backoff(attempt, o.RetryBaseSeconds, o.RetryMaxSeconds);
            attempt++;
        }

        Assert.InRange(waited, TimeSpan.FromHours(24), TimeSpan.FromHours(24) + TimeSpan.FromMinutes(15));
    }
}
