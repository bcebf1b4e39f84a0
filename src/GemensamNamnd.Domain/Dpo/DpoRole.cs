namespace GemensamNamnd.Domain.Dpo;

/// <summary>The role a person holds for the controllers of an allocation: the designated DPO or the deputy.</summary>
public enum DpoRole
{
    /// <summary>The designated data protection officer (GDPR Art. 37(1)).</summary>
    Ordinarie,

    /// <summary>A deputy who acts when the ordinary DPO is absent; does not on its own fill the designation.</summary>
    Ersattare,
}

/// <summary>
/// Where the DPO reports. Art. 38(3): the DPO "shall directly report to the highest management level of the controller"
/// (for a nämnd, the nämnd itself or, above it, kommunstyrelsen/regionstyrelsen).
/// </summary>
public enum ReportingLevel
{
    HighestManagement,
    BelowHighestManagement,
}

public static class DpoRoleNames
{
    public static string Swedish(this DpoRole role) => role switch
    {
        DpoRole.Ordinarie => "Ordinarie",
        DpoRole.Ersattare => "Ersättare",
        _ => role.ToString(),
    };

    public static string Swedish(this ReportingLevel level) => level switch
    {
        ReportingLevel.HighestManagement => "Högsta ledningen",
        ReportingLevel.BelowHighestManagement => "Under högsta ledningen",
        _ => level.ToString(),
    };
}
