using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Art. 12(3): two further months, once, given within the first month while the clock runs (in handling, or during the
/// identity check when the month counts from receipt); the data subject told why on a day from receipt to the first
/// deadline, not in the future; never for a case already overdue (<see cref="Extension.Check"/>). During the identity
/// check the case keeps its status and goes on to Förlängd when the identity is confirmed.
/// </summary>
public sealed class ExtendRequest(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, string? reason, DateOnly noticeSentOn, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, reason, noticeSentOn)), cancellationToken);

    /// <summary>What Art. 12(3) needs of the case: its status, whether extended, whether its clock waits for the identity.</summary>
    public static ExtensionCase CaseOf(DataSubjectRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);

        // The stored deadlines are the ones in force (counted when the clock started); the notice is due by the first.
        var deadline = new RequestDeadline(r.ClockStartOn, r.DueOn, r.ExtendedDueOn, r.DueOn, string.Empty, string.Empty);
        var clockWaits = r.Status == RequestStatus.IdentityCheck && r.IdentityConfirmedAt is null && r.IdentityCheckAskedAt is not null
            && r.ClockRule == DeadlineClockStart.IdentityConfirmed;
        return new ExtensionCase(r.Status, r.ExtensionNoticeSentOn is not null, clockWaits, Swedish.Date(r.ReceivedAt), deadline);
    }

    private CommandResult<string> Decide(DataSubjectRequest r, string? reason, DateOnly noticeSentOn)
    {
        var today = Swedish.Date(clock.GetUtcNow());
        var errors = Extension.Check(CaseOf(r), noticeSentOn, reason, today)
            .Select(e => new Error(e.Field, e.Message)).ToList();
        if (!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length > Limits.Reason)
        {
            errors.Add(new Error("Reason", "Skälet får vara högst 1 000 tecken."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            var duringIdentityCheck = r.Status == RequestStatus.IdentityCheck;
            r.ExtensionReason = reason!.Trim();
            r.ExtensionNoticeSentOn = noticeSentOn;
            r.Status = duringIdentityCheck ? RequestStatus.IdentityCheck : RequestStatus.Extended;
            r.EffectiveDueOn = r.ExtendedDueOn;
            return $"Förlängd med två månader (art. 12.3){(duringIdentityCheck ? " under identitetskontrollen" : string.Empty)}; den registrerade underrättades {SwedishDates.Long(noticeSentOn)}. " +
                $"Ny sista dag {SwedishDates.Long(r.ExtendedDueOn)}. Skäl: {r.ExtensionReason}";
        });
    }
}
