using System.Security.Claims;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GemensamNamnd.Web.Features.Shared;

/// <summary>A link in the main menu; <see cref="Current"/> is the page itself, <see cref="InSection"/> a page under it.</summary>
public sealed record MenuLink(string Text, string Href, bool Current, bool InSection);

/// <summary>A group of the main menu (Ärenden, Uppföljning, Inställningar), shown as a disclosure.</summary>
public sealed record MenuGroup(string Label, IReadOnlyList<MenuLink> Links)
{
    public bool HoldsCurrent => Links.Any(l => l.Current || l.InSection);
}

/// <summary>
/// The main menu: only the pages the user may open, asked of the same policy each page names in its
/// <c>[Authorize]</c> (kept beside the address below), grouped so the menu fits one line at 1,280 px.
/// </summary>
public static class MainMenu
{
    private sealed record Entry(string Group, string Text, string Path, string Policy);

    // Paths are under /{party}; the policy is the one on the page model the path leads to.
    private static readonly Entry[] PartyEntries =
    [
        new("Ärenden", "Begäranden", "begaranden", Policies.PartyMember),
        new("Ärenden", "Incidenter", "incidenter", Policies.PartyMember),
        new("Ärenden", "Övningar", "ovningar", Policies.PartyMember),
        new("Ärenden", "Personsökning", "personsok", Policies.PartyOversight),
        new("Register", "Behandlingar (art. 30)", "registerforteckning", Policies.PartyMember),
        new("Register", "Konsekvensbedömningar", "konsekvensbedomningar", Policies.PartyMember),
        new("Uppföljning", "Incidentstatistik", "incidenter/statistik", Policies.PartyMember),
        new("Uppföljning", "Mognad", "mognad", Policies.PartyOversight),
        new("Uppföljning", "Gallring", "gallring", Policies.PartyOversight),
        new("Uppföljning", "Logg", "logg", Policies.PartyOversight),
        new("Uppföljning", "Rådgivningslogg", "radgivningslogg", Policies.PartyOfficer),
        new("Inställningar", "Personuppgiftsansvariga", "personuppgiftsansvariga", Policies.PartyMember),
        new("Inställningar", "Dataskyddsombud", "dataskyddsombud", Policies.PartyMember),
        new("Inställningar", "System", "system", Policies.PartyOversight),
        new("Inställningar", "Personuppgiftsbiträden", "personuppgiftsbitraden", Policies.PartyMember),
        new("Inställningar", "Verktygets registerförteckning", "behandlingar", Policies.PartyMember),
        new("Inställningar", "Användare", "anvandare", Policies.PartyAdministrator),
        new("Inställningar", "Påminnelser", "paminnelser", Policies.PartyAdministrator),
        new("Inställningar", "Brevmallar", "brevmallar", Policies.PartyLetterTemplates),
    ];

    // The committee's pages (no party in the address).
    private static readonly Entry[] CommitteeEntries =
    [
        new("Nämnden", "Mognad i nämnden", "/mognad", Policies.EStrategist),
        new("Nämnden", "Dataskyddsombud i nämnden", "/dataskyddsombud", Policies.EStrategist),
        // Also open to the parties' DPOs, who reach it from their breach list (the page checks both).
        new("Nämnden", "Leverantörsincidenter", "/leverantorsincidenter", Policies.GlobalAdministrator),
        new("Nämnden", "Leverantörer", "/leverantorer", Policies.SignedIn),
        new("Nämnden", "Administration", "/admin", Policies.GlobalAdministrator),
        new("Nämnden", "Utkorg", "/admin/utkorg", Policies.GlobalAdministrator),
    ];

    public static Task<IReadOnlyList<MenuGroup>> ForPartyAsync(IAuthorizationService authorization, ClaimsPrincipal user, string slug, string path) =>
        BuildAsync(authorization, user, PartyEntries.Select(e => e with { Path = $"/{slug}/{e.Path}" }), path);

    public static Task<IReadOnlyList<MenuGroup>> ForCommitteeAsync(IAuthorizationService authorization, ClaimsPrincipal user, string path) =>
        BuildAsync(authorization, user, CommitteeEntries, path);

    private static async Task<IReadOnlyList<MenuGroup>> BuildAsync(IAuthorizationService authorization, ClaimsPrincipal user, IEnumerable<Entry> entries, string path)
    {
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var open = new List<Entry>();
        foreach (var entry in entries)
        {
            if (!allowed.TryGetValue(entry.Policy, out var may))
            {
                may = allowed[entry.Policy] = (await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded;
            }

            if (may)
            {
                open.Add(entry);
            }
        }

        // A page under several links (…/incidenter/statistik under …/incidenter) belongs to the longest one.
        var here = path.TrimEnd('/');
        var section = open.Any(e => string.Equals(e.Path, here, StringComparison.OrdinalIgnoreCase)) ? null
            : open.Where(e => here.StartsWith(e.Path + "/", StringComparison.OrdinalIgnoreCase)).MaxBy(e => e.Path.Length);
        return open.GroupBy(e => e.Group)
            .Select(g => new MenuGroup(g.Key, g.Select(e => new MenuLink(e.Text, e.Path,
                string.Equals(e.Path, here, StringComparison.OrdinalIgnoreCase), ReferenceEquals(e, section))).ToList()))
            .ToList();
    }
}
