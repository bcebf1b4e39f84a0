using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Drills;

/// <summary>Records a drill (<c>id</c> null) or updates it and its follow-up actions, against the version the caller read.</summary>
public sealed class SaveDrill(AppDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<Drill>> SaveAsync(Guid? id, Guid? version, DrillInput input, CancellationToken ct)
    {
        if (CommandResult.RefuseIfAny<Drill>(input.Validate(Swedish.Today(clock)).ToErrors()) is { } invalid)
        {
            return invalid;
        }

        var drill = id is null ? new Drill { Scenario = string.Empty, Participants = string.Empty } : await db.Drills.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (drill is null)
        {
            return CommandResult<Drill>.NotFound();
        }

        input.ApplyTo(drill);
        if (id is null)
        {
            db.Drills.Add(drill);
        }
        else
        {
            db.Entry(drill).Property(x => x.Version).OriginalValue = version ?? Guid.Empty;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<Drill>.Conflict();
        }

        return CommandResult.Done(drill);
    }
}
