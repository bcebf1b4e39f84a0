namespace GemensamNamnd.Domain.Breaches;

/// <summary>
/// Tests of the incident routine (övningar av incidentrutinen). The committee found routines that "exist but are not
/// always tested"; Art. 32(1)(d) asks for a process for regularly testing the measures. A party chooses how often
/// (12 months by default) and is warned when no drill was held within that interval.
/// </summary>
public static class DrillRules
{
    public const int DefaultIntervalMonths = 12;

    /// <summary>
    /// True when no drill was held in the last <paramref name="intervalMonths"/> months up to <paramref name="today"/>:
    /// none at all, or the last one on or before the same date that many months ago.
    /// </summary>
    public static bool IsOverdue(DateOnly? lastHeldOn, DateOnly today, int intervalMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalMonths, 1);
        return lastHeldOn is not { } last || last <= today.AddMonths(-intervalMonths);
    }
}
