namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// Who makes a request for the data subject. The rights are the data subject's (Art. 15–22); another may exercise them
/// for the data subject where national law or a mandate allows: a guardian for a child (föräldrabalken 6 kap.), a god man
/// or förvaltare within the assignment (föräldrabalken 11 kap.), or an ombud with a power of attorney (EDPB Guidelines
/// 01/2022 §§79–84). The data subject stays the requester; the representative is recorded beside.
/// </summary>
public enum RepresentativeKind
{
    /// <summary>Vårdnadshavare (föräldrabalken 6 kap.).</summary>
    Guardian,

    /// <summary>God man eller förvaltare (föräldrabalken 11 kap. 4 och 7 §§).</summary>
    Trustee,

    /// <summary>Ombud med fullmakt.</summary>
    Attorney,
}

/// <summary>Swedish names of <see cref="RepresentativeKind"/> and the rules of a representative's record.</summary>
public static class Representation
{
    /// <summary>"vårdnadshavare", "god man eller förvaltare" or "ombud med fullmakt": lower case, to sit mid-sentence.</summary>
    public static string Swedish(this RepresentativeKind kind) => kind switch
    {
        RepresentativeKind.Guardian => "vårdnadshavare",
        RepresentativeKind.Trustee => "god man eller förvaltare",
        RepresentativeKind.Attorney => "ombud med fullmakt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined representative kind."),
    };

    /// <summary>
    /// What is wrong with a representative's record, as (field, message) pairs: a representative needs a kind and a name;
    /// a kind without a name, or a name without a kind, is refused. The check of the authority (the guardianship, the
    /// appointment, the power of attorney) is recorded as how it was checked — never a copy of the document or the ID
    /// (Art. 5(1)(c), data minimisation; EDPB 01/2022 §§65, 77).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(
        RepresentativeKind? kind, string? name, string? authorityCheckedHow, int nameLimit = 200, int howLimit = 500)
    {
        var problems = new List<(string, string)>();
        var hasName = !string.IsNullOrWhiteSpace(name);
        var hasHow = !string.IsNullOrWhiteSpace(authorityCheckedHow);
        if (kind is { } k && !Enum.IsDefined(k))
        {
            problems.Add(("RepresentativeKind", "Okänd sorts ombud. Välj vårdnadshavare, god man eller förvaltare, eller ombud med fullmakt."));
        }
        else if (kind is null && (hasName || hasHow))
        {
            problems.Add(("RepresentativeKind", "Ange om ombudet är vårdnadshavare, god man eller förvaltare, eller ombud med fullmakt."));
        }

        if (kind is not null && !hasName)
        {
            problems.Add(("RepresentativeName", "Ange ombudets namn."));
        }
        else if (hasName && name!.Trim().Length > nameLimit)
        {
            problems.Add(("RepresentativeName", $"Ombudets namn får vara högst {nameLimit} tecken."));
        }

        if (hasHow && authorityCheckedHow!.Trim().Length > howLimit)
        {
            problems.Add(("RepresentativeCheckedHow", $"Beskrivningen av kontrollen får vara högst {howLimit} tecken."));
        }

        return problems;
    }
}

/// <summary>
/// Skyddad identitet: how the answer reaches the data subject, as the officer records it. The address is never stored,
/// so the system sends nothing itself: the answer is handed over in person, or sent through Skatteverket's forwarding
/// of mail to people with skyddad folkbokföring (folkbokföringslagen 1991:481, 16 §; Skatteverket's "förmedling").
/// </summary>
public enum ProtectedHandOver
{
    /// <summary>Lämnat personligen.</summary>
    InPerson,

    /// <summary>Via Skatteverkets förmedling.</summary>
    ViaSkatteverket,
}

/// <summary>Swedish names of <see cref="ProtectedHandOver"/>.</summary>
public static class ProtectedHandOverNames
{
    /// <summary>"lämnat personligen" or "via Skatteverkets förmedling".</summary>
    public static string Swedish(this ProtectedHandOver handOver) => handOver switch
    {
        ProtectedHandOver.InPerson => "lämnat personligen",
        ProtectedHandOver.ViaSkatteverket => "via Skatteverkets förmedling",
        _ => throw new ArgumentOutOfRangeException(nameof(handOver), handOver, "Undefined hand-over."),
    };
}
