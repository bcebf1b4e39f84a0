namespace GemensamNamnd.Domain.Deadlines;

/// <summary>
/// From which event a party counts the month of GDPR Art. 12(3). The strict default is
/// <see cref="Receipt"/>: Art. 12(3) says "of receipt of the request", and Art. 12(6) only lets the
/// controller ask for more information on reasonable doubt about identity, without pausing the
/// clock. Counting from <see cref="IdentityConfirmed"/> is a party's visible choice.
/// </summary>
public enum DeadlineClockStart
{
    /// <summary>The day the request was received (GDPR Art. 12(3)); the strict default.</summary>
    Receipt,

    /// <summary>The day the requester's identity was confirmed after a question under Art. 12(6).</summary>
    IdentityConfirmed,
}
