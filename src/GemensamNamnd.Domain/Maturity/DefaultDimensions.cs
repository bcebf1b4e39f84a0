namespace GemensamNamnd.Domain.Maturity;

/// <summary>
/// The six dimensions a new round starts with (issue 6, docs/rules.md, Maturity): the committee's own findings —
/// requests handled differently, incident routines not always tested, part-time DPOs, and IT resilience (the
/// committee's second matter).
/// Each level says what a party at that level does, so two parties mean the same by "3".
/// </summary>
public static class DefaultDimensions
{
    public static IReadOnlyList<DimensionText> All { get; } =
    [
        new("requests", "Process för begäranden från enskilda",
            "Hur tar ni emot, registrerar och besvarar begäranden enligt art. 15–21 inom tidsfristen i art. 12.3?",
            [
                "Ingen fastställd process; begäranden hanteras från fall till fall.",
                "En rutin finns men är inte känd i hela organisationen.",
                "Rutinen är känd, begäranden registreras och tidsfristen bevakas.",
                "Rutinen följs upp; sökning i system görs enligt checklista.",
                "Registerutdrag tas fram ur e-tjänster och system; uppföljning leder till förbättringar.",
            ]),
        new("incidents", "Incidentrutin och hur den testas",
            "Finns en incidentrutin för personuppgiftsincidenter (art. 33–34), och övas den?",
            [
                "Ingen incidentrutin.",
                "En rutin finns men har aldrig övats.",
                "Rutinen är känd och har övats någon gång.",
                "Rutinen övas minst årligen och brister åtgärdas.",
                "Regelbundna övningar med IT och verksamhet; rapporter till IMY görs inom 72 timmar.",
            ]),
        new("dpo", "Dataskyddsombudets resurser och oberoende",
            "Har dataskyddsombudet tillräckliga resurser (art. 38.2) och en oberoende ställning (art. 38.3, 38.6)?",
            [
                "Inget utsett dataskyddsombud eller okänd tid för uppdraget.",
                "Ombud utsett men med mycket liten andel av en tjänst och oklar rapportering.",
                "Andel och rapportering till högsta ledningen är beslutade.",
                "Resurserna motsvarar behovet; inga motstridiga roller.",
                "Ombudet följs upp årligen och har ersättare; uppdraget är känt i hela organisationen.",
            ]),
        new("training", "Utbildning och medvetenhet",
            "Får medarbetare och chefer utbildning i dataskydd?",
            [
                "Ingen utbildning.",
                "Enstaka utbildningstillfällen.",
                "Grundutbildning erbjuds alla nyanställda.",
                "Återkommande utbildning, anpassad efter roll.",
                "Utbildningen följs upp och effekten mäts.",
            ]),
        new("records", "Registerförteckning (art. 30)",
            "Finns en aktuell förteckning över behandlingar för varje personuppgiftsansvarig?",
            [
                "Ingen förteckning.",
                "En förteckning finns för en del av verksamheten.",
                "Förteckning finns för alla personuppgiftsansvariga men uppdateras sällan.",
                "Förteckningen uppdateras när behandlingar ändras.",
                "Förteckningen granskas årligen och kopplas till konsekvensbedömningar.",
            ]),
        new("resilience", "IT-resiliens och redundans",
            "Hur väl tål IT-miljön avbrott: säkerhetskopior, separata platser och krisberedskap?",
            [
                "Säkerhetskopior saknas eller har aldrig återlästs.",
                "Säkerhetskopior tas men på samma plats som driften.",
                "Säkerhetskopior på separat plats; återläsning har provats.",
                "Redundant drift för kritiska system och en kontinuitetsplan.",
                "Kontinuitetsplanen övas regelbundet, även krisledning vid längre avbrott.",
            ]),
    ];
}
