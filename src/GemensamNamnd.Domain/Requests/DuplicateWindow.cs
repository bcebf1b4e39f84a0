namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// When a new request from the same person deserves a second look.
/// <para>
/// A new request is flagged, never blocked, when the same person (matched on a keyed hash of the
/// personnummer, never the number itself, Art. 5(1)(c)) has an open request or had one registered
/// within <see cref="Lookback"/>. A warning only: every request is a new exercise of a right, and
/// Art. 12(5) lets the controller refuse or charge for a "manifestly unfounded or excessive"
/// request, "in particular because of its repetitive character", only when it can demonstrate so,
/// case by case. That judgement belongs to the handling officer, not to a rule.
/// </para>
/// </summary>
public static class DuplicateWindow
{
    /// <summary>90 days back from the new request's receipt.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(90);
}
