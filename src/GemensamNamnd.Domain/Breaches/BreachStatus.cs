namespace GemensamNamnd.Domain.Breaches;

/// <summary>Where a personal data breach stands. Which moves are allowed: <see cref="BreachStatusRules"/>.</summary>
public enum BreachStatus
{
    /// <summary>Registrerad: documented (Art. 33(5)); the 72-hour clock runs from awareness.</summary>
    Registered,

    /// <summary>Bedömd: the risk is assessed and the decision whether to report is taken.</summary>
    Assessed,

    /// <summary>Anmäld till IMY (Art. 33(1)).</summary>
    ReportedToImy,

    /// <summary>Kompletterad: one or more supplements given to IMY (Art. 33(4)).</summary>
    Supplemented,

    /// <summary>Avslutad (closed).</summary>
    Closed,
}

/// <summary>Swedish names of the breach enums.</summary>
public static class BreachNames
{
    public static string Swedish(this BreachStatus status) => status switch
    {
        BreachStatus.Registered => "Registrerad",
        BreachStatus.Assessed => "Bedömd",
        BreachStatus.ReportedToImy => "Anmäld till IMY",
        BreachStatus.Supplemented => "Kompletterad",
        BreachStatus.Closed => "Avslutad",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined breach status."),
    };

    public static string Swedish(this RiskLevel risk) => risk switch
    {
        RiskLevel.NoRisk => "Ingen risk",
        RiskLevel.Risk => "Risk",
        RiskLevel.HighRisk => "Hög risk",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Undefined risk level."),
    };

    public static string Swedish(this BreachCause cause) => cause switch
    {
        BreachCause.MisdirectedMail => "Felskickad e-post eller brev",
        BreachCause.LostOrStolenDevice => "Förlorad eller stulen enhet",
        BreachCause.UnauthorisedStaffAccess => "Obehörig åtkomst av personal",
        BreachCause.HackingOrMalware => "Dataintrång eller skadlig kod",
        BreachCause.PublishedByMistake => "Publicerat av misstag",
        BreachCause.Other => "Annat",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "Undefined cause."),
    };

    /// <summary>One type: "Konfidentialitet" etc.; see <see cref="SwedishList(BreachTypes)"/> for several.</summary>
    public static string Swedish(this BreachTypes type) => type switch
    {
        BreachTypes.Confidentiality => "Konfidentialitet (obehörigt röjande eller åtkomst)",
        BreachTypes.Integrity => "Riktighet (obehörig eller oavsiktlig ändring)",
        BreachTypes.Availability => "Tillgänglighet (förlust av åtkomst eller förstörelse)",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a single breach type."),
    };

    /// <summary>"Konfidentialitet, Tillgänglighet": short names of the set flags.</summary>
    public static string SwedishList(this BreachTypes types) =>
        string.Join(", ", Each(types).Select(t => t switch
        {
            BreachTypes.Confidentiality => "Konfidentialitet",
            BreachTypes.Integrity => "Riktighet",
            _ => "Tillgänglighet",
        }));

    public static IEnumerable<BreachTypes> Each(BreachTypes types) =>
        Enum.GetValues<BreachTypes>().Where(t => t != BreachTypes.None && types.HasFlag(t));

    public static string Swedish(this SubjectGroup group) => group switch
    {
        SubjectGroup.Residents => "Invånare",
        SubjectGroup.Pupils => "Elever",
        SubjectGroup.Patients => "Patienter",
        SubjectGroup.Staff => "Anställda",
        SubjectGroup.Children => "Barn",
        SubjectGroup.ClientsOfSocialServices => "Brukare och klienter inom socialtjänsten",
        SubjectGroup.Guardians => "Vårdnadshavare och anhöriga",
        SubjectGroup.Other => "Andra",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Undefined group."),
    };

    public static string Swedish(this DataKinds kind) => kind switch
    {
        DataKinds.Identification => "Namn och kontaktuppgifter",
        DataKinds.PersonalIdentityNumber => "Personnummer eller samordningsnummer",
        DataKinds.Financial => "Ekonomiska uppgifter",
        DataKinds.Location => "Platsuppgifter",
        DataKinds.Credentials => "Inloggningsuppgifter",
        DataKinds.Health => "Hälsa (känslig, art. 9)",
        DataKinds.OtherSpecialCategory => "Andra känsliga uppgifter (art. 9)",
        DataKinds.CriminalOffence => "Lagöverträdelser (art. 10)",
        DataKinds.Secrecy => "Uppgifter som omfattas av sekretess (OSL)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of data."),
    };

    public static IEnumerable<DataKinds> Each(DataKinds kinds) =>
        Enum.GetValues<DataKinds>().Where(k => k != DataKinds.None && kinds.HasFlag(k));
}

/// <summary>The risk to the rights and freedoms of natural persons (Art. 33(1), 34(1)).</summary>
public enum RiskLevel
{
    /// <summary>Unlikely to result in a risk: need not be reported (Art. 33(1)), but is documented with reasons (Art. 33(5)).</summary>
    NoRisk,

    /// <summary>A risk: report to IMY (Art. 33(1)).</summary>
    Risk,

    /// <summary>A high risk: report to IMY and tell the data subjects (Art. 34(1)), unless Art. 34(3) applies.</summary>
    HighRisk,
}

/// <summary>The kind of breach, as IMY's form asks (several may apply).</summary>
[Flags]
public enum BreachTypes
{
    None = 0,
    Confidentiality = 1,
    Integrity = 2,
    Availability = 4,
}

public enum BreachCause
{
    MisdirectedMail,
    LostOrStolenDevice,
    UnauthorisedStaffAccess,
    HackingOrMalware,
    PublishedByMistake,
    Other,
}

/// <summary>Groups of data subjects, each recorded with an approximate number.</summary>
public enum SubjectGroup
{
    Residents,
    Pupils,
    Patients,
    Staff,
    Children,
    ClientsOfSocialServices,
    Guardians,
    Other,
}

/// <summary>Kinds of personal data involved; the flagged ones call for care (Art. 9, Art. 10, personnummer, OSL).</summary>
[Flags]
public enum DataKinds
{
    None = 0,
    Identification = 1,
    PersonalIdentityNumber = 2,
    Financial = 4,
    Location = 8,
    Credentials = 16,
    Health = 32,
    OtherSpecialCategory = 64,
    CriminalOffence = 128,
    Secrecy = 256,
}
