namespace GemensamNamnd.Domain.Maturity;

/// <summary>Medians as the committee reads them: the middle value, the mean of the two middle ones for an even count.</summary>
public static class Medians
{
    /// <summary>The median of the values present; null when there is none.</summary>
    public static double? Of(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OfType<double>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The regional median of one indicator: over the parties that have a value (a party without cases has no share and
    /// does not pull the median); null when no party has one.
    /// </summary>
    public static double? Regional(IEnumerable<double?> partyValues) => Of(partyValues);
}
