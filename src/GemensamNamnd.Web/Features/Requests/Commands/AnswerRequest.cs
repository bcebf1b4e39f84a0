using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Answered on a day (not before receipt, not in the future), delivered in a stated way. While a guard rail of
/// <see cref="AnswerGuard"/> applies (Art. 15: systems unsearched, no identity decision, no officer), the answer needs a
/// reason for going on anyway, kept in the timeline; without it the answer is refused.
/// </summary>
public sealed class AnswerRequest(RequestChanges changes, AnswerGuard guard, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, CancellationToken cancellationToken = default) =>
        RunAsync(id, version, answeredOn, delivery, null, cancellationToken);

    /// <summary>The answer with the reason for going on despite the guard rails' warnings (null or blank for none).</summary>
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, string? reason, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, async r => Decide(r, answeredOn, delivery, reason, await guard.WarningsAsync(r, cancellationToken)), cancellationToken);

    private CommandResult<string> Decide(DataSubjectRequest r, DateOnly answeredOn, AnswerDelivery delivery, string? reason, IReadOnlyList<string> warnings)
    {
        var errors = new List<Error>();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (warnings.Count > 0 && reason is null)
        {
            errors.Add(new Error(AnswerGuard.ReasonField,
                "Ange varför ärendet besvaras trots varningarna: " + string.Join(" ", warnings)));
        }
        else if (reason?.Length > Limits.Reason)
        {
            errors.Add(new Error(AnswerGuard.ReasonField, "Skälet får vara högst 1 000 tecken."));
        }

        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Answered) is { } why)
        {
            errors.Add(new Error("Status", why));
        }

        if (CheckDate("AnsweredOn", "Svarsdatumet", answeredOn, r, clock) is { } wrongDate)
        {
            errors.Add(wrongDate);
        }

        if (!Enum.IsDefined(delivery))
        {
            errors.Add(new Error("Delivery", "Välj hur svaret lämnades."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            r.AnsweredOn = answeredOn;
            r.Delivery = delivery;
            r.Status = RequestStatus.Answered;
            var late = answeredOn.DayNumber - r.EffectiveDueOn.DayNumber;
            var timing = late <= 0
                ? "inom tidsfristen"
                : $"{Swedish.Count(late, "dag", "dagar")} efter sista dag {SwedishDates.Long(r.EffectiveDueOn)}";
            var text = $"Besvarad {SwedishDates.Long(answeredOn)} via {delivery.Swedish()}, {timing}.";
            return warnings.Count == 0 || reason is null
                ? text
                : $"{text} Besvarad trots varningarna ({string.Join(" ", warnings)}) Skäl: {reason}";
        });
    }

    /// <summary>A decision's date: not before the request came in, not in the future (also for <see cref="RefuseRequest"/>).</summary>
    internal static Error? CheckDate(string field, string what, DateOnly date, DataSubjectRequest r, TimeProvider clock)
    {
        var received = Swedish.Date(r.ReceivedAt);
        if (date < received)
        {
            return new Error(field, $"{what} kan inte ligga före den dag begäran kom in ({SwedishDates.Long(received)}).");
        }

        return date > Swedish.Date(clock.GetUtcNow()) ? new Error(field, $"{what} kan inte ligga i framtiden.") : null;
    }
}
