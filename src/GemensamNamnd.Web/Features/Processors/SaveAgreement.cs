using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>Records a processor agreement (<c>id</c> null) or updates it, against the version the caller read; nothing is stored when the input is refused.</summary>
public sealed class SaveAgreement(AppDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<ProcessorAgreement>> SaveAsync(Guid? id, Guid? version, AgreementInput input, CancellationToken ct)
    {
        if (id is { } existing && !await db.ProcessorAgreements.AnyAsync(x => x.Id == existing, ct))
        {
            return CommandResult<ProcessorAgreement>.NotFound();
        }

        var suppliers = input.SupplierId is { } sid ? await db.Suppliers.Where(s => s.Id == sid).Select(s => s.Id).ToListAsync(ct) : [];
        var controllers = await db.DataControllers.Select(c => c.Id).ToListAsync(ct);
        if (CommandResult.RefuseIfAny<ProcessorAgreement>(input.Validate(Swedish.Today(clock), suppliers, controllers).ToErrors()) is { } invalid)
        {
            return invalid;
        }

        var agreement = id is null ? new ProcessorAgreement() : await db.ProcessorAgreements.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (agreement is null)
        {
            return CommandResult<ProcessorAgreement>.NotFound();
        }

        input.ApplyTo(agreement);
        if (id is null)
        {
            db.ProcessorAgreements.Add(agreement);
        }
        else
        {
            db.Entry(agreement).Property(x => x.Version).OriginalValue = version ?? Guid.Empty;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<ProcessorAgreement>.Conflict();
        }

        return CommandResult.Done(agreement);
    }
}
