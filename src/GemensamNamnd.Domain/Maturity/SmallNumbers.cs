using System.Globalization;

namespace GemensamNamnd.Domain.Maturity;

/// <summary>
/// Small-number suppression on cross-party views: a count below <see cref="Threshold"/> is shown as "&lt; 5", and a
/// share or a median computed from fewer than that many cases is not shown at all, so that no single case (a citizen's
/// request, a breach) can be singled out by someone who knows the party. A party's own page shows its own exact figures.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    public const string Suppressed = "< 5";

    /// <summary>True when a count, or the base of a share or median, is too small to show across parties.</summary>
    public static bool IsSuppressed(int count) => count < Threshold;

    /// <summary>"&lt; 5" for 0–4; the count otherwise ("12").</summary>
    public static string Count(int count) => IsSuppressed(count) ? Suppressed : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value when its base has at least <see cref="Threshold"/> cases; null (not shown) otherwise.</summary>
    public static double? Guarded(double? value, int baseCount) => IsSuppressed(baseCount) ? null : value;

    /// <summary>
    /// Which quarters (0–3) of a year a cross-party view hides, given how many cases lie under one figure in each quarter.
    /// A quarter below <see cref="Threshold"/> is hidden; but the year is shown too, and the year less the shown quarters is
    /// the sum of the hidden ones, so while that sum is between 1 and 4 the smallest shown quarter is hidden as well
    /// (secondary suppression). Whatever is subtracted from the year, no fewer than five cases (or none) are left.
    /// </summary>
    public static IReadOnlySet<int> HiddenQuarters(IReadOnlyList<int> casesPerQuarter)
    {
        ArgumentNullException.ThrowIfNull(casesPerQuarter);
        var hidden = Enumerable.Range(0, casesPerQuarter.Count).Where(q => IsSuppressed(casesPerQuarter[q])).ToHashSet();
        while (hidden.Sum(q => casesPerQuarter[q]) is > 0 and < Threshold && hidden.Count < casesPerQuarter.Count)
        {
            hidden.Add(Enumerable.Range(0, casesPerQuarter.Count).Where(q => !hidden.Contains(q)).MinBy(q => casesPerQuarter[q]));
        }

        return hidden;
    }

    /// <summary>
    /// Whether a regional median would give a hidden value away: the median is a middle value, or the mean of two of which
    /// one may be hidden while the other is shown, so it is hidden when a middle value is.
    /// </summary>
    public static bool MedianGivesAwayAHiddenValue(IEnumerable<(double Value, bool Hidden)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v.Value).ToList();
        if (sorted.Count == 0)
        {
            return false;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid].Hidden : sorted[mid - 1].Hidden || sorted[mid].Hidden;
    }
}
