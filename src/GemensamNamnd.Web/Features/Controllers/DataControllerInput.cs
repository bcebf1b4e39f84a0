using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Web.Data;

namespace GemensamNamnd.Web.Features.Controllers;

/// <summary>What a form or the API sends to create or change a controller. One validation for both.</summary>
public sealed record DataControllerInput(string? Name, DataControllerKind? Kind, string? OrganisationNumber, bool IsActive = true)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors[nameof(Name)] = ["Ange namnet på nämnden eller bolaget."];
        }
        else if (Name.Trim().Length > Limits.Name)
        {
            errors[nameof(Name)] = [$"Namnet får vara högst {Limits.Name} tecken."];
        }

        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            errors[nameof(Kind)] = ["Välj om den personuppgiftsansvariga är en nämnd eller ett bolag."];
        }

        if (!string.IsNullOrWhiteSpace(OrganisationNumber) && !Domain.Identity.OrganisationNumber.IsValid(OrganisationNumber.Trim()))
        {
            errors[nameof(OrganisationNumber)] = ["Organisationsnumret är inte giltigt. Skriv det som NNNNNN-NNNN."];
        }

        return errors;
    }

    public void ApplyTo(DataController controller)
    {
        controller.Name = Name!.Trim();
        controller.Kind = Kind!.Value;
        controller.OrganisationNumber = string.IsNullOrWhiteSpace(OrganisationNumber) ? null : OrganisationNumber.Trim();
        controller.IsActive = IsActive;
    }
}

public sealed record DataControllerDto(Guid Id, string Name, DataControllerKind Kind, string? OrganisationNumber, bool IsActive, Guid Version)
{
    public static DataControllerDto From(DataController c) => new(c.Id, c.Name, c.Kind, c.OrganisationNumber, c.IsActive, c.Version);
}
