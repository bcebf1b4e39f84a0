using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>Records a consultation of the DPO (<c>id</c> null) or updates it, against the version the caller read.</summary>
public sealed class SaveConsultation(AppDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<DpoConsultation>> SaveAsync(Guid? id, Guid? version, ConsultationInput input, CancellationToken ct)
    {
        if (id is { } existing && !await db.DpoConsultations.AnyAsync(x => x.Id == existing, ct))
        {
            return CommandResult<DpoConsultation>.NotFound();
        }

        var controllers = await db.DataControllers.Select(c => c.Id).ToListAsync(ct);
        if (CommandResult.RefuseIfAny<DpoConsultation>(input.Validate(Swedish.Today(clock), controllers).ToErrors()) is { } invalid)
        {
            return invalid;
        }

        var consultation = id is null ? new DpoConsultation { Subject = string.Empty } : await db.DpoConsultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (consultation is null)
        {
            return CommandResult<DpoConsultation>.NotFound();
        }

        input.ApplyTo(consultation);
        if (id is null)
        {
            db.DpoConsultations.Add(consultation);
        }
        else
        {
            db.Entry(consultation).Property(x => x.Version).OriginalValue = version ?? Guid.Empty;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<DpoConsultation>.Conflict();
        }

        return CommandResult.Done(consultation);
    }
}
