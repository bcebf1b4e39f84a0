using GemensamNamnd.Domain.Deadlines;

namespace GemensamNamnd.Domain.Requests;

/// <summary>What Art. 12(3) needs to know of a case to decide on an extension.</summary>
/// <param name="Status">The case's status.</param>
/// <param name="AlreadyExtended">True when an extension is already recorded (it is allowed once).</param>
/// <param name="ClockWaitsForIdentity">
/// True when the party counts the month from confirmed identity and the case waits for it (Art. 12(6)): the clock does
/// not run yet, and the deadline is counted anew when the identity is confirmed.
/// </param>
/// <param name="ReceivedOn">The day the request was received.</param>
/// <param name="Deadline">The deadlines in force; the notice is due by <see cref="RequestDeadline.ExtensionNoticeDue"/>.</param>
public sealed record ExtensionCase(RequestStatus Status, bool AlreadyExtended, bool ClockWaitsForIdentity, DateOnly ReceivedOn, RequestDeadline Deadline);

/// <summary>One refusal of an extension: the input it concerns (Status, NoticeSentOn or Reason) and why, in Swedish.</summary>
public sealed record ExtensionError(string Field, string Message);

/// <summary>
/// Extending the deadline of a data subject request by two further months, GDPR Art. 12(3):
/// allowed "where necessary, taking into account the complexity and number of the requests", and
/// the controller "shall inform the data subject of any such extension within one month of receipt
/// of the request, together with the reasons for the delay".
/// </summary>
public static class Extension
{
    /// <summary>
    /// Null when an extension noticed on <paramref name="extensionNoticeSentOn"/> with
    /// <paramref name="reason"/> is allowed; otherwise why not, in Swedish. A late notice is reported
    /// before a missing reason, since no reason can make it allowed.
    /// </summary>
    /// <param name="extensionNoticeSentOn">The day the notice of extension was sent to the data subject.</param>
    /// <param name="reason">The reasons for the delay given in the notice.</param>
    /// <param name="deadline">The request's deadlines; the notice is due by <see cref="RequestDeadline.ExtensionNoticeDue"/>.</param>
    public static string? WhyNotAllowed(DateOnly extensionNoticeSentOn, string? reason, RequestDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);

        // Art. 12(3): the notice must reach the data subject within the first month; a notice on the
        // last day of that month (as moved by Reg. 1182/71 Art. 3(4)) is on time.
        if (extensionNoticeSentOn > deadline.ExtensionNoticeDue)
        {
            return $"Förlängning måste meddelas den registrerade senast {SwedishDates.Long(deadline.ExtensionNoticeDue)} (inom en månad, art. 12.3).";
        }

        // Art. 12(3): "together with the reasons for the delay".
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Ange skälet till förlängningen (art. 12.3).";
        }

        return null;
    }

    /// <summary>
    /// Null when the case may be extended on <paramref name="today"/> (the extension form is offered); otherwise why not,
    /// in Swedish. Art. 12(3): the extension is given within the first month, while the clock runs — in handling or
    /// during the identity check when the month counts from receipt — once, and never to a case whose first deadline
    /// has passed.
    /// </summary>
    public static string? WhyNotOffered(ExtensionCase c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.AlreadyExtended || c.Status == RequestStatus.Extended)
        {
            return "Fristen är redan förlängd; den kan förlängas en gång, med högst två månader (art. 12.3).";
        }

        if (c.Status is not (RequestStatus.InProgress or RequestStatus.IdentityCheck))
        {
            return RequestStatusRules.WhyNot(c.Status, RequestStatus.Extended);
        }

        if (c.ClockWaitsForIdentity)
        {
            return "Tidsfristen börjar först när identiteten är bekräftad (art. 12.6, partens val); förläng efter bekräftelsen om det behövs.";
        }

        if (today > c.Deadline.Due)
        {
            return $"Fristen gick ut {SwedishDates.Long(c.Deadline.Due)}. Ett försenat ärende kan inte förlängas i efterhand: förlängningen ska meddelas inom en månad från mottagandet (art. 12.3).";
        }

        return null;
    }

    /// <summary>
    /// Every reason, one a field, why an extension noticed on <paramref name="noticeSentOn"/> with
    /// <paramref name="reason"/> and recorded on <paramref name="today"/> is refused (Art. 12(3)); empty when allowed.
    /// The notice is dated on or after the day of receipt, not in the future, and on or before the first deadline.
    /// </summary>
    public static IReadOnlyList<ExtensionError> Check(ExtensionCase c, DateOnly noticeSentOn, string? reason, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var errors = new List<ExtensionError>();
        if (WhyNotOffered(c, today) is { } why)
        {
            errors.Add(new ExtensionError("Status", why));
        }

        if (noticeSentOn > today)
        {
            errors.Add(new ExtensionError("NoticeSentOn", "Meddelandet om förlängning kan inte vara skickat i framtiden."));
        }
        else if (noticeSentOn < c.ReceivedOn)
        {
            errors.Add(new ExtensionError("NoticeSentOn", $"Meddelandet om förlängning kan inte vara skickat före den dag begäran kom in ({SwedishDates.Long(c.ReceivedOn)}); det ska ges inom en månad från mottagandet (art. 12.3)."));
        }
        else if (noticeSentOn > c.Deadline.ExtensionNoticeDue && errors.Count == 0)
        {
            errors.Add(new ExtensionError("NoticeSentOn", $"Förlängning måste meddelas den registrerade senast {SwedishDates.Long(c.Deadline.ExtensionNoticeDue)} (inom en månad, art. 12.3)."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new ExtensionError("Reason", "Ange skälet till förlängningen (art. 12.3)."));
        }

        return errors;
    }
}
