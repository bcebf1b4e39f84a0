using GemensamNamnd.Web.Features.Breaches;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Which clock reminder a breach awaiting its report is at, hour by hour after awareness (24, 48, 66, 72).</summary>
public sealed class BreachReminderRulesTests
{
    // Across the October change to winter time: hours are elapsed hours, so the wall clock does not matter.
    private static readonly DateTimeOffset Aware = new(2026, 10, 24, 22, 30, 0, TimeSpan.Zero);
    private static readonly int[] Hours = [24, 48, 66, 72];

    [Theory]
    [InlineData(0, null, 0)]
    [InlineData(23.99, null, 0)]
    [InlineData(24, BreachReminderSource.Clock, 24)]
    [InlineData(47.99, BreachReminderSource.Clock, 24)]
    [InlineData(48, BreachReminderSource.Clock, 48)]
    [InlineData(65.99, BreachReminderSource.Clock, 48)]
    [InlineData(66, BreachReminderSource.Clock, 66)]
    [InlineData(71.99, BreachReminderSource.Clock, 66)]
    [InlineData(72, BreachReminderSource.Late, 72)]
    [InlineData(500, BreachReminderSource.Late, 72)]
    public void ClockKey_ByHoursSinceAwareness(double hours, string? kind, int threshold)
    {
        var key = BreachReminderSource.ClockKey(Aware, Aware.AddHours(hours), Hours);
        Assert.Equal(kind is null ? null : (kind, threshold), key);
    }

    [Fact]
    public void ClockKey_TheLateReminderComesAt72Hours_EvenWhenThePartyLeftItOutOfItsThresholds()
    {
        Assert.Equal((BreachReminderSource.Clock, 24), BreachReminderSource.ClockKey(Aware, Aware.AddHours(71), [24]));
        Assert.Equal((BreachReminderSource.Late, 72), BreachReminderSource.ClockKey(Aware, Aware.AddHours(72), [24]));
        Assert.Null(BreachReminderSource.ClockKey(Aware, Aware.AddHours(71), []));
    }
}
