using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Återöppna: a closed case (answered, refused, withdrawn or voided) goes back to handling, with a reason; the party's
/// DPO only (the page and the API check <c>Policies.PartyDpo</c>). The deadline rules decide the deadline: it stays as
/// counted from the clock start (Art. 12(3) counts from receipt, or confirmed identity, whatever happened since), and
/// an extension in force stays in force (<see cref="RequestStatusRules.Reopened"/>). The answer date, delivery and
/// refusal ground of the closed case are cleared (the timeline keeps them), so no figure counts the case as answered.
/// </summary>
public sealed class ReopenRequest(RequestChanges changes)
{
    public const string ReasonField = "ReopenReason";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, reason)), cancellationToken);

    private static CommandResult<string> Decide(DataSubjectRequest r, string? reason)
    {
        var errors = new List<Error>();
        var extended = r.ExtensionNoticeSentOn is not null || (r.EffectiveDueOn == r.ExtendedDueOn && r.ExtendedDueOn != r.DueOn);
        var to = RequestStatusRules.Reopened(r.Status, extended);
        if (to is null)
        {
            errors.Add(new Error("Status", "Ärendet är inte avslutat: det finns inget att återöppna."));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Limits.Reason)
        {
            errors.Add(new Error(ReasonField, "Ange varför ärendet återöppnas (högst 1 000 tecken)."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            var from = r.Status;
            r.Status = to!.Value;
            r.AnsweredOn = null;
            r.Delivery = null;
            r.RefusalGround = null;
            r.Outcomes = [];
            r.Outcome = null;
            r.EffectiveDueOn = extended ? r.ExtendedDueOn : r.DueOn;
            return $"Återöppnad, var {from.Swedish()}. Skäl: {reason!.Trim()} Tidsfristen är oförändrad (räknad från {SwedishDates.Long(r.ClockStartOn)}): sista dag {SwedishDates.Long(r.EffectiveDueOn)}.";
        });
    }
}
