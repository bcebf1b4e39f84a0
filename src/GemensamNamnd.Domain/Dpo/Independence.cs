using System.Globalization;
using System.Text;

namespace GemensamNamnd.Domain.Dpo;

/// <summary>The committee's rules for DPO independence: the roles that conflict and the minimum share of a post.</summary>
public sealed record IndependencePolicy(IReadOnlyList<string> ConflictingRoles, int MinimumSharePercent)
{
    /// <summary>
    /// Roles that decide the purposes and means of processing, or that the DPO would have to monitor, conflict with the
    /// DPO's tasks (Art. 38(6); EDPB/WP29 guidelines on DPOs §3.5). IMY has reprimanded a region whose DPO was also its
    /// lawyer, hence the legal roles.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultConflictingRoles =
        ["Kommundirektör", "Regiondirektör", "IT-chef", "HR-chef", "Säkerhetschef", "Ekonomichef", "Kommunjurist", "Chefsjurist"];

    /// <summary>20 %: below one day a week the committee does not consider the resources adequate (Art. 38(2)).</summary>
    public const int DefaultMinimumSharePercent = 20;

    public static IndependencePolicy Default { get; } = new(DefaultConflictingRoles, DefaultMinimumSharePercent);
}

/// <summary>The independence checks of Art. 38, each finding citing its paragraph.</summary>
public static class Independence
{
    /// <summary>
    /// Art. 38(6): other tasks must not result in a conflict of interests. A role conflicts when, ignoring case, spaces
    /// and hyphens, it contains a listed role ("Biträdande IT-chef" contains "IT-chef"): better a warning too many.
    /// </summary>
    public static IReadOnlyList<DpoWarning> ConflictingRoles(IEnumerable<string> otherRoles, IndependencePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(otherRoles);
        ArgumentNullException.ThrowIfNull(policy);
        var listed = policy.ConflictingRoles.Select(r => (Role: r, Key: Normalise(r))).Where(r => r.Key.Length > 0).ToList();
        var warnings = new List<DpoWarning>();
        foreach (var role in otherRoles.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var key = Normalise(role);
            if (listed.FirstOrDefault(l => key.Contains(l.Key, StringComparison.Ordinal)) is { Role: not null } hit)
            {
                warnings.Add(new DpoWarning(DpoWarningKind.ConflictingRole,
                    $"Rollen ”{role.Trim()}” kan ge en intressekonflikt med uppdraget som dataskyddsombud (jfr {hit.Role})", "art. 38.6"));
            }
        }

        return warnings;
    }

    /// <summary>Art. 38(3): the DPO reports directly to the highest management level of the controller.</summary>
    public static DpoWarning? ReportingLine(ReportingLevel level, string? reportsTo) =>
        level == ReportingLevel.HighestManagement
            ? null
            : new DpoWarning(DpoWarningKind.ReportingLine,
                $"Dataskyddsombudet rapporterar till {(string.IsNullOrWhiteSpace(reportsTo) ? "en nivå" : reportsTo.Trim())}, som är under den högsta ledningen", "art. 38.3");

    /// <summary>Art. 38(2): the controller provides the resources necessary to carry out the tasks.</summary>
    public static DpoWarning? Share(int sharePercent, IndependencePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return sharePercent < policy.MinimumSharePercent
            ? new DpoWarning(DpoWarningKind.ShareBelowMinimum,
                string.Create(CultureInfo.InvariantCulture, $"Andelen {sharePercent} % av en heltid är under nämndens minsta andel {policy.MinimumSharePercent} %"), "art. 38.2")
            : null;
    }

    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLower(CultureInfo.GetCultureInfo("sv-SE")))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
