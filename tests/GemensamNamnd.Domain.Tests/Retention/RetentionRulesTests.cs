using GemensamNamnd.Domain.Retention;

namespace GemensamNamnd.Domain.Tests.Retention;

public class RetentionRulesTests
{
    private static readonly RetentionRule Requests = new(RetentionRegister.Requests, 24, RetentionAction.Thin);

    [Theory]
    // Kept for the whole anniversary day, due the day after (the plan's "N månader efter avslut", 1182/71 Art. 3(2)(c)).
    [InlineData("2024-03-15", 24, "2026-03-15", false)]
    [InlineData("2024-03-15", 24, "2026-03-16", true)]
    [InlineData("2024-03-15", 24, "2026-03-14", false)]
    // No such date in the last month: kept to its last day (29 Feb 2024 + 24 months → 28 Feb 2026).
    [InlineData("2024-02-29", 24, "2026-02-28", false)]
    [InlineData("2024-02-29", 24, "2026-03-01", true)]
    // 31 January + 1 month → the end of February.
    [InlineData("2025-01-31", 1, "2025-02-28", false)]
    [InlineData("2025-01-31", 1, "2025-03-01", true)]
    // Not moved off a holiday: kept through Christmas Day 2026, due on Boxing Day.
    [InlineData("2024-12-25", 24, "2026-12-26", true)]
    public void IsDue_AtTheBoundaryDay(string closed, int months, string today, bool due)
    {
        var rule = Requests with { Months = months };
        Assert.Equal(due, RetentionRules.IsDue(rule, DateOnly.Parse(closed), DateOnly.Parse(today)));
    }

    [Fact]
    public void DueOn_IsTheDayAfterTheLastDayKept()
    {
        Assert.Equal(new DateOnly(2026, 3, 15), RetentionRules.KeptThrough(new DateOnly(2024, 3, 15), 24));
        Assert.Equal(new DateOnly(2026, 3, 16), RetentionRules.DueOn(new DateOnly(2024, 3, 15), 24));
    }

    [Fact]
    public void Keep_IsNeverDue()
    {
        var keep = new RetentionRule(RetentionRegister.DpoAllocations, 0, RetentionAction.Keep);
        Assert.False(RetentionRules.IsDue(keep, new DateOnly(2000, 1, 1), new DateOnly(2099, 1, 1)));
    }

    [Theory]
    [InlineData(null, "Ange gallringsfristen i hela månader.")]
    [InlineData(11, "Gallringsfristen får inte vara kortare än 12 månader efter avslut.")]
    [InlineData(601, "Gallringsfristen får vara högst 600 månader; välj Bevaras för längre.")]
    [InlineData(12, null)]
    [InlineData(600, null)]
    public void WhyNotPeriod_EnforcesTheMinimumSetting(int? months, string? why) =>
        Assert.Equal(why, RetentionRules.WhyNotPeriod(months, minimumMonths: 12));

    [Fact]
    public void Describe_InSwedish()
    {
        Assert.Equal("Incidenter: gallras 60 månader efter avslut", RetentionRules.Describe(new(RetentionRegister.Breaches, 60, RetentionAction.Thin)));
        Assert.Equal("Begäranden: raderas 24 månader efter avslut", RetentionRules.Describe(Requests with { Action = RetentionAction.Delete }));
        Assert.Equal("Dataskyddsombud: bevaras", RetentionRules.Describe(new(RetentionRegister.DpoAllocations, 0, RetentionAction.Keep)));
    }
}
