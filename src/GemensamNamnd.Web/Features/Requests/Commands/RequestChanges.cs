using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// The plumbing every change to a registered request shares, and nothing else: load the case the user may open (else
/// NotFound, the skyddad identitet rule), check the version the caller read (optimistic concurrency), let the use case
/// decide, then save the change with one <see cref="RequestEvent"/> in the same save. The status change itself is
/// audited by the audit interceptor. Nothing is stored when the use case refuses.
/// </summary>
public sealed class RequestChanges(AppDbContext db, RequestViewers viewers, CurrentActor actor, TimeProvider clock)
{
    /// <summary>What a use case returns when there is nothing to save: done, no event.</summary>
    public const string Unchanged = "";

    /// <summary>
    /// Runs <paramref name="decide"/> on the case: it validates and changes the tracked entity, and returns the timeline
    /// text (or <see cref="Unchanged"/>), or a refusal.
    /// </summary>
    public async Task<CommandResult<DataSubjectRequest>> ChangeAsync(
        Guid id, Guid version, Func<DataSubjectRequest, Task<CommandResult<string>>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var viewer = await viewers.CurrentAsync(cancellationToken);
        var r = await db.Requests.OpenTo(viewer).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return CommandResult<DataSubjectRequest>.NotFound();
        }

        // The caller decided on what it read: a newer version means its decision may rest on stale facts.
        if (r.Version != version)
        {
            return CommandResult<DataSubjectRequest>.Conflict();
        }

        var decided = await decide(r);
        if (!decided.Ok)
        {
            return decided.Fail<DataSubjectRequest>();
        }

        if (decided.Value is not { Length: > 0 } text)
        {
            return CommandResult.Done(r);
        }

        // Every change moves the case's version, also one that only touches its lines (searches, recipients), so a
        // second writer who read the same version gets a conflict instead of writing over the first.
        db.Entry(r).Property(x => x.Version).IsModified = true;
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = r.Id,
            At = clock.GetUtcNow(),
            ActorName = ActorName,
            Text = Clip(text, Limits.Reason),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Nothing of this attempt may linger for a later save in the same scope (the event, the audit rows).
            db.ChangeTracker.Clear();
            return CommandResult<DataSubjectRequest>.Conflict();
        }

        return CommandResult.Done(r);
    }

    /// <summary>Who acts, as the timeline and the checklist name them.</summary>
    public string ActorName => Clip(actor.DisplayName, Limits.Name);

    /// <summary>A refusal of the use case: nothing is saved.</summary>
    public static CommandResult<string> Refuse(string field, string message) => CommandResult<string>.Invalid(field, message);

    /// <summary>All the refusals found, or the timeline text when there are none.</summary>
    public static CommandResult<string> RefuseOr(IReadOnlyCollection<Error> errors, Func<string> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return CommandResult.RefuseIfAny<string>(errors) ?? CommandResult.Done(change());
    }

    private static string Clip(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
