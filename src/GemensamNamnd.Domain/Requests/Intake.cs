namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// One request, many controllers. A citizen writes once to "the municipality", but each nämnd and each municipal company
/// is its own personuppgiftsansvarig: the letter becomes one case per controller, linked as one intake. Every case of the
/// intake has the <b>common time of receipt</b> — a request counts as received when it reaches any official channel of
/// the authority (EDPB Guidelines 01/2022 on the right of access, §55 and §159) — and so the same deadline (Art. 12(3)).
/// </summary>
public static class IntakeRules
{
    /// <summary>More controllers than any municipality has nämnder and bolag together: a list this long is a mistake.</summary>
    public const int MaxControllers = 50;

    /// <summary>
    /// Why the controllers named for one intake cannot be registered, or null: either one controller or a list, not both
    /// and not neither; the list not empty, no controller twice (each controller gets exactly one case), at most
    /// <see cref="MaxControllers"/>. Whether each controller is the party's own and active is the register's check.
    /// </summary>
    public static string? WhyNot(Guid? controllerId, IReadOnlyCollection<Guid>? controllerIds)
    {
        if (controllerId is not null && controllerIds is not null)
        {
            return "Ange antingen en personuppgiftsansvarig (controllerId) eller flera (controllerIds), inte båda.";
        }

        if (controllerId is null && controllerIds is null)
        {
            return "Välj vilken nämnd eller vilket bolag begäran gäller.";
        }

        if (controllerIds is not null)
        {
            if (controllerIds.Count == 0)
            {
                return "Välj minst en nämnd eller ett bolag som begäran gäller.";
            }

            if (controllerIds.Any(id => id == Guid.Empty))
            {
                return "Välj vilken nämnd eller vilket bolag begäran gäller.";
            }

            if (controllerIds.Distinct().Count() != controllerIds.Count)
            {
                return "Samma nämnd eller bolag är vald två gånger; varje personuppgiftsansvarig får ett ärende.";
            }

            if (controllerIds.Count > MaxControllers)
            {
                return $"Högst {MaxControllers} nämnder och bolag i en begäran.";
            }
        }

        return null;
    }

    /// <summary>
    /// The controllers in order: the single one, or the list as given (the first is the case the response describes).
    /// Call after <see cref="WhyNot"/> returned null.
    /// </summary>
    public static IReadOnlyList<Guid> Controllers(Guid? controllerId, IReadOnlyCollection<Guid>? controllerIds) =>
        controllerId is { } one ? [one] : [.. controllerIds ?? []];

    /// <summary>
    /// The time of receipt every case of the intake carries: the time it reached the authority (any official channel,
    /// EDPB 01/2022 §55, §159), not the time a nämnd got it forwarded. A forwarding never moves it.
    /// </summary>
    public static DateTimeOffset CommonReceipt(DateTimeOffset receivedByAuthority, DateTimeOffset? forwardedAt) =>
        forwardedAt is { } f && f < receivedByAuthority ? f : receivedByAuthority;
}
