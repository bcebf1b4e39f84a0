using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Maturity;

namespace GemensamNamnd.Domain.Tests.Maturity;

public sealed class MaturityIndicatorsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    private static RequestFacts R(DateOnly received, DateOnly due, DateOnly? answered, bool open = false, bool withdrawn = false, DateOnly? effective = null) =>
        new(received, due, effective ?? due, answered, open, withdrawn);

    [Fact]
    public void Requests_ShareOnTime_Median_Extended_OpenAndOverdue_WorkedByHand()
    {
        var facts = new[]
        {
            R(D(1, 10), D(2, 10), D(1, 20)),                     // answered on time after 10 days
            R(D(2, 1), D(3, 2), D(3, 2)),                         // answered on the due day: on time, 29 days
            R(D(3, 1), D(4, 1), D(4, 3)),                         // answered late, 33 days
            R(D(4, 1), D(5, 4), D(6, 20), effective: D(7, 1)),    // extended, answered within the extension: on time, 80 days
            R(D(10, 1), D(11, 2), null, open: true),              // open, past due on 23 Nov: late, counted as decided
            R(D(11, 1), D(12, 1), null, open: true),              // open, not yet due: not decided
            R(D(5, 5), D(6, 5), null, withdrawn: true),           // withdrawn: counted, otherwise left out
            R(D(12, 20, 2025), D(1, 20), D(1, 15), open: false),  // received in 2025: outside the period
        };

        var r = Indicators.Requests(facts, Period.Year(2026), Today);

        Assert.Equal(7, r.Count);             // all but the 2025 one
        Assert.Equal(4, r.Answered);
        Assert.Equal(5, r.Decided);           // 4 answered + 1 open past due
        Assert.Equal(3, r.AnsweredOnTime);    // 10, 29 and 80 days
        Assert.Equal(0.6, r.ShareOnTime);     // 3 of 5
        Assert.Equal(31, r.MedianDaysToAnswer); // 10, 29, 33, 80 → (29 + 33) / 2
        Assert.Equal(1, r.Extended);
        Assert.Equal(1.0 / 6, r.ShareExtended); // 1 of the 6 not withdrawn
        Assert.Equal(2, r.OpenNow);
        Assert.Equal(1, r.OverdueNow);
    }

    [Fact]
    public void Requests_None_HaveNoShareOrMedian()
    {
        var r = Indicators.Requests([], Period.Year(2026), Today);
        Assert.Equal(0, r.Count);
        Assert.Null(r.ShareOnTime);
        Assert.Null(r.MedianDaysToAnswer);
        Assert.Null(r.ShareExtended);
    }

    [Fact]
    public void Breaches_Within72Hours_Median_AndArt34Share_WorkedByHand()
    {
        var t = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var facts = new[]
        {
            new BreachFacts(t, true, t.AddHours(10), RiskLevel.Risk, null),           // on time, 10 h
            new BreachFacts(t, true, t.AddHours(72), RiskLevel.HighRisk, t.AddDays(2)), // exactly 72 h: on time; told
            new BreachFacts(t, true, t.AddHours(100), RiskLevel.HighRisk, null),      // late, 100 h; not told
            new BreachFacts(t, true, null, RiskLevel.HighRisk, null),                 // reportable, not reported: not on time
            new BreachFacts(t, false, null, RiskLevel.NoRisk, null),                  // not reportable: outside the share
            new BreachFacts(t.AddYears(-1), true, t.AddYears(-1).AddHours(1), RiskLevel.Risk, null), // 2025: outside
        };

        var b = Indicators.Breaches(facts, Period.Year(2026), i => DateOnly.FromDateTime(i.UtcDateTime), t.AddDays(30));

        Assert.Equal(5, b.Count);
        Assert.Equal(4, b.Reportable);
        Assert.Equal(2, b.ReportedWithin72Hours);
        Assert.Equal(0.5, b.ShareWithin72Hours);
        Assert.Equal(72, b.MedianHoursToReport); // 10, 72, 100
        Assert.Equal(3, b.Reported);
        Assert.Equal(3, b.HighRisk);
        Assert.Equal(1, b.HighRiskNoticed);
        Assert.Equal(1.0 / 3, b.ShareHighRiskNoticed);
    }

    /// <summary>Art. 33(1): a reportable breach whose 72 hours still run is neither on time nor late: outside the share and its base.</summary>
    [Fact]
    public void Breaches_ARunningClock_IsOutsideTheShare()
    {
        var t = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var facts = new[]
        {
            new BreachFacts(t, true, t.AddHours(10), RiskLevel.Risk, null),  // on time
            new BreachFacts(t.AddHours(100), true, null, RiskLevel.Risk, null), // 51 hours left at now: running
        };

        var b = Indicators.Breaches(facts, Period.Year(2026), i => DateOnly.FromDateTime(i.UtcDateTime), t.AddHours(121));

        Assert.Equal(2, b.Count);
        Assert.Equal(1, b.Reportable);
        Assert.Equal(1, b.ReportedWithin72Hours);
        Assert.Equal(1.0, b.ShareWithin72Hours);
    }

    [Theory]
    [InlineData("2026-03-15", "2026-04-14", 0)]
    [InlineData("2026-03-15", "2026-04-15", 1)]
    [InlineData("2026-01-31", "2026-02-28", 1)] // 31 Feb does not exist: the month's last day completes it
    [InlineData("2026-01-31", "2026-02-27", 0)]
    [InlineData("2024-11-23", "2026-11-23", 24)]
    [InlineData("2025-12-01", "2026-11-30", 11)]
    [InlineData("2026-12-01", "2026-11-30", 0)] // a planned drill: not in the past
    public void MonthsSince_CountsWholeMonths(string last, string today, int expected) =>
        Assert.Equal(expected, Indicators.MonthsSince(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void MonthsSince_NoDrill_IsNull() => Assert.Null(Indicators.MonthsSince(null, Today));

    [Theory]
    [InlineData(0, "< 5")]
    [InlineData(1, "< 5")]
    [InlineData(4, "< 5")]
    [InlineData(5, "5")]
    [InlineData(312, "312")]
    public void SmallNumbers_BelowFive_AreShownAsLessThanFive(int count, string shown) => Assert.Equal(shown, SmallNumbers.Count(count));

    [Fact]
    public void SmallNumbers_AShareOnFewerThanFiveCases_IsNotShown()
    {
        Assert.Null(SmallNumbers.Guarded(1.0, 4));   // "1 of 1 on time" would single a case out
        Assert.Equal(0.8, SmallNumbers.Guarded(0.8, 5));
    }

    [Fact]
    public void RegionalMedian_SkipsPartiesWithoutAValue()
    {
        Assert.Equal(0.7, Medians.Regional([0.9, null, 0.5, 0.7]));      // 0.5, 0.7, 0.9
        Assert.Equal(0.6, Medians.Regional([0.9, 0.5, 0.7, 0.5])!.Value, 10);   // 0.5, 0.5, 0.7, 0.9 → (0.5 + 0.7) / 2
        Assert.Null(Medians.Regional([null, null]));
    }
}
