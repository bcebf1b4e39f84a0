using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Systems;

/// <summary>Adds a system to the party's list, the checklist of a registerutdrag; names are unique in the party.</summary>
public sealed class AddPartySystem(AppDbContext db)
{
    public async Task<CommandResult<PartySystem>> RunAsync(string? name, string? description, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        var trimmed = name?.Trim() ?? string.Empty;
        var described = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmed.Length is 0 or > Limits.Name)
        {
            errors.Add(new Error("Name", "Ange systemets namn (högst 200 tecken)."));
        }
        else if (await db.PartySystems.AnyAsync(s => s.Name == trimmed, cancellationToken))
        {
            errors.Add(new Error("Name", $"Systemet {trimmed} finns redan i listan."));
        }

        if (described?.Length > 500)
        {
            errors.Add(new Error("Description", "Beskrivningen får vara högst 500 tecken."));
        }

        if (CommandResult.RefuseIfAny<PartySystem>(errors) is { } refused)
        {
            return refused;
        }

        var system = new PartySystem { Name = trimmed, Description = described };
        db.PartySystems.Add(system);
        return await db.TrySaveUniqueAsync(cancellationToken)
            ? CommandResult.Done(system)
            : CommandResult<PartySystem>.Invalid("Name", $"Systemet {trimmed} finns redan i listan.");
    }
}
