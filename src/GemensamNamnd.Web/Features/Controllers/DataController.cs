using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Controllers;

public enum DataControllerKind
{
    Namnd,
    Bolag,
}

/// <summary>
/// A personuppgiftsansvarig within a party: each nämnd and each municipal company is a controller of its own
/// (GDPR Art. 4(7)); requests and breaches belong to one or more of them.
/// </summary>
public sealed class DataController : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public required string Name { get; set; }

    public DataControllerKind Kind { get; set; }

    public string? OrganisationNumber { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
}

public static class DataControllerKindNames
{
    public static string Swedish(this DataControllerKind kind) => kind switch
    {
        DataControllerKind.Namnd => "Nämnd",
        DataControllerKind.Bolag => "Bolag",
        _ => kind.ToString(),
    };
}
