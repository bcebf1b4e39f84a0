using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>Answered on a day (not before receipt, not in the future), delivered in a stated way.</summary>
public sealed class AnswerRequest(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, answeredOn, delivery)), cancellationToken);

    private CommandResult<string> Decide(DataSubjectRequest r, DateOnly answeredOn, AnswerDelivery delivery)
    {
        var errors = new List<Error>();
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
            return $"Besvarad {SwedishDates.Long(answeredOn)} via {delivery.Swedish()}, {timing}.";
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
