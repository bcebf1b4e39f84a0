using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.PersonalData;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>What "Rätta" may change: the receipt, the channel and the personnummer (blank: unchanged), with a reason.</summary>
public sealed record RequestCorrection(DateTimeOffset? ReceivedAt, bool ReceivedTimeUnknown, RequestChannel? Channel, string? PersonalNumber, string? Reason);

/// <summary>
/// Rätta: corrects what registration got wrong and <see cref="EditRequestDetails"/> may not touch — the received date
/// and time, the channel and the personnummer — with a mandatory reason, in the timeline (the values of the personnummer
/// never: personal data) and the audit trail (the interceptor). A new received day moves the clock start when the clock
/// ran from receipt, and the Domain rules count the deadlines again (an extension in force stays in force); the first
/// received time is kept (<see cref="DataSubjectRequest.OriginalReceivedAt"/>) so the explanation shows both.
/// </summary>
public sealed class CorrectRequest(RequestChanges changes, PersonalIdentityNumbers personalNumbers, TimeProvider clock)
{
    public const string ReasonField = "CorrectionReason";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, RequestCorrection correction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, correction)), cancellationToken);
    }

    private CommandResult<string> Decide(DataSubjectRequest r, RequestCorrection c)
    {
        var now = clock.GetUtcNow();
        var errors = new List<Error>();
        if (c.ReceivedAt is not { } received)
        {
            errors.Add(new Error(nameof(RequestCorrection.ReceivedAt), "Ange när begäran kom in."));
        }
        else if (FormValues.CheckRange(nameof(RequestCorrection.ReceivedAt), "Mottagningsdagen", received, clock) is { } outOfRange)
        {
            errors.Add(outOfRange);
        }
        else if (received > now.AddMinutes(5))
        {
            errors.Add(new Error(nameof(RequestCorrection.ReceivedAt), "Mottagningstiden kan inte ligga i framtiden."));
        }
        else if (r.AnsweredOn is { } answered && Swedish.Date(received) > answered)
        {
            errors.Add(new Error(nameof(RequestCorrection.ReceivedAt), $"Mottagningsdagen kan inte ligga efter svarsdagen ({SwedishDates.Long(answered)})."));
        }

        if (c.Channel is null || !Enum.IsDefined(c.Channel.Value))
        {
            errors.Add(new Error(nameof(RequestCorrection.Channel), "Välj hur begäran kom in."));
        }

        PersonalIdentityNumber? number = null;
        if (!string.IsNullOrWhiteSpace(c.PersonalNumber))
        {
            if (PersonalIdentityNumber.TryParse(c.PersonalNumber, Swedish.Date(now), out var parsed, out var why))
            {
                number = parsed;
            }
            else
            {
                errors.Add(new Error(nameof(RequestCorrection.PersonalNumber), why));
            }
        }

        if (string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Trim().Length > Limits.Reason)
        {
            errors.Add(new Error(ReasonField, "Ange varför uppgifterna rättas (högst 1 000 tecken)."));
        }

        return RequestChanges.RefuseOr(errors, () => Apply(r, c, number));
    }

    private string Apply(DataSubjectRequest r, RequestCorrection c, PersonalIdentityNumber? number)
    {
        var changed = new List<string>();
        var received = c.ReceivedAt!.Value.ToUniversalTime();
        if (received != r.ReceivedAt || c.ReceivedTimeUnknown != r.ReceivedTimeUnknown)
        {
            changed.Add($"mottagen {Received(r.ReceivedAt, r.ReceivedTimeUnknown)} → {Received(received, c.ReceivedTimeUnknown)}");
            var oldDay = Swedish.Date(r.ReceivedAt);
            var newDay = Swedish.Date(received);
            r.OriginalReceivedAt ??= r.ReceivedAt;
            r.ReceivedAt = received;
            r.ReceivedTimeUnknown = c.ReceivedTimeUnknown;

            // The clock ran from receipt (not restarted at a confirmed identity, Art. 12(6)): it now starts at the corrected day.
            if (newDay != oldDay && r.ClockStartOn == oldDay)
            {
                var extended = r.EffectiveDueOn == r.ExtendedDueOn && r.ExtendedDueOn != r.DueOn;
                var before = r.EffectiveDueOn;
                var deadline = RequestDeadlines.Calculate(newDay, r.Calendar);
                r.ClockStartOn = newDay;
                r.DueOn = deadline.Due;
                r.ExtendedDueOn = deadline.ExtendedDue;
                r.EffectiveDueOn = extended ? deadline.ExtendedDue : deadline.Due;
                changed.Add($"sista dag {SwedishDates.Long(before)} → {SwedishDates.Long(r.EffectiveDueOn)} ({(extended ? deadline.ExtendedExplanation : deadline.Explanation)})");
            }
        }

        if (c.Channel!.Value != r.Channel)
        {
            changed.Add($"kom in via {r.Channel.Swedish()} → {c.Channel.Value.Swedish()}");
            r.Channel = c.Channel.Value;
        }

        if (number is { } n)
        {
            var hash = personalNumbers.Hash(n);
            if (hash != r.PersonalNumberHash)
            {
                r.PersonalNumberProtected = personalNumbers.Protect(n);
                r.PersonalNumberHash = hash;
                // The value is personal data: the timeline names the field only (the audit trail masks it).
                changed.Add("personnummer");
            }
        }

        return changed.Count == 0 ? RequestChanges.Unchanged : $"Rättat: {string.Join("; ", changed)}. Skäl: {c.Reason!.Trim()}";
    }

    private static string Received(DateTimeOffset at, bool timeUnknown) =>
        timeUnknown ? $"{SwedishDates.Long(Swedish.Date(at))} ({ReceivedTimeInput.UnknownWords})" : Swedish.DateTime(at);
}
