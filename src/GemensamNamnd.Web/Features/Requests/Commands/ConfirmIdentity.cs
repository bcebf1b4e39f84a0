using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// The identity is confirmed (how, in the method) and the case goes on to handling. Where the party counts the month
/// from confirmed identity and the identity was asked for (Art. 12(6)), the clock restarts from today. With an
/// e-legitimation (BankID, Freja eID+, eIDAS) only the method, its assurance level and the time are kept; without one,
/// the documented route in words (<see cref="IdentityChecks"/>, EDPB 01/2022 §§65, 74–79).
/// </summary>
public sealed class ConfirmIdentity(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, string? method, CancellationToken cancellationToken = default, IdentityCheck? check = null, AssuranceLevel? level = null) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, method, check, level)), cancellationToken);

    private CommandResult<string> Decide(DataSubjectRequest r, string? method, IdentityCheck? check, AssuranceLevel? level)
    {
        var errors = new List<Error>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.InProgress) is { } why)
        {
            errors.Add(new Error("Status", why));
        }

        var checkProblems = IdentityChecks.Problems(check, level, method);
        errors.AddRange(checkProblems.Select(p => new Error(p.Field, p.Message)));
        // Described only once the check and level are known values (an unknown number would have no name).
        var described = checkProblems.Count == 0 ? IdentityChecks.Describe(check, level, method) : string.Empty;
        if (checkProblems.Count == 0 && (string.IsNullOrWhiteSpace(described) || described.Length > 200))
        {
            errors.Add(new Error("Method", "Ange hur identiteten bekräftades (högst 200 tecken), t.ex. BankID eller legitimation på plats."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            var now = clock.GetUtcNow();
            var restart = r.ClockRule == DeadlineClockStart.IdentityConfirmed && r.IdentityCheckAskedAt is not null && r.ExtensionNoticeSentOn is null;
            r.IdentityConfirmedAt = now;
            r.IdentityMethod = described;
            r.IdentityCheck = check;
            r.IdentityAssurance = level;
            // An extension recorded during the identity check (Art. 12(3)) stands: the case goes on as extended.
            r.Status = r.ExtensionNoticeSentOn is null ? RequestStatus.InProgress : RequestStatus.Extended;
            var text = $"Identiteten bekräftad: {r.IdentityMethod}.";
            if (!restart)
            {
                return text + $" Tidsfristen räknas från mottagandet (art. 12.3); sista dag {SwedishDates.Long(r.EffectiveDueOn)}.";
            }

            var today = Swedish.Date(now);
            var deadline = RequestDeadlines.Calculate(today, r.Calendar, DeadlineClockStart.IdentityConfirmed);
            r.ClockStartOn = today;
            r.DueOn = deadline.Due;
            r.ExtendedDueOn = deadline.ExtendedDue;
            r.EffectiveDueOn = deadline.Due;
            return text + $" Tidsfristen räknas om från bekräftad identitet (art. 12.6), enligt partens val att räkna från bekräftad identitet i stället för från mottagandet: {deadline.Explanation}.";
        });
    }
}
