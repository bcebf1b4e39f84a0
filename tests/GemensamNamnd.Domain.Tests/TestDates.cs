using System.Globalization;

namespace GemensamNamnd.Domain.Tests;

/// <summary>Dates in test data are ISO strings, since attributes cannot hold a DateOnly.</summary>
internal static class TestDates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
