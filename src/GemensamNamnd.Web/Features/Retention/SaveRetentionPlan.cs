using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>The party's retention plan (the administrator's): periods of at least the minimum, and thin or delete for each register.</summary>
public sealed class SaveRetentionPlan(AppDbContext db, CurrentParty currentParty, IOptions<RetentionOptions> options)
{
    public async Task<CommandResult<PartySettings>> SaveAsync(
        int? requestMonths, RetentionAction requestAction, int? breachMonths, RetentionAction breachAction, CancellationToken ct)
    {
        var minimum = options.Value.MinimumMonths;
        var errors = new List<Error>();
        if (RetentionRules.WhyNotPeriod(requestMonths, minimum) is { } r)
        {
            errors.Add(new Error("RequestMonths", r));
        }

        if (RetentionRules.WhyNotPeriod(breachMonths, minimum) is { } b)
        {
            errors.Add(new Error("BreachMonths", b));
        }

        if (!Enum.IsDefined(requestAction) || requestAction == RetentionAction.Keep)
        {
            errors.Add(new Error("RequestAction", "Välj om avslutade begäranden gallras eller raderas."));
        }

        if (!Enum.IsDefined(breachAction) || breachAction == RetentionAction.Keep)
        {
            errors.Add(new Error("BreachAction", "Välj om avslutade incidenter gallras eller raderas."));
        }

        if (CommandResult.RefuseIfAny<PartySettings>(errors) is { } refused)
        {
            return refused;
        }

        // Set field by field: the settings this plan does not cover keep their values.
        var party = await db.Parties.FirstAsync(p => p.Id == currentParty.Required.Id, ct);
        party.Settings.RequestRetentionMonths = requestMonths!.Value;
        party.Settings.RequestRetentionAction = requestAction;
        party.Settings.BreachRetentionMonths = breachMonths!.Value;
        party.Settings.BreachRetentionAction = breachAction;
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(party.Settings);
    }
}
