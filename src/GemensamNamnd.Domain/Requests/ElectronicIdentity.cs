namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// How the data subject's identity was confirmed (Art. 12(6)). The controller asks only for what it needs to know the
/// person (EDPB Guidelines 01/2022 §§65, 74–79: proportionate, no more data than needed, no copy of an ID document as a
/// rule): with an e-legitimation the record is the method, its assurance level and the time — nothing from the
/// certificate. A person without e-legitimation is not turned away: the documented route (ID shown at a visit, a
/// letter to the address in the population register…) is recorded instead.
/// </summary>
public enum IdentityCheck
{
    /// <summary>BankID.</summary>
    BankId,

    /// <summary>Freja eID+.</summary>
    FrejaEidPlus,

    /// <summary>eIDAS: a notified e-ID of another EU state.</summary>
    Eidas,

    /// <summary>Utan e-legitimation: a documented route.</summary>
    WithoutEid,
}

/// <summary>
/// Assurance level of an electronic identification (eIDAS, Reg. 910/2014 Art. 8; the Swedish tillitsnivåer of DIGG 2–4).
/// </summary>
public enum AssuranceLevel
{
    /// <summary>Låg (eIDAS low, tillitsnivå 2).</summary>
    Low,

    /// <summary>Väsentlig (eIDAS substantial, tillitsnivå 3).</summary>
    Substantial,

    /// <summary>Hög (eIDAS high, tillitsnivå 4).</summary>
    High,
}

/// <summary>Names and the rule of an identity record.</summary>
public static class IdentityChecks
{
    /// <summary>"BankID", "Freja eID+", "eIDAS" or "utan e-legitimation".</summary>
    public static string Swedish(this IdentityCheck check) => check switch
    {
        IdentityCheck.BankId => "BankID",
        IdentityCheck.FrejaEidPlus => "Freja eID+",
        IdentityCheck.Eidas => "eIDAS",
        IdentityCheck.WithoutEid => "utan e-legitimation",
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Undefined identity check."),
    };

    /// <summary>"låg", "väsentlig" or "hög" (eIDAS low, substantial, high).</summary>
    public static string Swedish(this AssuranceLevel level) => level switch
    {
        AssuranceLevel.Low => "låg",
        AssuranceLevel.Substantial => "väsentlig",
        AssuranceLevel.High => "hög",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Undefined assurance level."),
    };

    /// <summary>
    /// What is wrong with an identity record, as (field, message) pairs. Without a named check the free-text method alone
    /// stands, as before. An e-legitimation needs its assurance level; without e-legitimation the route must be described
    /// (the method text) and no assurance level is given (EDPB 01/2022 §§74–79).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(IdentityCheck? check, AssuranceLevel? level, string? method)
    {
        var problems = new List<(string, string)>();
        if (check is { } c && !Enum.IsDefined(c))
        {
            problems.Add(("IdentityCheck", "Okänd e-legitimation. Välj BankID, Freja eID+, eIDAS eller utan e-legitimation."));
            return problems;
        }

        if (level is { } l && !Enum.IsDefined(l))
        {
            problems.Add(("AssuranceLevel", "Okänd tillitsnivå. Välj låg, väsentlig eller hög."));
            return problems;
        }

        switch (check)
        {
            case null when level is not null:
                problems.Add(("IdentityCheck", "Ange vilken e-legitimation tillitsnivån gäller."));
                break;
            case IdentityCheck.WithoutEid when string.IsNullOrWhiteSpace(method):
                problems.Add(("Method", "Beskriv hur identiteten kontrollerades utan e-legitimation, t.ex. legitimation visad vid besök."));
                break;
            case IdentityCheck.WithoutEid when level is not null:
                problems.Add(("AssuranceLevel", "Utan e-legitimation anges ingen tillitsnivå."));
                break;
            case IdentityCheck.BankId or IdentityCheck.FrejaEidPlus or IdentityCheck.Eidas when level is null:
                problems.Add(("AssuranceLevel", "Ange e-legitimationens tillitsnivå."));
                break;
        }

        return problems;
    }

    /// <summary>The method as the timeline and the case show it, e.g. "BankID, tillitsnivå väsentlig".</summary>
    public static string Describe(IdentityCheck? check, AssuranceLevel? level, string? method)
    {
        var text = method?.Trim();
        if (check is not { } c)
        {
            return text ?? string.Empty;
        }

        var head = level is { } l ? $"{c.Swedish()}, tillitsnivå {l.Swedish()}" : c.Swedish();
        if (c == IdentityCheck.WithoutEid)
        {
            head = "Utan e-legitimation";
        }

        return string.IsNullOrEmpty(text) || text == head ? head : $"{head}: {text}";
    }
}
