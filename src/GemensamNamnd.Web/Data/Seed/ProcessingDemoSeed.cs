using GemensamNamnd.Domain.Processing;
using GemensamNamnd.Web.Features.Processing;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// A record of processing for every demo party (issue 21): a few activities per controller (social services, school,
/// payroll, e-mail …) on the seeded systems and their suppliers; one activity whose assessment is done, one whose screening
/// requires one that is missing, one without a legal basis yet, and a municipal company's record as processor (Art. 30(2)).
/// </summary>
public static class ProcessingDemoSeed
{
    private sealed record Demo(
        string Controller, string Name, LegalBasis? Basis, SpecialCategoryCondition? Condition, bool Offences, string? Law, string Purposes, string Subjects,
        string Data, string? Recipients, string[] Systems, string Retention, Wp248Criterion[] Criteria, bool AssessmentDone = false, string? ExternalController = null);

    private const string Security = "Behörighetsstyrning efter arbetsuppgift, loggning och logguppföljning, kryptering vid överföring, säkerhetskopiering.";

    private static readonly Demo[] Municipal =
    [
        new("Kommunstyrelsen", "Diarieföring och ärendehantering", LegalBasis.LegalObligation, null, false, "offentlighets- och sekretesslagen (2009:400), arkivlagen (1990:782)",
            "Registrera allmänna handlingar och handlägga ärenden.", "Sökande, klagande, företrädare, anställda", "Namn, kontaktuppgifter, ärendets innehåll", "Den som begär ut allmän handling (efter sekretessprövning)",
            ["Ärendehanteringssystemet (diariet)", "E-arkivet"], "Bevaras", []),
        new("Kommunstyrelsen", "Löneadministration", LegalBasis.LegalObligation, SpecialCategoryCondition.EmploymentAndSocialSecurity, false, "skatteförfarandelagen (2011:1244), semesterlagen (1977:480)",
            "Betala ut lön och redovisa skatt och avgifter.", "Anställda", "Namn, personnummer, lön, kontonummer, frånvaro (sjukfrånvaro)", "Skatteverket, Försäkringskassan, pensionsbolag",
            ["Löne- och personalsystemet"], "10 år", [Wp248Criterion.VulnerableSubjects]),
        new("Kommunstyrelsen", "E-post och kalender", LegalBasis.PublicTask, null, false, "kommunallagen (2017:725)",
            "Kommunicera med invånare och mellan anställda.", "Anställda, invånare som skriver till kommunen", "Namn, e-postadress, meddelandens innehåll", null,
            ["E-post och kalender"], "Gallras vid inaktualitet; allmänna handlingar diarieförs", [Wp248Criterion.LargeScale]),
        new("Socialnämnden", "Handläggning av ekonomiskt bistånd", LegalBasis.PublicTask, SpecialCategoryCondition.HealthAndSocialCare, false, "socialtjänstlagen (2025:400)",
            "Utreda och besluta om ekonomiskt bistånd.", "Sökande och deras familjer", "Namn, personnummer, ekonomi, hälsa, familjeförhållanden", "Försäkringskassan, Arbetsförmedlingen (SSBTEK)",
            ["Verksamhetssystem socialtjänst"], "5 år efter sista anteckningen", [Wp248Criterion.SensitiveData, Wp248Criterion.VulnerableSubjects, Wp248Criterion.MatchingDatasets], AssessmentDone: true),
        new("Socialnämnden", "Utredning av barn och unga", LegalBasis.PublicTask, SpecialCategoryCondition.HealthAndSocialCare, true, "socialtjänstlagen (2025:400), lagen (1990:52) med särskilda bestämmelser om vård av unga",
            "Utreda barns behov av skydd och stöd.", "Barn, vårdnadshavare, anmälare", "Namn, personnummer, hälsa, lagöverträdelser, familjeförhållanden", "Förvaltningsrätten, Polismyndigheten",
            ["Verksamhetssystem socialtjänst"], "Bevaras (barnavårdsakter)", [Wp248Criterion.SensitiveData, Wp248Criterion.VulnerableSubjects]),
        new("Barn- och utbildningsnämnden", "Elevadministration och betyg", LegalBasis.PublicTask, null, false, "skollagen (2010:800)",
            "Organisera undervisning, dokumentera närvaro och sätta betyg.", "Elever, vårdnadshavare", "Namn, personnummer, klass, närvaro, betyg", "Skolverket, Statistiska centralbyrån",
            ["Skolplattformen"], "Betyg bevaras; närvaro gallras efter 2 år", [Wp248Criterion.VulnerableSubjects]),
        new("Miljö- och byggnämnden", "Bygglovshandläggning", LegalBasis.PublicTask, null, false, "plan- och bygglagen (2010:900)",
            "Pröva ansökningar om bygglov och utöva tillsyn.", "Sökande, grannar, sakägare", "Namn, adress, fastighetsbeteckning", "Lantmäteriet, sakägare",
            ["Ärendehanteringssystemet (diariet)"], "Bevaras", []),
        new("Kultur- och fritidsnämnden", "Nyhetsbrev om evenemang", null, null, false, null,
            "Informera prenumeranter om kulturevenemang.", "Prenumeranter", "Namn, e-postadress", null,
            ["E-post och kalender"], "Till dess prenumerationen avslutas", []),
    ];

