namespace GemensamNamnd.Web.Features.Letters;

/// <summary>The merge fields a template may use, listed beside the editor.</summary>
public static class LetterFields
{
    private static readonly (string Name, string Meaning)[] Common =
    [
        ("parten", "partens namn (brevhuvudet)"),
        ("personuppgiftsansvarig", "nämnden eller bolaget som är personuppgiftsansvarig"),
        ("myndighet", "sant när den personuppgiftsansvariga är en myndighet (nämnd)"),
        ("diarienummer", "ärendets diarienummer"),
        ("datum", "brevets datum, t.ex. 30 november 2026"),
        ("handlaggare", "den som undertecknar (handläggaren)"),
    ];

    public static readonly IReadOnlyList<(string Name, string Meaning)> Request =
    [
        .. Common,
        ("namn", "den registrerades namn"),
        ("rattigheter", "rättigheterna begäran gäller, i ord"),
        ("registerutdrag", "sant när begäran gäller registerutdrag (art. 15)"),
        ("mottagen_den", "dagen begäran kom in"),
        ("sista_dag", "sista dag att svara (en månad, art. 12.3)"),
        ("sista_dag_forlangd", "sista dag efter förlängning (tre månader)"),
        ("sista_dag_i_kraft", "sista dag som gäller nu"),
        ("fristregel", "hur sista dagen räknades, i ord"),
        ("klockregel", "från vilken dag tiden räknas (art. 12.3/12.6, EDPB 01/2022 p. 57)"),
        ("klockan_vantar_pa_identitet", "sant när tiden räknas från bekräftad identitet och den inte är bekräftad"),
        ("forlangning_skal", "skälen till förlängningen"),
        ("forlangning_meddelad_den", "dagen den registrerade underrättades om förlängningen"),
        ("avslag_grund", "grunden för avslaget (art. 12.4)"),
        ("beslutsdatum", "dagen för svaret eller beslutet"),
        ("overklagande_sista_dag", "sista dag att överklaga om beslutet nås i dag (FL 44 §)"),
        ("bilagor", "lista: bilagorna (system där uppgifter hittades)"),
        ("system_med_uppgifter", "lista: system där uppgifter hittades"),
        ("andamal", "lista: ändamålen, ur registerförteckningens behandlingar i systemen där uppgifter hittades (art. 15.1 a)"),
        ("mottagare", "lista: mottagarna, ur samma behandlingar (art. 15.1 c)"),
        ("lagringstid", "lista: lagringstiden, ur samma behandlingar (art. 15.1 d)"),
    ];

    public static readonly IReadOnlyList<(string Name, string Meaning)> Breach =
    [
        .. Common,
        ("incident", "incidentens rubrik"),
        ("incidentens_art", "vad som hänt och typ av incident"),
        ("kannedom_den", "när parten fick kännedom"),
        ("uppgifter", "vilka slags personuppgifter som berörs"),
        ("konsekvenser", "sannolika konsekvenser"),
        ("atgarder", "vidtagna och föreslagna åtgärder"),
        ("dataskyddsombud", "lista: dataskyddsombudets kontaktuppgifter"),
    ];

    public static IReadOnlyList<(string Name, string Meaning)> For(LetterKind kind) =>
        LetterKinds.Of(kind).ForBreach ? Breach : Request;
}
