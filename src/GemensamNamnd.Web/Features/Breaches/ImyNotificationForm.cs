namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>What we record on a breach, named once, for mapping onto IMY's notification form (Art. 33(3)).</summary>
public enum ImyField
{
    Party,
    PartyOrganisationNumber,
    Controllers,
    InternalReference,
    ContactPerson,
    Dpo,
    OccurredAt,
    DiscoveredAt,
    AwareAt,
    CeasedAt,
    ReportedAt,
    LateReason,
    Types,
    Cause,
    Description,
    Systems,
    Processor,
    Groups,
    TotalSubjects,
    DataKinds,
    SpecialCategories,
    CriminalOffences,
    PersonalIdentityNumbers,
    SecrecyData,
    ApproxRecords,
    Consequences,
    Severity,
    SeverityReasoning,
    MeasuresTaken,
    MeasuresProposed,
    SubjectsInformed,
    CrossBorder,
}

/// <summary>One question of IMY's form and the field of ours that answers it.</summary>
public sealed record ImyQuestion(string Label, ImyField Field);

/// <summary>One part of IMY's form, in the form's order.</summary>
public sealed record ImyFormSection(string Heading, IReadOnlyList<ImyQuestion> Questions);

/// <summary>A version of IMY's form: where it applies from, where we read it, and its parts in order.</summary>
public sealed record ImyFormVersion(string Name, DateOnly AppliesFrom, string Source, IReadOnlyList<ImyFormSection> Sections)
{
    public IEnumerable<ImyField> Fields => Sections.SelectMany(s => s.Questions).Select(q => q.Field);
}

/// <summary>
/// The mapping of our fields to IMY's notification form, versioned because IMY renews its forms: a new form is a new
/// entry in <see cref="Versions"/> with the day it applies from; the old entry stays, so a notification sent earlier
/// prints as it was sent. The report to IMY (<see cref="ReportModel"/>) uses <see cref="For"/> with the day the
/// notification was sent, or today while it is not. Facts we record that IMY's form does not ask for (police, CERT-SE,
/// who decided) stay on the breach page. Tests check that the versions are in order, that a version asks for a field
/// once, that the current one places every field, and that the report fills every question.
/// </summary>
public static class ImyNotificationForm
{
    /// <summary>
    /// The questions of IMY's form "Anmälan av personuppgiftsincident" since the GDPR applied (25 May 2018), asked in the
    /// e-tjänst at e-tjanster.imy.se/sv/anmalan: the controller, the contact, the times (q. 13 "När upphörde
    /// incidenten?"), what happened, the groups (q. 25) and kinds of data (q. 26), the consequences (q. 28) and severity
    /// (q. 29), the measures (q. 30), informing the data subjects (q. 31–35). A claim of secrecy goes in the free-text
    /// field at the end. IMY wrote on 19 February 2025 that new forms are being prepared: that will be the next version.
    /// </summary>
    public static readonly ImyFormVersion Form2018 = new(
        "IMY:s formulär Anmälan av personuppgiftsincident (2018)",
        new DateOnly(2018, 5, 25),
        "https://e-tjanster.imy.se/sv/anmalan",
        [
            new("1. Personuppgiftsansvarig",
            [
                new("Part", ImyField.Party),
                new("Organisationsnummer (parten)", ImyField.PartyOrganisationNumber),
                new("Personuppgiftsansvarig nämnd eller bolag", ImyField.Controllers),
                new("Intern referens", ImyField.InternalReference),
            ]),
            new("2. Kontaktuppgifter",
            [
                new("Kontaktperson", ImyField.ContactPerson),
                new("Dataskyddsombud", ImyField.Dpo),
            ]),
            new("3. Tidpunkter",
            [
                new("Incidenten inträffade", ImyField.OccurredAt),
                new("Incidenten upptäcktes", ImyField.DiscoveredAt),
                new("Vi fick kännedom om incidenten", ImyField.AwareAt),
                new("Incidenten upphörde", ImyField.CeasedAt),
                new("Anmälan lämnas", ImyField.ReportedAt),
                new("Skäl till att anmälan lämnas senare än 72 timmar", ImyField.LateReason),
            ]),
            new("4. Incidenten",
            [
                new("Typ av incident", ImyField.Types),
                new("Orsak", ImyField.Cause),
                new("Beskrivning", ImyField.Description),
                new("Berörda system", ImyField.Systems),
                new("Personuppgiftsbiträde inblandat", ImyField.Processor),
            ]),
            new("5. Berörda registrerade och personuppgifter",
            [
                new("Kategorier av registrerade och ungefärligt antal", ImyField.Groups),
                new("Ungefärligt antal registrerade totalt", ImyField.TotalSubjects),
                new("Typer av personuppgifter", ImyField.DataKinds),
                new("Känsliga uppgifter (art. 9)", ImyField.SpecialCategories),
                new("Uppgifter om lagöverträdelser (art. 10)", ImyField.CriminalOffences),
                new("Personnummer", ImyField.PersonalIdentityNumbers),
                new("Uppgifter som omfattas av sekretess (OSL)", ImyField.SecrecyData),
                new("Ungefärligt antal poster", ImyField.ApproxRecords),
            ]),
            new("6. Konsekvenser och allvarlighetsgrad",
            [
                new("Sannolika konsekvenser", ImyField.Consequences),
                new("Bedömd allvarlighetsgrad", ImyField.Severity),
                new("Motivering", ImyField.SeverityReasoning),
            ]),
            new("7. Åtgärder",
            [
                new("Vidtagna åtgärder", ImyField.MeasuresTaken),
                new("Föreslagna åtgärder", ImyField.MeasuresProposed),
            ]),
            new("8. Information till de registrerade (art. 34)", [new("Har de registrerade informerats", ImyField.SubjectsInformed)]),
            new("9. Övrigt",
            [
                new("Gränsöverskridande incident (registrerade i andra EU-länder berörs; IMY har en egen blankett för sådana)", ImyField.CrossBorder),
            ]),
        ]);

    /// <summary>Every version, oldest first.</summary>
    public static readonly IReadOnlyList<ImyFormVersion> Versions = [Form2018];

    /// <summary>The version in force on <paramref name="day"/> (the oldest one before the first).</summary>
    public static ImyFormVersion For(DateOnly day) => Versions.LastOrDefault(v => v.AppliesFrom <= day) ?? Versions[0];
}
