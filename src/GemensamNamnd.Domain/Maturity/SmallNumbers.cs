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
}
