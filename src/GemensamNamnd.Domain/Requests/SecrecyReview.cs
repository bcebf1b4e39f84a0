namespace GemensamNamnd.Domain.Requests;

/// <summary>
/// The outcome of the secrecy review (sekretessprövning) of one system or document in an extract: every extract from a
/// Swedish authority passes one under offentlighets- och sekretesslagen (2009:400), and the right of access yields to it
/// (Art. 23 GDPR; dataskyddslagen 2018:218, 5 kap. 1 §: Art. 13–15 do not apply to what the controller may not disclose by law).
/// </summary>
public enum Disclosure
{
    /// <summary>Lämnas ut: no secrecy applies.</summary>
    Disclosed,

    /// <summary>Lämnas ut med maskering: parts are withheld (typically what concerns others).</summary>
    DisclosedMasked,

    /// <summary>Lämnas inte ut.</summary>
    Withheld,
}

/// <summary>
/// A provision of offentlighets- och sekretesslagen (2009:400) an officer may rely on, by chapter and section ("26:1").
/// <paramref name="ProtectsIndividual"/>: the secrecy protects an individual's personal circumstances, so by OSL 12 kap.
/// 1 § it does not apply against that individual (it may still protect others named in the same record).
/// <paramref name="AppliesAgainstSelf"/>: the provision itself makes the secrecy apply against the individual too
/// (e.g. OSL 25 kap. 6 §, 26 kap. 5 §), the exception "om inte annat anges" of 12 kap. 1 §.
/// </summary>
public sealed record OslProvision(string Key, string Words, bool ProtectsIndividual, bool AppliesAgainstSelf = false)
{
    /// <summary>"OSL 26 kap. 1 §".</summary>
    public string Citation => $"OSL {Key.Split(':')[0]} kap. {Key.Split(':')[1]} §";
}

/// <summary>
/// The maintained list of OSL provisions for the secrecy review, and its rules. The list holds the provisions a municipal
/// or regional authority meets in extracts; add to it here (with a test) when a party needs another — a provision not in
/// the list is refused, so every review cites a provision that exists.
/// </summary>
public static class SecrecyReview
{
    /// <summary>OSL 12 kap. 1 §: secrecy protecting an individual does not apply against that individual.</summary>
    public const string SelfRule =
        "Sekretess till skydd för en enskild gäller inte i förhållande till den enskilde själv (OSL 12 kap. 1 §): den sökandes egna uppgifter lämnas ut, bara uppgifter om andra kan maskeras.";

    /// <summary>OSL 12 kap. 3 §: for a minor, secrecy may apply also against the guardian.</summary>
    public const string GuardianRule =
        "Begäran gäller ett barn och görs av vårdnadshavaren: sekretess till skydd för barnet gäller även mot vårdnadshavaren i den utsträckning barnet kan antas lida betydande men om uppgiften röjs för vårdnadshavaren (OSL 12 kap. 3 §). Pröva varje uppgift.";

    /// <summary>At most this many characters in the note of a review.</summary>
    public const int NoteLimit = 1000;

    public static readonly IReadOnlyList<OslProvision> Provisions =
    [
        new("18:8", "Säkerhets- eller bevakningsåtgärd", ProtectsIndividual: false),
        new("19:3", "Myndighetens ekonomiska intresse vid upphandling", ProtectsIndividual: false),
        new("21:1", "Uppgift om hälsa eller sexualliv (i all verksamhet)", ProtectsIndividual: true),
        new("21:3", "Skyddad identitet: uppgifter som kan avslöja var den enskilde bor", ProtectsIndividual: true),
        new("23:1", "Förskola: enskilds personliga förhållanden", ProtectsIndividual: true),
        new("23:2", "Skolväsendet: elevhälsa, särskilt stöd och personliga förhållanden", ProtectsIndividual: true),
        new("25:1", "Hälso- och sjukvård: enskilds hälsotillstånd och personliga förhållanden", ProtectsIndividual: true),
        new("25:6", "Hälso- och sjukvård: sekretess mot den enskilde själv (synnerlig vikt för vården)", ProtectsIndividual: true, AppliesAgainstSelf: true),
        new("26:1", "Socialtjänst: enskilds personliga förhållanden", ProtectsIndividual: true),
        new("26:5", "Socialtjänst: sekretess mot den enskilde själv i vissa fall (vård, behandling)", ProtectsIndividual: true, AppliesAgainstSelf: true),
        new("31:16", "Enskilds affärs- eller driftförhållanden", ProtectsIndividual: true),
        new("39:1", "Personaladministration: enskilds personliga förhållanden", ProtectsIndividual: true),
    ];

