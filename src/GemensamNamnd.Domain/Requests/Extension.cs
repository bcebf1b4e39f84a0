using GemensamNamnd.Domain.Deadlines;

namespace GemensamNamnd.Domain.Requests;

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
}
