using GemensamNamnd.Domain.Maturity;

namespace GemensamNamnd.Domain.Tests.Maturity;

/// <summary>Suppression that cannot be undone by subtracting one shown figure from another (issue 22).</summary>
public sealed class DifferencingTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-12-31")]
    [InlineData("2026-01-01", "2026-03-31")]
    [InlineData("2026-04-01", "2026-06-30")]
    [InlineData("2026-07-01", "2026-09-30")]
    [InlineData("2026-10-01", "2026-12-31")]
    public void WholeQuartersAndYears_AreAllowed(string from, string to) =>
        Assert.Null(Period.WhyNot(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-10-01", "2026-10-17")] // 7 − 6 = 1: the example that singled out one incident
    [InlineData("2026-10-18", "2026-10-18")]
    [InlineData("2026-01-01", "2026-06-30")] // half a year: year less it is another half, less a quarter is one quarter… fine, but not offered
    [InlineData("2026-02-01", "2026-04-30")] // three months, not a quarter
    [InlineData("2025-01-01", "2026-12-31")] // two years: less one year is the other, so a hidden year would show
    [InlineData("2026-01-02", "2026-12-31")]
    [InlineData("2026-10-01", "2027-03-31")]
    public void AnyOtherPeriod_IsRefused_InSwedish(string from, string to)
    {
        var why = Period.WhyNot(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(why);
        Assert.Contains("helt kvartal eller ett helt kalenderår", why, StringComparison.Ordinal);
    }

    [Fact]
    public void AReversedPeriod_SaysSo() =>
        Assert.Equal("Periodens slut ligger före dess början.", Period.WhyNot(new DateOnly(2026, 5, 1), new DateOnly(2026, 1, 1)));

    [Fact]
    public void Quarter_KnowsItsNumber_AndAYearHasNone()
    {
        Assert.Equal(new Period(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), Period.Quarter(2026, 2));
        Assert.Equal(4, Period.Quarter(2026, 4).QuarterNumber);
        Assert.Null(Period.Year(2026).QuarterNumber);
    }

    [Theory]
    [InlineData(new[] { 6, 6, 6, 6 }, new int[0])] // nothing small
    [InlineData(new[] { 6, 6, 1, 0 }, new[] { 0, 2, 3 })] // year 13 less 6 and 6 would leave 1: hide a shown quarter too
    [InlineData(new[] { 6, 7, 3, 4 }, new[] { 2, 3 })] // hidden 3 + 4 = 7: the year less the rest leaves seven, fine
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 })] // nothing at all: hidden, and the remainder is 0
    [InlineData(new[] { 9, 0, 0, 0 }, new[] { 1, 2, 3 })] // the remainder is 0: no case to single out
    [InlineData(new[] { 9, 8, 5, 2 }, new[] { 2, 3 })] // 2 alone would show as year − 22; add the smallest shown (5)
    [InlineData(new[] { 1, 1, 1, 1 }, new[] { 0, 1, 2, 3 })]
    public void HiddenQuarters_LeaveNoSmallRemainderInTheYear(int[] perQuarter, int[] expected)
    {
        var hidden = SmallNumbers.HiddenQuarters(perQuarter);
        Assert.Equal(expected, hidden.Order());
        if (SmallNumbers.IsSuppressed(perQuarter.Sum()))
        {
            return; // the year itself shows "< 5": nothing to subtract from
        }

        // The property itself: the year less any set of shown quarters leaves 0 or at least five cases.
        var shown = Enumerable.Range(0, 4).Where(q => !hidden.Contains(q)).ToList();
        for (var mask = 0; mask < 1 << shown.Count; mask++)
        {
            var remainder = perQuarter.Sum() - shown.Where((_, i) => (mask & (1 << i)) != 0).Sum(q => perQuarter[q]);
            Assert.True(remainder == 0 || remainder >= SmallNumbers.Threshold, $"remainder {remainder}");
        }
    }

    [Theory]
    [InlineData(new[] { 3.0, 7, 9, 12 }, false)] // middle 7 and 9: both shown
    [InlineData(new[] { 1.0, 3, 7, 9 }, true)] // middle 3 (hidden) and 7: the median 5 gives 3 away
    [InlineData(new[] { 1.0, 3, 7 }, true)] // the middle value itself is hidden
    [InlineData(new[] { 6.0, 7, 8 }, false)]
    public void CountMedian_IsHidden_WhenAMiddleValueIs(double[] counts, bool hidden) =>
        Assert.Equal(hidden, SmallNumbers.MedianGivesAwayAHiddenValue(counts.Select(c => (c, SmallNumbers.IsSuppressed((int)c)))));

    [Fact]
    public void CountMedian_IsHidden_WhenAMiddleValueIsHiddenByItsYear()
    {
        // 6 is hidden in a quarter view to protect its year (secondary suppression): the median must not show it either.
        Assert.True(SmallNumbers.MedianGivesAwayAHiddenValue([(2, true), (6, true), (9, false)]));
        Assert.False(SmallNumbers.MedianGivesAwayAHiddenValue([(2, true), (6, false), (9, false)]));
    }
}
