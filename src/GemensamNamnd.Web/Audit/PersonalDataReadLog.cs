using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;

namespace GemensamNamnd.Web.Audit;

/// <summary>
/// Logs that someone opened a record holding personal data (who, which record, why). Call it from the page or endpoint
/// that shows the data, before showing it; the row is saved with the request's other changes or on its own.
/// </summary>
public sealed class PersonalDataReadLog(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task RecordAsync(string entityType, Guid entityId, string purpose, CancellationToken cancellationToken = default)
    {
        db.PersonalDataReads.Add(new PersonalDataRead
        {
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            EntityType = entityType,
            EntityId = entityId.ToString(),
            Purpose = purpose.Length > Limits.Reason ? purpose[..Limits.Reason] : purpose,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
