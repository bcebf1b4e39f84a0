using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

/// <summary>Förvaltningslagen (2017:900) 44 § with lag (1930:173) 2 §: three weeks, moved off a non-working day.</summary>
public class AppealPeriodTests
{
    [Theory]
    // A Monday → three weeks later, a Monday.
    [InlineData("2026-11-30", "2026-12-21")]
    // 3 December + 21 = Thursday 24 December, julafton: lag 1930:173 moves it past juldagen, annandag jul and the weekend.
    [InlineData("2026-12-03", "2026-12-28")]
    // 10 December + 21 = Thursday 31 December, nyårsafton → nyårsdagen (Friday) → weekend → Monday 4 January.
    [InlineData("2026-12-10", "2027-01-04")]
    // A Saturday → Monday.
    [InlineData("2026-11-07", "2026-11-30")]
    // 29 May + 21 = Friday 19 June 2026, midsommarafton → midsommardagen (Saturday) → Sunday → Monday 22 June.
    [InlineData("2026-05-29", "2026-06-22")]
    // 16 March 2026 + 21 = 6 April, annandag påsk → Tuesday 7 April.
    [InlineData("2026-03-16", "2026-04-07")]
    public void LastDay_IsThreeWeeksLater_OrTheNextWorkingDay(string notified, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            AppealPeriod.LastDay(DateOnly.Parse(notified, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
