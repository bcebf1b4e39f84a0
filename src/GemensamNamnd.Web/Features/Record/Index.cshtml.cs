using System.Reflection;
using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Documents;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Record;

/// <summary>One kind of record, the personal data it holds, why and on what basis.</summary>
public sealed record ProcessingRow(string What, IReadOnlyList<string> PersonalData, string Purpose, string LegalBasis, string Retention);

/// <summary>A part of the tool, the roles that reach it, and whether the reader is one of them (then it is a link).</summary>
public sealed record AccessRow(string Area, string Route, IReadOnlyList<string> Roles, bool MayOpen);

/// <summary>
/// The tool's own record of processing (Art. 30), <c>/{party}/behandlingar</c>, generated from the running
/// configuration so it is never out of date: the personal data from the model's [PersonalData] properties, the party's
/// retention rules from its settings, who sees what from the pages' authorization policies, where from the database
/// provider and hosting settings.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(
    AppDbContext db, CurrentParty currentParty, IConfiguration configuration, IOptions<DatabaseOptions> database,
    IAuthorizationPolicyProvider policies, IAuthorizationService authorization, EndpointDataSource endpoints, DocumentStorage documents) : PageModel
{
    public List<ProcessingRow> Processing { get; private set; } = [];

    public List<AccessRow> Access { get; private set; } = [];

    public IReadOnlyList<RetentionRule> Rules { get; private set; } = [];

    public string PartyName => currentParty.Required.Name;

    public string Storage { get; private set; } = string.Empty;

    public string Region { get; private set; } = string.Empty;

    public bool KeyVault { get; private set; }

    public string Mail { get; private set; } = string.Empty;

    /// <summary>Where the documents of cases are stored (<c>Documents:Store</c>).</summary>
    public string Documents => documents.Description;

    public async Task OnGetAsync()
    {
        var settings = currentParty.Required.Settings;
        Rules = RetentionPlan.Rules(settings);
        string Rule(RetentionRegister r) => RetentionRules.Describe(Rules.Single(x => x.Register == r));
        var known = new Dictionary<string, (string What, string Purpose, string Basis, string Retention)>(StringComparer.Ordinal)
        {
            ["DataSubjectRequest"] = ("Begäranden från registrerade", "Handlägga och dokumentera de registrerades begäranden och svara i tid (art. 12, 15–21).",
                "Rättslig förpliktelse, art. 6.1 c (art. 12 och 15–21 i dataskyddsförordningen).", Rule(RetentionRegister.Requests)),
            ["Breach"] = ("Personuppgiftsincidenter", "Dokumentera varje incident, anmäl den till IMY och informera de registrerade (art. 33–34).",
                "Rättslig förpliktelse, art. 6.1 c (art. 33.5).", Rule(RetentionRegister.Breaches)),
            ["DpoPerson"] = ("Dataskyddsombud", "Utse dataskyddsombud och visa vem som är ombud, med vilken andel och oberoende (art. 37–38).",
                "Rättslig förpliktelse, art. 6.1 c (art. 37); kontaktuppgifterna offentliggörs (art. 37.7).", Rule(RetentionRegister.DpoAllocations)),
            ["Drill"] = ("Övningar av incidentrutinen", "Regelbundet testa incidentrutinen (art. 32.1 d).",
                "Rättslig förpliktelse, art. 6.1 c (art. 32).", "Bevaras tills vidare"),
            ["RequestEvent"] = ("Händelser i begäranden", "Ärendets tidslinje: vem gjorde vad och när.", "Rättslig förpliktelse, art. 6.1 c (art. 5.2, ansvarsskyldighet).", Rule(RetentionRegister.Requests)),
            ["BreachEvent"] = ("Händelser i incidenter", "Incidentens tidslinje (art. 33.5).", "Rättslig förpliktelse, art. 6.1 c (art. 33.5).", Rule(RetentionRegister.Breaches)),
            ["BreachSupplement"] = ("Kompletteringar till IMY", "Lämna uppgifter i omgångar (art. 33.4).", "Rättslig förpliktelse, art. 6.1 c (art. 33.4).", Rule(RetentionRegister.Breaches)),
            ["CaseDocument"] = ("Handlingar i ärenden", CaseDocumentQueries.RecordText,
                "Rättslig förpliktelse, art. 6.1 c (art. 5.2, 12, 15–21 och 33.5).", "Följer ärendet: raderas när begäran eller incidenten gallras eller raderas"),
            ["AppUser"] = ("Användare (personal)", "Inloggning, behörighet, påminnelser.", "Allmänt intresse/myndighetsutövning, art. 6.1 e.", "Så länge kontot finns"),
        };

        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()).OrderBy(e => e.ClrType.Name, StringComparer.Ordinal))
        {
            var personal = entity.ClrType.GetProperties()
                .Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null)
                .Select(p => FieldName(p.Name)).ToList();
            if (personal.Count == 0 && !known.ContainsKey(entity.ClrType.Name))
            {
                continue;
            }

            var (what, purpose, basis, retention) = known.GetValueOrDefault(entity.ClrType.Name,
                (entity.ClrType.Name, "Stöd för partens dataskyddsarbete.", "Rättslig förpliktelse, art. 6.1 c.", "Följer ärendet"));
            Processing.Add(new ProcessingRow(what, personal.Count == 0 ? ["Namn och e-post (från inloggningen)"] : personal, purpose, basis, retention));
        }

        foreach (var e in endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("{party}/", StringComparison.Ordinal)
                && raw.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 2 && !raw.Contains("api", StringComparison.Ordinal))
            .DistinctBy(e => e.RoutePattern.RawText)
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var roles = new SortedSet<string>(StringComparer.Ordinal);
            var mayOpen = true;
            foreach (var name in e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>())
            {
                mayOpen = mayOpen && (await authorization.AuthorizeAsync(User, name)).Succeeded;
                if (await policies.GetPolicyAsync(name) is { } policy)
                {
                    foreach (var r in policy.Requirements.OfType<PartyRoleRequirement>().SelectMany(r => r.Roles))
                    {
                        roles.Add(r.Swedish());
                    }
                }
            }

            var route = e.RoutePattern.RawText!.TrimStart('/').Replace("{party}", currentParty.Required.Slug, StringComparison.Ordinal);
            Access.Add(new AccessRow(e.DisplayName?.Split(' ').LastOrDefault()?.Trim('/') ?? route, "/" + route, [.. roles], mayOpen));
        }

        var provider = database.Value.Provider;
        Storage = provider == DatabaseProvider.Postgres
            ? "PostgreSQL; varje parts rader skyddas av radnivåsäkerhet (row-level security) i databasen."
            : "Inbäddad SQLite-databas på tjänstens server (demonstrations- och provdrift).";
        Region = configuration["Hosting:Region"] ?? configuration["REGION_NAME"] ?? "inte angiven (inställningen Hosting:Region)";
        KeyVault = !string.IsNullOrEmpty(configuration["DataProtection:KeyVaultKeyId"]);
        Mail = string.IsNullOrEmpty(configuration["Mail:Host"]) ? "ingen e-postserver; påminnelser sparas som filer på servern" : $"e-postservern {configuration["Mail:Host"]}";
    }

    private static string FieldName(string property) => property switch
    {
        "RequesterName" => "namn",
        "PersonalNumberProtected" => "personnummer (krypterat)",
        "Email" => "e-postadress",
        "PostalAddress" => "postadress",
        "Notes" => "anteckningar",
        "Description" => "beskrivning (fritext)",
        "Title" => "rubrik (fritext)",
        "Text" => "text (fritext)",
        "ExtensionReason" => "skäl till förlängning (fritext)",
        "SubjectNoticeNotRequiredReason" => "skäl att inte informera de registrerade (fritext)",
        "Consequences" => "konsekvenser (fritext)",
        "MeasuresTaken" or "MeasuresProposed" => "åtgärder (fritext)",
        "RiskReasoning" => "riskbedömning (fritext)",
        "NotReportableReason" => "skäl att inte anmäla (fritext)",
        "LateReason" => "skäl till sen anmälan (fritext)",
        "ReportedInternallyBy" => "vem som rapporterade internt",
        "ContactName" => "kontaktperson",
        "ContactDetails" => "kontaktuppgifter",
        "Participants" => "deltagare",
        "Name" => "namn",
        "Phone" => "telefon",
        "FileName" => "filnamn",
        "DeletionReason" => "skäl till borttagning (fritext)",
        _ => property,
    };
}