    private static readonly Demo[] Region =
    [
        new("Regionstyrelsen", "Löneadministration", LegalBasis.LegalObligation, SpecialCategoryCondition.EmploymentAndSocialSecurity, false, "skatteförfarandelagen (2011:1244)",
            "Betala ut lön och redovisa skatt och avgifter.", "Anställda", "Namn, personnummer, lön, kontonummer, frånvaro", "Skatteverket, Försäkringskassan",
            ["Löne- och personalsystemet"], "10 år", [Wp248Criterion.VulnerableSubjects]),
        new("Regionstyrelsen", "E-post och kalender", LegalBasis.PublicTask, null, false, "kommunallagen (2017:725)",
            "Kommunicera med invånare och mellan anställda.", "Anställda, invånare", "Namn, e-postadress, meddelandens innehåll", null,
            ["E-post och kalender"], "Gallras vid inaktualitet; allmänna handlingar diarieförs", [Wp248Criterion.LargeScale]),
        new("Hälso- och sjukvårdsnämnden", "Vårddokumentation i patientjournal", LegalBasis.LegalObligation, SpecialCategoryCondition.HealthAndSocialCare, false, "patientdatalagen (2008:355)",
            "Dokumentera vård och behandling.", "Patienter", "Namn, personnummer, hälsouppgifter", "Andra vårdgivare (sammanhållen journalföring), Socialstyrelsen",
            ["Journalsystemet"], "10 år efter sista anteckningen", [Wp248Criterion.SensitiveData, Wp248Criterion.LargeScale, Wp248Criterion.VulnerableSubjects], AssessmentDone: true),
        new("Hälso- och sjukvårdsnämnden", "Invånartjänster i 1177", LegalBasis.PublicTask, SpecialCategoryCondition.HealthAndSocialCare, false, "patientdatalagen (2008:355)",
            "Ge invånare tillgång till bokning, meddelanden och journal via nätet.", "Patienter, ombud", "Namn, personnummer, hälsouppgifter", null,
            ["1177 e-tjänster"], "Enligt journalens lagringstid", [Wp248Criterion.SensitiveData, Wp248Criterion.InnovativeTechnology]),
        new("Patientnämnden", "Klagomål från patienter", LegalBasis.PublicTask, SpecialCategoryCondition.HealthAndSocialCare, false, "lagen (2017:372) om stöd vid klagomål mot hälso- och sjukvården",
            "Ta emot och utreda klagomål på vården.", "Patienter, närstående", "Namn, kontaktuppgifter, hälsouppgifter", "Vårdgivaren som klagomålet gäller",
            ["Ärendehanteringssystemet (diariet)"], "Gallras 2 år efter avslut", [Wp248Criterion.SensitiveData]),
    ];

