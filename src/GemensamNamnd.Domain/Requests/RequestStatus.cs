namespace GemensamNamnd.Domain.Requests;

/// <summary>Where a data subject request stands. Which moves are allowed: <see cref="RequestStatusRules"/>.</summary>
public enum RequestStatus
{
    /// <summary>Registrerad: received and registered; the month of Art. 12(3) runs.</summary>
    Registered,

    /// <summary>Identitetskontroll: more information asked for on reasonable doubt about identity (Art. 12(6)).</summary>
    IdentityCheck,

    /// <summary>Under handläggning.</summary>
    InProgress,

    /// <summary>Förlängd: extended by two further months, the data subject told why (Art. 12(3)).</summary>
    Extended,

    /// <summary>Besvarad: the request is answered (closed).</summary>
    Answered,

    /// <summary>Avslagen: refused, with reasons and the right to complain to IMY (Art. 12(4)) (closed).</summary>
    Refused,

    /// <summary>Återkallad: withdrawn by the data subject (closed).</summary>
    Withdrawn,

    /// <summary>
    /// Makulerad: registered by mistake, e.g. a duplicate (closed). Not a statement about the data subject, unlike
    /// <see cref="Withdrawn"/>; a voided case counts in no statistic (<see cref="RequestStatusRules.CountsInStatistics"/>).
    /// </summary>
    Voided,
}

/// <summary>Swedish names of <see cref="RequestStatus"/>.</summary>
public static class RequestStatusNames
{
    /// <summary>"Registrerad", "Identitetskontroll", "Under handläggning", "Förlängd", "Besvarad", "Avslagen", "Återkallad" or "Makulerad".</summary>
    public static string Swedish(this RequestStatus status) => status switch
    {
        RequestStatus.Registered => "Registrerad",
        RequestStatus.IdentityCheck => "Identitetskontroll",
        RequestStatus.InProgress => "Under handläggning",
        RequestStatus.Extended => "Förlängd",
        RequestStatus.Answered => "Besvarad",
        RequestStatus.Refused => "Avslagen",
        RequestStatus.Withdrawn => "Återkallad",
        RequestStatus.Voided => "Makulerad",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined request status."),
    };
}
