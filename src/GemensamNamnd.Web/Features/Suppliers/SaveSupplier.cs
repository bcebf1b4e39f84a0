using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Suppliers;

/// <summary>Adds a supplier to the committee-wide list (<c>id</c> null) or changes one; names are unique in the committee.</summary>
public sealed class SaveSupplier(AppDbContext db)
{
    public async Task<CommandResult<Supplier>> SaveAsync(Guid? id, string? name, string? organisationNumber, string? country, bool isActive, CancellationToken ct)
    {
        var errors = new List<Error>();
        var trimmed = name?.Trim() ?? string.Empty;
        var number = string.IsNullOrWhiteSpace(organisationNumber) ? null : organisationNumber.Trim();
        var code = country?.Trim().ToUpperInvariant() ?? string.Empty;
        if (trimmed.Length is 0 or > Limits.Name)
        {
            errors.Add(new Error("Name", "Ange leverantörens namn (högst 200 tecken)."));
        }
        else if (await db.Suppliers.AnyAsync(s => s.Name == trimmed && s.Id != id, ct))
        {
            errors.Add(new Error("Name", $"Leverantören {trimmed} finns redan i listan."));
        }

        if (number?.Length > 32)
        {
            errors.Add(new Error("OrganisationNumber", "Organisationsnumret får vara högst 32 tecken."));
        }

        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new Error("Country", "Ange landet med två bokstäver enligt ISO 3166, t.ex. SE eller IE."));
        }

        if (CommandResult.RefuseIfAny<Supplier>(errors) is { } refused)
        {
            return refused;
        }

        var supplier = id is null ? new Supplier { Name = trimmed } : await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
        {
            return CommandResult<Supplier>.NotFound();
        }

        (supplier.Name, supplier.OrganisationNumber, supplier.Country, supplier.IsActive) = (trimmed, number, code, isActive);
        if (id is null)
        {
            db.Suppliers.Add(supplier);
        }

        return await db.TrySaveUniqueAsync(ct)
            ? CommandResult.Done(supplier)
            : CommandResult<Supplier>.Invalid("Name", $"Leverantören {trimmed} finns redan i listan.");
    }
}
