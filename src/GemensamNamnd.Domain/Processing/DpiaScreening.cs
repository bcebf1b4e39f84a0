namespace GemensamNamnd.Domain.Processing;

/// <summary>
/// The nine criteria of the EDPB's guidelines on DPIA (WP248 rev.01, endorsed by the EDPB on 25 May 2018, section III.B.a):
/// processing meeting two or more of them normally requires an impact assessment.
/// </summary>
public enum Wp248Criterion
{
    /// <summary>1. Bedömning eller poängsättning, inklusive profilering och förutsägelser.</summary>
    EvaluationOrScoring,

    /// <summary>2. Automatiserat beslutsfattande med rättslig eller liknande betydande verkan.</summary>
    AutomatedDecisions,

    /// <summary>3. Systematisk övervakning.</summary>
    SystematicMonitoring,

    /// <summary>4. Känsliga uppgifter (art. 9, 10) eller uppgifter av mycket personlig karaktär.</summary>
    SensitiveData,

    /// <summary>5. Behandling i stor omfattning.</summary>
    LargeScale,

    /// <summary>6. Matchning eller sammanförande av datamängder.</summary>
    MatchingDatasets,

    /// <summary>7. Uppgifter om sårbara registrerade (barn, anställda, patienter, personer under omsorg).</summary>
    VulnerableSubjects,

    /// <summary>8. Innovativ användning eller ny teknik.</summary>
    InnovativeTechnology,

    /// <summary>9. Behandlingen hindrar de registrerade från att utöva en rättighet eller använda en tjänst eller ett avtal.</summary>
    PreventsRights,
}

/// <summary>
/// The kinds of processing that always require an assessment: Art. 35(3)(a)–(c), and the examples IMY gives of processing
/// that requires one. IMY's list under Art. 35(4) ("Förteckning över när en konsekvensbedömning ska göras") is the nine
/// criteria of <see cref="Wp248Criterion"/> with the rule "minst två" — which <see cref="DpiaScreening.Screen"/> applies —
/// followed by examples; the examples here are IMY's own, in its words on its page on impact assessments in working life
/// (imy.se, "Konsekvensbedömning", arbetsliv): "Exempel på behandlingar som kräver att konsekvensbedömning utförs".
/// </summary>
public enum MandatoryDpiaKind
{
    /// <summary>Art. 35.3 a: systematisk och omfattande bedömning (profilering) som ligger till grund för beslut med rättsverkan.</summary>
    ProfilingWithLegalEffects,

    /// <summary>Art. 35.3 b: behandling i stor omfattning av känsliga uppgifter (art. 9.1) eller om lagöverträdelser (art. 10).</summary>
    LargeScaleSensitive,

    /// <summary>Art. 35.3 c: systematisk övervakning i stor omfattning av allmän plats.</summary>
    PublicAreaMonitoring,

    /// <summary>IMY: "en arbetsgivare som systematiskt övervakar hur de anställda använder internet och e-post".</summary>
    EmployeeMonitoring,

    /// <summary>IMY: "ett inpasseringssystem för anställda som innefattar behandling av biometriska uppgifter i syfte att identifiera en viss person".</summary>
    BiometricIdentification,

    /// <summary>IMY: "ett gemensamt system som ger möjlighet att anmäla missförhållanden på arbetsplatsen – ett så kallat visselblåsarsystem".</summary>
    WhistleblowingSystem,

    /// <summary>IMY: "ett rekryteringsföretag som inrättar kandidat- eller kompetensdatabaser".</summary>
    CandidateDatabase,

    /// <summary>IMY: "verksamheter som utför bakgrundskontroller inför rekryteringar".</summary>
    BackgroundChecks,
}

/// <summary>What a screening found: whether an assessment is required and why, in Swedish.</summary>
public sealed record ScreeningResult(bool Required, int CriteriaMet, IReadOnlyList<MandatoryDpiaKind> Mandatory, string Reason);

/// <summary>
/// The screening (tröskelbedömning) of a processing activity before it starts (Art. 35(1)): an assessment is required
/// when the processing is of a kind that always requires one (Art. 35(3), IMY's examples) or when it meets two or more of
/// the nine criteria — IMY's list under Art. 35(4): "En konsekvensbedömning ska göras om minst två av de nedanstående
/// punkterna finns med i den planerade behandlingen" (the criteria are the EDPB's, WP248 rev.01).
/// </summary>
public static class DpiaScreening
{
    /// <summary>WP248 rev.01: two criteria or more → an assessment is normally required.</summary>
    public const int CriteriaThreshold = 2;

