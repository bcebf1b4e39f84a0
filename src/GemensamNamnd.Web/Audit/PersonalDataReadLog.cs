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

    /// <summary>One read per record, saved together: an export of a register.</summary>
    public async Task RecordManyAsync(string entityType, IEnumerable<Guid> entityIds, string purpose, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow();
        var clipped = purpose.Length > Limits.Reason ? purpose[..Limits.Reason] : purpose;
        db.PersonalDataReads.AddRange(entityIds.Select(id => new PersonalDataRead
        {
            At = at,
            ActorId = actor.Id,
            EntityType = entityType,
            EntityId = id.ToString(),
            Purpose = clipped,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
