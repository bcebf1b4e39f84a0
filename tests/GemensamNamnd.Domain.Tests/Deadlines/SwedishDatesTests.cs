using System.Globalization;
using GemensamNamnd.Domain.Deadlines;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Deadlines;

public class SwedishDatesTests
{
    [Theory]
    [InlineData("2026-04-05", "5 april 2026")]
    [InlineData("2026-01-01", "1 januari 2026")]
    [InlineData("2026-02-28", "28 februari 2026")]
    [InlineData("2027-08-09", "9 augusti 2027")]
    [InlineData("2026-12-31", "31 december 2026")]
    public void Long_Date_IsSwedishWithoutLeadingZero(string date, string expected)
    {
        Assert.Equal(expected, SwedishDates.Long(D(date)));
    }

    [Fact]
    public void Long_UnderEnglishCurrentCulture_IsStillSwedish()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("6 juni 2026", SwedishDates.Long(D("2026-06-06")));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