    public static ScreeningResult Screen(IReadOnlyCollection<Wp248Criterion> criteria, IReadOnlyCollection<MandatoryDpiaKind> mandatory)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(mandatory);
        var met = criteria.Distinct().Count();
        var kinds = mandatory.Distinct().Order().ToList();
        if (kinds.Count > 0)
        {
            return new ScreeningResult(true, met, kinds, $"Konsekvensbedömning krävs: behandlingen är av ett slag som alltid kräver en ({string.Join(", ", kinds.Select(k => k.Source()))}).");
        }

        return met >= CriteriaThreshold
            ? new ScreeningResult(true, met, kinds, $"Konsekvensbedömning krävs: behandlingen uppfyller {met} av de nio kriterierna i IMY:s förteckning enligt art. 35.4 (minst två).")
            : new ScreeningResult(false, met, kinds, met == 1
                ? "Konsekvensbedömning krävs normalt inte: behandlingen uppfyller ett av de nio kriterierna i IMY:s förteckning enligt art. 35.4. Skälen ska dokumenteras."
                : "Konsekvensbedömning krävs normalt inte: behandlingen uppfyller inget av de nio kriterierna i IMY:s förteckning enligt art. 35.4.");
    }

    /// <summary>Where the kind comes from: "art. 35.3 a" or "IMY:s förteckning".</summary>
    public static string Source(this MandatoryDpiaKind kind) => kind switch
    {
        MandatoryDpiaKind.ProfilingWithLegalEffects => "art. 35.3 a",
        MandatoryDpiaKind.LargeScaleSensitive => "art. 35.3 b",
        MandatoryDpiaKind.PublicAreaMonitoring => "art. 35.3 c",
        _ => "IMY:s exempel",
    };

    public static string Swedish(this MandatoryDpiaKind kind) => kind switch
    {
        MandatoryDpiaKind.ProfilingWithLegalEffects => "Systematisk och omfattande bedömning (profilering) som ligger till grund för beslut med rättsverkan (art. 35.3 a)",
        MandatoryDpiaKind.LargeScaleSensitive => "Känsliga uppgifter eller uppgifter om lagöverträdelser i stor omfattning (art. 35.3 b)",
        MandatoryDpiaKind.PublicAreaMonitoring => "Systematisk övervakning i stor omfattning av allmän plats (art. 35.3 c)",
        MandatoryDpiaKind.EmployeeMonitoring => "Arbetsgivare som systematiskt övervakar hur de anställda använder internet och e-post (IMY:s exempel)",
        MandatoryDpiaKind.BiometricIdentification => "Inpasseringssystem för anställda med biometriska uppgifter för att identifiera en viss person (IMY:s exempel)",
        MandatoryDpiaKind.WhistleblowingSystem => "Visselblåsarsystem för att anmäla missförhållanden på arbetsplatsen (IMY:s exempel)",
        MandatoryDpiaKind.CandidateDatabase => "Kandidat- eller kompetensdatabaser vid rekrytering (IMY:s exempel)",
        MandatoryDpiaKind.BackgroundChecks => "Bakgrundskontroller inför rekryteringar (IMY:s exempel)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Swedish(this Wp248Criterion criterion) => criterion switch
    {
        Wp248Criterion.EvaluationOrScoring => "Bedömning eller poängsättning (profilering)",
        Wp248Criterion.AutomatedDecisions => "Automatiserade beslut med rättslig eller liknande betydande verkan",
        Wp248Criterion.SystematicMonitoring => "Systematisk övervakning",
        Wp248Criterion.SensitiveData => "Känsliga uppgifter eller uppgifter av mycket personlig karaktär",
        Wp248Criterion.LargeScale => "Behandling i stor omfattning",
        Wp248Criterion.MatchingDatasets => "Matchning eller sammanförande av datamängder",
        Wp248Criterion.VulnerableSubjects => "Sårbara registrerade (barn, anställda, personer under omsorg)",
        Wp248Criterion.InnovativeTechnology => "Innovativ användning eller ny teknik",
        Wp248Criterion.PreventsRights => "Hindrar de registrerade från en rättighet, tjänst eller ett avtal",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };
}
