using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>
/// Records (<c>id</c> null) or changes a processing activity against the version the caller read: the input's rules, a
/// controller, systems and suppliers that exist (the party's own controllers and systems), a name not used twice by the
/// same controller.
/// </summary>
public sealed class SaveProcessingActivity(AppDbContext db, TimeProvider clock)
{
    public const string NameTaken = "Den personuppgiftsansvariga har redan en behandling med det namnet.";

    public async Task<CommandResult<ProcessingActivity>> SaveAsync(Guid? id, Guid? version, ProcessingInput input, CancellationToken ct)
    {
        // Another party's (or no) record: 404 before anything is said about the input.
        if (id is { } existing && !await db.ProcessingActivities.AnyAsync(x => x.Id == existing, ct))
        {
            return CommandResult<ProcessingActivity>.NotFound();
        }

        var errors = input.Validate();
        if (input.ControllerId is { } controllerId && !await db.DataControllers.AnyAsync(c => c.Id == controllerId, ct))
        {
            errors[nameof(ProcessingInput.ControllerId)] = ["Välj en personuppgiftsansvarig hos parten."];
        }

        var systems = input.SystemIds.Distinct().ToList();
        if (systems.Count > 0 && await db.PartySystems.CountAsync(s => systems.Contains(s.Id), ct) != systems.Count)
        {
            errors[nameof(ProcessingInput.SystemIds)] = ["Välj bland partens system."];
        }

        var suppliers = input.SupplierIds.Distinct().ToList();
        if (suppliers.Count > 0 && await db.Suppliers.CountAsync(s => suppliers.Contains(s.Id), ct) != suppliers.Count)
        {
            errors[nameof(ProcessingInput.SupplierIds)] = ["Välj bland leverantörerna i listan."];
        }

        if (CommandResult.RefuseIfAny<ProcessingActivity>(errors.ToErrors()) is { } invalid)
        {
            return invalid;
        }

        // The supplier that runs a chosen system is a processor in the activity (PartySystem.SupplierId): added to the choice.
        var fromSystems = await db.PartySystems.AsNoTracking().Where(s => systems.Contains(s.Id) && s.SupplierId != null).Select(s => s.SupplierId!.Value).ToListAsync(ct);
        input = input with { SupplierIds = [.. suppliers.Union(fromSystems)] };

        var activity = id is null ? new ProcessingActivity { Name = string.Empty } : await db.ProcessingActivities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (activity is null)
        {
            return CommandResult<ProcessingActivity>.NotFound();
        }

        if (await db.ProcessingActivities.AnyAsync(x => x.Id != activity.Id && x.ControllerId == input.ControllerId && x.Name == input.Name!.Trim(), ct))
        {
            return CommandResult<ProcessingActivity>.Conflict(nameof(ProcessingInput.Name), NameTaken);
        }

        input.ApplyTo(activity, Swedish.Today(clock));
        if (id is null)
        {
            db.ProcessingActivities.Add(activity);
        }
        else
        {
            db.Entry(activity).Property(x => x.Version).OriginalValue = version ?? Guid.Empty;
        }

        try
        {
            if (!await db.TrySaveUniqueAsync(ct))
            {
                return CommandResult<ProcessingActivity>.Conflict(nameof(ProcessingInput.Name), NameTaken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<ProcessingActivity>.Conflict();
        }

        return CommandResult.Done(activity);
    }
}
