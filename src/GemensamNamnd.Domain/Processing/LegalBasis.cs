namespace GemensamNamnd.Domain.Processing;

/// <summary>The legal basis of a processing activity: one of Art. 6(1)(a)–(f), nothing else.</summary>
public enum LegalBasis
{
    /// <summary>Art. 6(1)(a): samtycke.</summary>
    Consent,

    /// <summary>Art. 6(1)(b): avtal med den registrerade.</summary>
    Contract,

    /// <summary>Art. 6(1)(c): rättslig förpliktelse.</summary>
    LegalObligation,

    /// <summary>Art. 6(1)(d): grundläggande intressen (vital interests).</summary>
    VitalInterests,

    /// <summary>Art. 6(1)(e): uppgift av allmänt intresse eller myndighetsutövning (most of a municipality's processing).</summary>
    PublicTask,

    /// <summary>Art. 6(1)(f): berättigat intresse; not for a public authority performing its tasks (Art. 6(1) second subparagraph).</summary>
    LegitimateInterests,
}

/// <summary>The condition of Art. 9(2)(a)–(j) lifting the ban on special categories of data (känsliga personuppgifter).</summary>
public enum SpecialCategoryCondition
{
    /// <summary>9.2 a: uttryckligt samtycke.</summary>
    ExplicitConsent,

    /// <summary>9.2 b: arbetsrätt, social trygghet och socialt skydd.</summary>
    EmploymentAndSocialSecurity,

    /// <summary>9.2 c: grundläggande intressen när den registrerade inte kan samtycka.</summary>
    VitalInterests,

    /// <summary>9.2 d: ideella organisationer.</summary>
    NotForProfitBodies,

    /// <summary>9.2 e: uppgifter som den registrerade offentliggjort.</summary>
    MadePublic,

    /// <summary>9.2 f: rättsliga anspråk.</summary>
    LegalClaims,

    /// <summary>9.2 g: viktigt allmänt intresse (e.g. 3 kap. 3 § dataskyddslagen 2018:218).</summary>
    SubstantialPublicInterest,

    /// <summary>9.2 h: hälso- och sjukvård, social omsorg (e.g. 3 kap. 5 § dataskyddslagen).</summary>
    HealthAndSocialCare,

    /// <summary>9.2 i: folkhälsa.</summary>
    PublicHealth,

    /// <summary>9.2 j: arkiv, forskning och statistik.</summary>
    ArchivingResearchStatistics,
}

/// <summary>The safeguard for a transfer to a third country (Chapter V, Art. 44–49).</summary>
public enum TransferSafeguard
{
    /// <summary>Art. 45: beslut om adekvat skyddsnivå (e.g. EU–US Data Privacy Framework).</summary>
    AdequacyDecision,

    /// <summary>Art. 46.2 c: kommissionens standardavtalsklausuler.</summary>
    StandardContractualClauses,

    /// <summary>Art. 47: bindande företagsbestämmelser.</summary>
    BindingCorporateRules,

    /// <summary>Art. 46, other appropriate safeguards (codes of conduct, certification, administrative arrangements).</summary>
    OtherAppropriateSafeguards,

    /// <summary>Art. 49: undantag i särskilda situationer.</summary>
    Derogation,
}

/// <summary>The Swedish words and the article of each basis, condition and safeguard.</summary>
public static class LegalBasisNames
{
    public static string Article(this LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "art. 6.1 a",
        LegalBasis.Contract => "art. 6.1 b",
        LegalBasis.LegalObligation => "art. 6.1 c",
        LegalBasis.VitalInterests => "art. 6.1 d",
        LegalBasis.PublicTask => "art. 6.1 e",
        LegalBasis.LegitimateInterests => "art. 6.1 f",
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    };

    public static string Swedish(this LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "Samtycke",
        LegalBasis.Contract => "Avtal",
        LegalBasis.LegalObligation => "Rättslig förpliktelse",
        LegalBasis.VitalInterests => "Grundläggande intressen",
        LegalBasis.PublicTask => "Allmänt intresse eller myndighetsutövning",
        LegalBasis.LegitimateInterests => "Berättigat intresse",
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    };

    /// <summary>E.g. "Allmänt intresse eller myndighetsutövning (art. 6.1 e)".</summary>
    public static string WithArticle(this LegalBasis basis) => $"{basis.Swedish()} ({basis.Article()})";

    public static string Article(this SpecialCategoryCondition condition) =>
        "art. 9.2 " + (char)('a' + (int)condition);

    public static string Swedish(this SpecialCategoryCondition condition) => condition switch
    {
        SpecialCategoryCondition.ExplicitConsent => "Uttryckligt samtycke",
        SpecialCategoryCondition.EmploymentAndSocialSecurity => "Arbetsrätt, social trygghet och socialt skydd",
        SpecialCategoryCondition.VitalInterests => "Grundläggande intressen",
        SpecialCategoryCondition.NotForProfitBodies => "Ideell organisation",
        SpecialCategoryCondition.MadePublic => "Offentliggjorda av den registrerade",
        SpecialCategoryCondition.LegalClaims => "Rättsliga anspråk",
        SpecialCategoryCondition.SubstantialPublicInterest => "Viktigt allmänt intresse",
        SpecialCategoryCondition.HealthAndSocialCare => "Hälso- och sjukvård, social omsorg",
        SpecialCategoryCondition.PublicHealth => "Folkhälsa",
        SpecialCategoryCondition.ArchivingResearchStatistics => "Arkiv, forskning och statistik",
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    public static string WithArticle(this SpecialCategoryCondition condition) => $"{condition.Swedish()} ({condition.Article()})";

    public static string Swedish(this TransferSafeguard safeguard) => safeguard switch
    {
        TransferSafeguard.AdequacyDecision => "Beslut om adekvat skyddsnivå (art. 45)",
        TransferSafeguard.StandardContractualClauses => "Standardavtalsklausuler (art. 46.2 c)",
        TransferSafeguard.BindingCorporateRules => "Bindande företagsbestämmelser (art. 47)",
        TransferSafeguard.OtherAppropriateSafeguards => "Andra lämpliga skyddsåtgärder (art. 46)",
        TransferSafeguard.Derogation => "Undantag i särskilda situationer (art. 49)",
        _ => throw new ArgumentOutOfRangeException(nameof(safeguard)),
    };
}
