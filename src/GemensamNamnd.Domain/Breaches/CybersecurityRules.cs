using GemensamNamnd.Domain.Deadlines;

namespace GemensamNamnd.Domain.Breaches;

/// <summary>
/// The rules of a significant incident under cybersäkerhetslagen (2025:1506) recorded on a breach: the clocks run from
/// the awareness time, so marking significant needs one; each step is sent once, in order, never before awareness or in
/// the future; the final report follows the notification (NIS2 Art. 23(4)(d)).
/// </summary>
public static class CybersecurityRules
{
    /// <summary>The step's name as the authority calls it.</summary>
    public static string Swedish(this CybersecurityStep step) => step switch
    {
        CybersecurityStep.EarlyWarning => "Tidig varning",
        CybersecurityStep.Notification => "Incidentanmälan",
        CybersecurityStep.FinalReport => "Slutrapport",
        _ => step.ToString(),
    };

    /// <summary>The step's name in the API path: early-warning, notification, final-report.</summary>
    public static string Slug(this CybersecurityStep step) => step switch
    {
        CybersecurityStep.EarlyWarning => "early-warning",
        CybersecurityStep.Notification => "notification",
        CybersecurityStep.FinalReport => "final-report",
        _ => step.ToString(),
    };

    /// <summary>The step named by <paramref name="slug"/> (case-insensitive), or null.</summary>
    public static CybersecurityStep? FromSlug(string? slug) =>
        Enum.GetValues<CybersecurityStep>().Cast<CybersecurityStep?>().FirstOrDefault(s => string.Equals(s!.Value.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Marking a breach significant: the clocks need the awareness time.</summary>
    public static List<BreachRuleError> CheckMarking(bool significant, DateTimeOffset? awareAt)
    {
        var errors = new List<BreachRuleError>();
        if (significant && awareAt is null)
        {
            errors.Add(new("SignificantIncident", "En betydande incident enligt cybersäkerhetslagen kräver tidpunkten då parten fick kännedom: tidsfristerna på 24 timmar, 72 timmar och en månad räknas därifrån."));
        }

        return errors;
    }

    /// <summary>
    /// Recording that a step was sent: the breach must be marked significant, the step not already sent, the earlier
    /// steps sent (the final report follows the notification), and the time given, not before awareness and not in the future.
    /// </summary>
    public static List<BreachRuleError> CheckSent(
        CybersecurityStep step, bool significant, DateTimeOffset awareAt, DateTimeOffset? alreadySent, DateTimeOffset? notificationSentAt, DateTimeOffset? sentAt, DateTimeOffset now)
    {
        var errors = new List<BreachRuleError>();
        if (!significant)
        {
            errors.Add(new("SignificantIncident", "Incidenten är inte markerad som betydande incident enligt cybersäkerhetslagen."));
            return errors;
        }

        if (alreadySent is { } sent)
        {
            errors.Add(new("Step", $"{step.Swedish()} är redan registrerad som skickad."));
        }

        if (step == CybersecurityStep.FinalReport && notificationSentAt is null)
        {
            errors.Add(new("Step", "Slutrapporten lämnas efter incidentanmälan: registrera först att incidentanmälan är skickad."));
        }

        if (sentAt is not { } at)
        {
            errors.Add(new("SentAt", "Ange när den skickades."));
        }
        else if (at < awareAt)
        {
            errors.Add(new("SentAt", "Tidpunkten då den skickades kan inte ligga före tidpunkten då parten fick kännedom om incidenten."));
        }
        else if (at > now + BreachRules.Skew)
        {
            errors.Add(new("SentAt", "Tidpunkten då den skickades kan inte ligga i framtiden."));
        }
        else if (step == CybersecurityStep.FinalReport && notificationSentAt is { } n && at < n)
        {
            errors.Add(new("SentAt", "Slutrapporten kan inte ha skickats före incidentanmälan."));
        }

        return errors;
    }
}