    public static async Task EnsureAsync(PartyScope partyScope, IEnumerable<Party> parties, TimeProvider clock, CancellationToken ct)
    {
        var today = Swedish.Today(clock);
        foreach (var party in parties)
        {
            await partyScope.RunAsync(party.Id, async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                if (await db.ProcessingActivities.AnyAsync(ct))
                {
                    return;
                }

                var controllers = await db.DataControllers.ToListAsync(ct);
                var systems = await db.PartySystems.ToDictionaryAsync(s => s.Name, ct);
                var demos = party.Kind == PartyKind.Region ? Region : Municipal;
                var company = controllers.FirstOrDefault(c => c.Kind == Features.Controllers.DataControllerKind.Bolag);
                if (company is not null)
                {
                    demos =
                    [
                        .. demos,
                        new(company.Name, "VA-abonnemang och debitering", LegalBasis.Contract, null, false, "lagen (2006:412) om allmänna vattentjänster",
                            "Debitera avgifter för vatten och avlopp.", "Fastighetsägare, abonnenter", "Namn, adress, fastighetsbeteckning, förbrukning", "Inkassobolag",
                            [], "7 år (bokföringslagen)", []),
                        new(company.Name, "Kundtjänst åt räddningstjänstförbundet", null, null, false, null,
                            "Ta emot och registrera beställningar av sotning och brandskyddskontroll.", "Fastighetsägare", "Namn, adress, telefonnummer", null,
                            [], string.Empty, [], ExternalController: "Jämtlands räddningstjänstförbund"),
                    ];
                }

                foreach (var demo in demos)
                {
                    if (controllers.FirstOrDefault(c => c.Name == demo.Controller) is not { } controller)
                    {
                        continue;
                    }

                    var carried = demo.Systems.Select(n => systems.GetValueOrDefault(n)).OfType<Features.Systems.PartySystem>().ToList();
                    var screening = DpiaScreening.Screen(demo.Criteria, []);
                    var activity = new ProcessingActivity
                    {
                        ControllerId = controller.Id,
                        Name = demo.Name,
                        AsProcessor = demo.ExternalController is not null,
                        ExternalController = demo.ExternalController,
                        Purposes = demo.Purposes,
                        LegalBasis = demo.Basis,
                        SpecialCategoryCondition = demo.Condition,
                        CriminalOffenceData = demo.Offences,
                        SwedishLaw = demo.Law,
                        DataSubjectCategories = demo.Subjects,
                        PersonalDataCategories = demo.Data,
                        Recipients = demo.Recipients,
                        ThirdCountryTransfers = demo.Systems.Contains("E-post och kalender") ? "USA (leverantörens underbiträden för support)" : null,
                        TransferSafeguard = demo.Systems.Contains("E-post och kalender") ? TransferSafeguard.AdequacyDecision : null,
                        RetentionRule = demo.Retention.Length == 0 ? null : demo.Retention,
                        RetentionPlanName = demo.Retention.Length == 0 ? null : $"Dokumenthanteringsplan för {controller.Name.ToLowerInvariant()}",
                        RetentionPlanDecision = demo.Retention.Length == 0 ? null : $"{controller.Name} 2024-03-12, § 18",
                        SecurityMeasures = Security,
                        SystemIds = [.. carried.Select(s => s.Id)],
                        SupplierIds = [.. carried.Where(s => s.SupplierId is not null).Select(s => s.SupplierId!.Value).Distinct()],
                        ScreeningCriteria = [.. demo.Criteria],
                        ScreenedOn = today.AddMonths(-6),
                        DpiaRequired = screening.Required,
                    };
                    db.ProcessingActivities.Add(activity);
                    if (demo.AssessmentDone)
                    {
                        db.ImpactAssessments.Add(new ImpactAssessment
                        {
                            ActivityId = activity.Id,
                            Description = demo.Purposes + " Uppgifterna hämtas från den registrerade och från andra myndigheter.",
                            Necessity = "Behandlingen är nödvändig för att fullgöra uppgiften enligt " + demo.Law + "; bara uppgifter som behövs i ärendet behandlas.",
                            Risks =
                            [
                                new DpiaRisk { Description = "Obehörig åtkomst till känsliga uppgifter inom organisationen", Likelihood = 3, Severity = 3 },
                                new DpiaRisk { Description = "Felaktigt utlämnande till fel mottagare", Likelihood = 2, Severity = 3 },
                            ],
                            Measures = "Behörighet efter arbetsuppgift, regelbunden logguppföljning, rutin för sekretessprövning före utlämnande.",
                            ResidualLikelihood = 2,
                            ResidualSeverity = 2,
                            DpoAdvice = "Inför logguppföljning varje månad och utbilda handläggarna i sekretessprövning.",
                            DpoAdviceOn = today.AddMonths(-5),
                            DpoAdviceFollowed = true,
                            Decision = DpiaDecision.Proceed,
                            DecidedOn = today.AddMonths(-4),
                            DecidedBy = controller.Name + ", § 42",
                            ReviewOn = today.AddMonths(8),
                        });
                    }
                }

                await db.SaveChangesAsync(ct);
            }, ct);
        }
    }
}