    public static OslProvision? Find(string? key) => Provisions.FirstOrDefault(p => p.Key == key?.Trim());

    public static string Swedish(this Disclosure disclosure) => disclosure switch
    {
        Disclosure.Disclosed => "lämnas ut",
        Disclosure.DisclosedMasked => "lämnas ut med maskering",
        Disclosure.Withheld => "lämnas inte ut",
        _ => throw new ArgumentOutOfRangeException(nameof(disclosure), disclosure, "Undefined disclosure."),
    };

    /// <summary>
    /// What is wrong with one review, in Swedish, or null: masking or withholding relies on a provision of the list (Art. 23
    /// GDPR with OSL); disclosing relies on none; a provision protecting the individual, withheld in full, needs a note on
    /// whose interest it protects, since against the requester alone it does not apply (OSL 12 kap. 1 §).
    /// </summary>
    public static string? Check(string systemName, Disclosure disclosure, string? provisionKey, string? note)
    {
        if (!Enum.IsDefined(disclosure))
        {
            return $"Okänt utfall av sekretessprövningen för {systemName}.";
        }

        if (note?.Trim().Length > NoteLimit)
        {
            return $"Anteckningen om {systemName} får vara högst 1 000 tecken.";
        }

        var hasKey = !string.IsNullOrWhiteSpace(provisionKey);
        var provision = Find(provisionKey);
        if (hasKey && provision is null)
        {
            return $"Bestämmelsen \"{provisionKey!.Trim()}\" för {systemName} finns inte i listan över bestämmelser i offentlighets- och sekretesslagen.";
        }

        if (disclosure == Disclosure.Disclosed)
        {
            return hasKey ? $"{systemName} lämnas ut: ange ingen sekretessbestämmelse." : null;
        }

        if (provision is null)
        {
            return $"Ange vilken bestämmelse i offentlighets- och sekretesslagen som gör att {systemName} {disclosure.Swedish()}.";
        }

        return disclosure == Disclosure.Withheld && SelfRuleApplies(provision) && string.IsNullOrWhiteSpace(note)
            ? $"{provision.Citation} skyddar den enskilde, och gäller inte mot den enskilde själv (OSL 12 kap. 1 §). Skriv i anteckningen vems intresse sekretessen skyddar, eller maskera i stället."
            : null;
    }

    /// <summary>Whether OSL 12 kap. 1 § is to be shown beside <paramref name="provision"/>: it protects individuals, not against themselves.</summary>
    public static bool SelfRuleApplies(OslProvision provision)
    {
        ArgumentNullException.ThrowIfNull(provision);
        return provision.ProtectsIndividual && !provision.AppliesAgainstSelf;
    }

    /// <summary>
    /// What the review means for the right of access (Art. 15 with Art. 23): granted when everything found is disclosed
    /// (or nothing was reviewed), refused when everything found is withheld, else granted in part.
    /// </summary>
    public static RightDecision AccessDecision(IReadOnlyCollection<Disclosure> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        if (reviews.All(r => r == Disclosure.Disclosed))
        {
            return RightDecision.Granted;
        }

        return reviews.All(r => r == Disclosure.Withheld) ? RightDecision.Refused : RightDecision.PartlyGranted;
    }
}
