using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Art. 12(3): two further months, from handling only, once; the data subject told why within the first month
/// (<see cref="Extension.WhyNotAllowed"/>), on a day not in the future.
/// </summary>
public sealed class ExtendRequest(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, string? reason, DateOnly noticeSentOn, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, reason, noticeSentOn)), cancellationToken);

    private CommandResult<string> Decide(DataSubjectRequest r, string? reason, DateOnly noticeSentOn)
    {
        var today = Swedish.Date(clock.GetUtcNow());
        var received = Swedish.Date(r.ReceivedAt);
        var errors = new List<Error>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Extended) is { } why)
        {
            errors.Add(new Error("Status", why));
        }

        // The stored deadlines are the ones in force (counted when the clock started); the notice is due by the first.
        var deadline = new RequestDeadline(r.ClockStartOn, r.DueOn, r.ExtendedDueOn, r.DueOn, string.Empty, string.Empty);
        if (noticeSentOn > today)
        {
            errors.Add(new Error("NoticeSentOn", "Meddelandet om förlängning kan inte vara skickat i framtiden."));
        }
        else if (noticeSentOn < received)
        {
            errors.Add(new Error("NoticeSentOn", $"Meddelandet om förlängning kan inte vara skickat före den dag begäran kom in ({SwedishDates.Long(received)})."));
        }

        var tooLong = !string.IsNullOrWhiteSpace(reason) && reason.Trim().Length > Limits.Reason;
        if (Extension.WhyNotAllowed(noticeSentOn, reason, deadline) is { } notAllowed)
        {
            // One message a field: the date's own error, or the long reason's, comes first.
            var field = noticeSentOn > deadline.ExtensionNoticeDue ? "NoticeSentOn" : "Reason";
            if (errors.All(e => e.Field != field) && !(field == "Reason" && tooLong))
            {
                errors.Add(new Error(field, notAllowed));
            }
        }

        if (tooLong)
        {
            errors.Add(new Error("Reason", "Skälet får vara högst 1 000 tecken."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            r.ExtensionReason = reason!.Trim();
            r.ExtensionNoticeSentOn = noticeSentOn;
            r.Status = RequestStatus.Extended;
            r.EffectiveDueOn = r.ExtendedDueOn;
            return $"Förlängd med två månader (art. 12.3); den registrerade underrättades {SwedishDates.Long(noticeSentOn)}. " +
                $"Ny sista dag {SwedishDates.Long(r.ExtendedDueOn)}. Skäl: {r.ExtensionReason}";
        });
    }
}
