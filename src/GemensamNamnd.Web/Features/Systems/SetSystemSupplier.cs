using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Systems;

/// <summary>
/// Names the committee supplier that delivers or runs one of the party's systems (or none): a supplier of a system in use
/// is one of the party's processors (Art. 28), listed with its agreement at <c>/{party}/personuppgiftsbitraden</c>.
/// </summary>
public sealed class SetSystemSupplier(AppDbContext db)
{
    public async Task<CommandResult<PartySystem>> RunAsync(Guid id, Guid? supplierId, CancellationToken cancellationToken = default)
    {
        var system = await db.PartySystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return CommandResult<PartySystem>.NotFound();
        }

        if (supplierId is { } sid && !await db.Suppliers.AnyAsync(s => s.Id == sid, cancellationToken))
        {
            return CommandResult<PartySystem>.Invalid("SupplierId", "Välj en leverantör ur listan.");
        }

        system.SupplierId = supplierId;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(system);
    }
}
