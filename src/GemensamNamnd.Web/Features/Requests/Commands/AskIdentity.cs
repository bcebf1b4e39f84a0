using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>Art. 12(6): more information is asked for on reasonable doubt about the identity.</summary>
public sealed class AskIdentity(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(
            RequestStatusRules.WhyNot(r.Status, RequestStatus.IdentityCheck) is { } why
                ? RequestChanges.Refuse("Status", why)
                : CommandResult.Done(Apply(r, clock.GetUtcNow()))), cancellationToken);

    /// <summary>Moves the case to the identity check and says what happens to the clock (also for <see cref="MoveRequest"/>).</summary>
    internal static string Apply(DataSubjectRequest r, DateTimeOffset now)
    {
        r.IdentityCheckAskedAt = now;
        r.Status = RequestStatus.IdentityCheck;
        var clockNote = r.ClockRule == DeadlineClockStart.IdentityConfirmed
            ? "Parten räknar tidsfristen från bekräftad identitet: den börjar om när identiteten bekräftas."
            : $"Tidsfristen löper från mottagandet (art. 12.3) och stannar inte under kontrollen; sista dag {SwedishDates.Long(r.EffectiveDueOn)}.";
        return $"Kompletterande uppgifter begärda för att bekräfta identiteten (art. 12.6). {clockNote}";
    }
}
