namespace GemensamNamnd.Domain.Requests;

/// <summary>What was decided on one right of a request (Art. 12(4): a right may be granted while another is refused).</summary>
public enum RightDecision
{
    /// <summary>Bifalls: the right is given in full.</summary>
    Granted,

    /// <summary>Bifalls delvis: given in part, e.g. an extract with parts withheld under secrecy (OSL).</summary>
    PartlyGranted,

    /// <summary>Avslås: refused; the data subject gets the reasons and the remedies (Art. 12(4)).</summary>
    Refused,
}

/// <summary>The request's outcome as a whole, for the lists and the statistics ("delvis avslag" is counted).</summary>
public enum RequestOutcome
{
    /// <summary>Every right granted in full.</summary>
    Granted,

    /// <summary>Some right refused or granted only in part, some granted: a partial refusal (Art. 12(4)).</summary>
    PartlyRefused,

    /// <summary>Every right refused.</summary>
    Refused,
}

/// <summary>The decision on one right: refusing it (in whole or in part) takes a ground (a key of <see cref="RefusalGrounds"/>, free text, or both).</summary>
public sealed record RightOutcomeInput(DataSubjectRights Right, RightDecision Decision, string? GroundKey, string? GroundText);

/// <summary>
/// Outcomes per right (Art. 12(4) with Art. 15–21): each right of the request is decided, once; a right refused in
/// whole or in part names its ground, from the pick-list of <see cref="RefusalGrounds"/> and/or in free text (Art. 12(4)
/// asks for the reasons). Pure; the request's register applies the result.
/// </summary>
public static class RightOutcomes
{
    /// <summary>At most this many characters of free text per right.</summary>
    public const int TextLimit = 1000;

    public static string Swedish(this RightDecision decision) => decision switch
    {
        RightDecision.Granted => "bifalls",
        RightDecision.PartlyGranted => "bifalls delvis",
        RightDecision.Refused => "avslås",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Undefined decision."),
    };

    public static string Swedish(this RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Granted => "bifall",
        RequestOutcome.PartlyRefused => "delvis avslag",
        RequestOutcome.Refused => "avslag",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Undefined outcome."),
    };

    /// <summary>
    /// What is wrong with <paramref name="outcomes"/> for a request of <paramref name="requested"/>, as (right or null,
    /// message) pairs in Swedish; empty when they can be recorded. A right not decided counts as granted, so the list may
    /// be empty or name only the rights not granted in full.
    /// </summary>
    public static IReadOnlyList<(DataSubjectRights? Right, string Message)> Check(DataSubjectRights requested, IReadOnlyCollection<RightOutcomeInput> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var errors = new List<(DataSubjectRights?, string)>();
        foreach (var group in outcomes.GroupBy(o => o.Right))
        {
            var right = group.Key;
            if (right.Each().Count() != 1 || !DataSubjectRightNames.IsValid(right))
            {
                errors.Add((null, "Ett utfall gäller en okänd rättighet."));
                continue;
            }

            if ((requested & right) == DataSubjectRights.None)
            {
                errors.Add((right, $"{right.Swedish()} ingår inte i begäran."));
                continue;
            }

            if (group.Count() > 1)
            {
                errors.Add((right, $"{right.Swedish()} har fått mer än ett utfall."));
                continue;
            }

            var o = group.Single();
            if (!Enum.IsDefined(o.Decision))
            {
                errors.Add((right, $"Välj utfall för {right.Swedish()}."));
                continue;
            }

            RefusalGrounds.Combine(o.GroundKey, o.GroundText, out var unknownKey);
            if (unknownKey)
            {
                errors.Add((right, $"Grunden för {right.Swedish()} finns inte i listan."));
            }
            else if (o.Decision != RightDecision.Granted && RefusalGrounds.Combine(o.GroundKey, o.GroundText, out _) is null)
            {
                errors.Add((right, $"Ange grunden för att {right.Swedish()} {o.Decision.Swedish()} (art. 12.4): välj i listan eller skriv den."));
            }
            else if (o.GroundText?.Trim().Length > TextLimit)
            {
                errors.Add((right, $"Skälen för {right.Swedish()} får vara högst 1 000 tecken."));
            }
        }

        return errors;
    }

    /// <summary>Every right of <paramref name="requested"/> with its decision: those not named in <paramref name="outcomes"/> are granted.</summary>
    public static IReadOnlyList<RightOutcomeInput> Complete(DataSubjectRights requested, IReadOnlyCollection<RightOutcomeInput> outcomes) =>
        [.. requested.Each().Select(r => outcomes.FirstOrDefault(o => o.Right == r) ?? new RightOutcomeInput(r, RightDecision.Granted, null, null))];

    /// <summary>The request's outcome: granted when every right is, refused when every right is, else a partial refusal.</summary>
    public static RequestOutcome Overall(IReadOnlyCollection<RightDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count == 0 || decisions.All(d => d == RightDecision.Granted))
        {
            return RequestOutcome.Granted;
        }

        return decisions.All(d => d == RightDecision.Refused) ? RequestOutcome.Refused : RequestOutcome.PartlyRefused;
    }

    /// <summary>
    /// The refusal's reasons as one text for the letter and the case (Art. 12(4)): per right not granted in full,
    /// "Radering (art. 17) avslås: Art. 17.3 b: … ." Null when every right is granted.
    /// </summary>
    public static string? Reasons(IEnumerable<RightOutcomeInput> outcomes)
    {
        var lines = outcomes.Where(o => o.Decision != RightDecision.Granted)
            .Select(o => $"{o.Right.Swedish()} {o.Decision.Swedish()}: {RefusalGrounds.Combine(o.GroundKey, o.GroundText, out _)}")
            .ToList();
        return lines.Count == 0 ? null : string.Join(" ", lines);
    }
}
