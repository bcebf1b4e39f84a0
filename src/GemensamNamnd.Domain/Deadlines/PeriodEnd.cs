namespace GemensamNamnd.Domain.Deadlines;

/// <summary>
/// The end of a period under Reg. (EEC, Euratom) 1182/71 Art. 3.
/// </summary>
/// <param name="NominalEnd">The same date in the last month, or that month's last day (Art. 3(2)(c)).</param>
/// <param name="End">The last day of the period after moving off non-working days (Art. 3(4)).</param>
/// <param name="Reasons">Each adjustment in Swedish, in order, e.g. "5 april 2026 är påskdagen".</param>
public sealed record PeriodEnd(DateOnly NominalEnd, DateOnly End, IReadOnlyList<string> Reasons);
