using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

/// <summary>
/// Creates (<c>id</c> null) or changes one controller of the party, for the page and the API alike: the input's rules,
/// a name not used by another controller of the party (409), and the version the caller read.
/// </summary>
public sealed class SaveDataController(AppDbContext db)
{
    public const string NameTaken = "Det finns redan en personuppgiftsansvarig med det namnet hos parten.";

    public async Task<CommandResult<DataController>> SaveAsync(Guid? id, Guid version, DataControllerInput input, CancellationToken ct)
    {
        if (CommandResult.RefuseIfAny<DataController>(input.Validate().ToErrors()) is { } invalid)
        {
            return invalid;
        }

        var controller = id is null ? new DataController { Name = string.Empty } : await db.DataControllers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (controller is null)
        {
            return CommandResult<DataController>.NotFound();
        }

        if (await db.DataControllers.AnyAsync(c => c.Id != controller.Id && c.Name == input.Name!.Trim(), ct))
        {
            return CommandResult<DataController>.Conflict(nameof(DataControllerInput.Name), NameTaken);
        }

        input.ApplyTo(controller);
        if (id is null)
        {
            db.DataControllers.Add(controller);
        }
        else
        {
            // Optimistic concurrency: the caller sends the version it read.
            db.Entry(controller).Property(c => c.Version).OriginalValue = version;
        }

        try
        {
            // Another controller of the same name saved since the check above: the same answer as the check.
            if (!await db.TrySaveUniqueAsync(ct))
            {
                return CommandResult<DataController>.Conflict(nameof(DataControllerInput.Name), NameTaken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<DataController>.Conflict();
        }

        return CommandResult.Done(controller);
    }
}
