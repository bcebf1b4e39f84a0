using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Systems;

/// <summary>A system out of use leaves the checklist of new searches; the cases that name it keep their record. And back.</summary>
public sealed class TogglePartySystem(AppDbContext db)
{
    public async Task<CommandResult<PartySystem>> RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var system = await db.PartySystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return CommandResult<PartySystem>.NotFound();
        }

        system.IsActive = !system.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done(system);
    }
}
