namespace GemensamNamnd.Domain.Processors;

/// <summary>Whether the controller followed the DPO's advice.</summary>
public enum AdviceFollowed
{
    /// <summary>Not yet known (no decision taken, or not reported back).</summary>
    Unknown,
    Yes,
    Partly,
    No,
}

/// <summary>
/// The DPO's consultation log, Art. 38(1) GDPR: the controller ensures that the DPO is involved, properly and in a timely
/// manner, in all issues relating to the protection of personal data. IMY reprimanded Socialnämnden i Örebro kommun in
/// June 2024 for not involving its DPO properly and in good time (IMY's part of the EDPB coordinated action on DPOs,
/// announced 27 June 2024; docs/rules.md). "In good time" is read here as: the DPO was
/// asked before the decision was taken (a decision not yet taken leaves time). When the advice is not followed, the
/// reasons should be documented (EDPB/WP29 guidelines on DPOs, WP 243 rev.01, 3.1).
/// </summary>
public static class ConsultationRules
{
    /// <summary>True when the DPO was asked before the decision day; true while no decision is taken.</summary>
    public static bool InGoodTime(DateOnly askedOn, DateOnly? decidedOn) => decidedOn is not { } decided || askedOn < decided;

    /// <summary>A reason is needed when the advice was not followed, in whole or in part.</summary>
    public static bool NeedsReason(AdviceFollowed followed) => followed is AdviceFollowed.No or AdviceFollowed.Partly;

    public static string Swedish(this AdviceFollowed followed) => followed switch
    {
        AdviceFollowed.Yes => "Ja",
        AdviceFollowed.Partly => "Delvis",
        AdviceFollowed.No => "Nej",
        _ => "Ej känt",
    };
}
