using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processing;

/// <summary>Records (<c>id</c> null) or changes an impact assessment of one of the party's activities, against the version read.</summary>
public sealed class SaveImpactAssessment(AppDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<ImpactAssessment>> SaveAsync(Guid? id, Guid? version, AssessmentInput input, CancellationToken ct)
    {
        // Another party's (or no) record: 404 before anything is said about the input.
        if (id is { } existing && !await db.ImpactAssessments.AnyAsync(x => x.Id == existing, ct))
        {
            return CommandResult<ImpactAssessment>.NotFound();
        }

        var errors = input.Validate(Swedish.Today(clock));
        if (input.ActivityId is { } activityId && !await db.ProcessingActivities.AnyAsync(a => a.Id == activityId, ct))
        {
            errors[nameof(AssessmentInput.ActivityId)] = ["Välj en av partens behandlingar."];
        }

        if (CommandResult.RefuseIfAny<ImpactAssessment>(errors.ToErrors()) is { } invalid)
        {
            return invalid;
        }

        var assessment = id is null ? new ImpactAssessment { Description = string.Empty } : await db.ImpactAssessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (assessment is null)
        {
            return CommandResult<ImpactAssessment>.NotFound();
        }

        input.ApplyTo(assessment);
        if (id is null)
        {
            db.ImpactAssessments.Add(assessment);
        }
        else
        {
            db.Entry(assessment).Property(x => x.Version).OriginalValue = version ?? Guid.Empty;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<ImpactAssessment>.Conflict();
        }

        return CommandResult.Done(assessment);
    }
}
