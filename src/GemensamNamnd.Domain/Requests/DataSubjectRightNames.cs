namespace GemensamNamnd.Domain.Requests;

/// <summary>Swedish names of the data subject rights, and the flags taken apart.</summary>
public static class DataSubjectRightNames
{
    // Every defined right; any other bit is not a right of GDPR Chapter III that this tracker knows.
    private const DataSubjectRights Defined =
        DataSubjectRights.Access | DataSubjectRights.Rectification | DataSubjectRights.Erasure |
        DataSubjectRights.Restriction | DataSubjectRights.Portability | DataSubjectRights.Objection;

    /// <summary>
    /// The Swedish name of one right with its article, e.g. "Registerutdrag (art. 15)".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="single"/> is <see cref="DataSubjectRights.None"/>, a combination or an undefined bit;
    /// name each right of a combination through <see cref="Each"/>.
    /// </exception>
    public static string Swedish(this DataSubjectRights single) => single switch
    {
        DataSubjectRights.Access => "Registerutdrag (art. 15)",
        DataSubjectRights.Rectification => "Rättelse (art. 16)",
        DataSubjectRights.Erasure => "Radering (art. 17)",
        DataSubjectRights.Restriction => "Begränsning (art. 18)",
        DataSubjectRights.Portability => "Dataportabilitet (art. 20)",
        DataSubjectRights.Objection => "Invändning (art. 21)",
        _ => throw new ArgumentOutOfRangeException(nameof(single), single, "Exactly one defined right is required."),
    };

    /// <summary>
    /// Each defined right in <paramref name="rights"/>, one flag at a time, in article order.
    /// Undefined bits are skipped; <see cref="IsValid"/> tells whether there are any.
    /// </summary>
    public static IEnumerable<DataSubjectRights> Each(this DataSubjectRights rights)
    {
        var remaining = (int)(rights & Defined);
        while (remaining != 0)
        {
            var lowest = remaining & -remaining;
            yield return (DataSubjectRights)lowest;
            remaining &= ~lowest;
        }
    }

    /// <summary>True when <paramref name="rights"/> names at least one right and only defined ones.</summary>
    public static bool IsValid(DataSubjectRights rights) =>
        rights != DataSubjectRights.None && (rights & ~Defined) == DataSubjectRights.None;
}
