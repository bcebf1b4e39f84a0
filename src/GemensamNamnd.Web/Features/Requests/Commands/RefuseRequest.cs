using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>Art. 12(4): refused on a day, with the legal ground, every right of the request; the date is kept as the answer date.</summary>
public sealed class RefuseRequest(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly refusedOn, string? legalGround, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, refusedOn, legalGround)), cancellationToken);

    private CommandResult<string> Decide(DataSubjectRequest r, DateOnly refusedOn, string? legalGround)
    {
        var errors = new List<Error>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Refused) is { } why)
        {
            errors.Add(new Error("Status", why));
        }

        if (AnswerRequest.CheckDate("RefusedOn", "Datumet för avslaget", refusedOn, r, clock) is { } wrongDate)
        {
            errors.Add(wrongDate);
        }

        if (string.IsNullOrWhiteSpace(legalGround) || legalGround.Trim().Length > Limits.Reason)
        {
            errors.Add(new Error("LegalGround", "Ange den rättsliga grunden för avslaget (art. 12.4), högst 1 000 tecken."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            r.RefusalGround = legalGround!.Trim();
            r.Outcomes = [.. r.Rights.Each().Select(right => new RightOutcome { Right = right, Decision = RightDecision.Refused, GroundText = r.RefusalGround })];
            r.Outcome = RequestOutcome.Refused;
            r.AnsweredOn = refusedOn;
            r.Status = RequestStatus.Refused;
            return $"Avslagen {SwedishDates.Long(refusedOn)}; den registrerade ska få skälen och upplysas om rätten att klaga hos IMY " +
                $"och att begära rättslig prövning (art. 12.4). Grund: {r.RefusalGround}";
        });
    }
}
