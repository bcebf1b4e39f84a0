namespace GemensamNamnd.Domain.Deadlines;

/// <summary>
/// The deadlines of a data subject request under GDPR Art. 12(3).
/// </summary>
/// <param name="ClockStart">The day the period runs from (not itself counted, Reg. 1182/71 Art. 3(1)).</param>
/// <param name="Due">Last day to answer: one month.</param>
/// <param name="ExtendedDue">Last day when extended by two further months: three months from <paramref name="ClockStart"/>.</param>
/// <param name="ExtensionNoticeDue">Last day to tell the data subject of an extension and why: within the first month.</param>
/// <param name="Explanation">How <paramref name="Due"/> was counted, in Swedish.</param>
/// <param name="ExtendedExplanation">How <paramref name="ExtendedDue"/> was counted, in Swedish.</param>
public sealed record RequestDeadline(
    DateOnly ClockStart,
    DateOnly Due,
    DateOnly ExtendedDue,
    DateOnly ExtensionNoticeDue,
    string Explanation,
    string ExtendedExplanation);
