using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Answered on a day (not before receipt, not in the future), delivered in a stated way. While a guard rail of
/// <see cref="AnswerGuard"/> applies (Art. 15: systems unsearched, no identity decision, no officer), the answer needs a
/// reason for going on anyway, kept in the timeline; without it the answer is refused.
/// The answer carries a decision per right (<see cref="RightOutcomes"/>, Art. 12(4)): a right not named is granted,
/// except the right of access where the secrecy review (<see cref="ReviewSecrecy"/>) masked or withheld something: then
/// the review decides it, on the OSL provisions it cites. Every right refused makes the case refused; some makes a
/// partial refusal, with the reasons kept for the letter.
/// </summary>
public sealed class AnswerRequest(RequestChanges changes, AnswerGuard guard, AppDbContext db, TimeProvider clock)
{
    public const string OutcomesField = "Outcomes";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, CancellationToken cancellationToken = default) =>
        RunAsync(id, version, answeredOn, delivery, null, cancellationToken);

    /// <summary>The answer with the reason for going on despite the guard rails' warnings (null or blank for none).</summary>
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, version, answeredOn, delivery, reason, [], cancellationToken);

    /// <summary>The answer with the decisions on the rights not granted in full (a right not named is granted).</summary>
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, string? reason, IReadOnlyCollection<RightOutcomeInput> outcomes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return changes.ChangeAsync(id, version, async r =>
        {
            var given = outcomes.Any(o => o.Right == DataSubjectRights.Access) || !r.Rights.HasFlag(DataSubjectRights.Access)
                ? outcomes
                : [.. outcomes, .. await AccessFromSecrecyReviewAsync(r.Id, cancellationToken)];
            return Decide(r, answeredOn, delivery, reason, given, await guard.WarningsAsync(r, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>The right of access as the secrecy review decides it (Art. 15 with Art. 23 and OSL); none when nothing was masked or withheld.</summary>
    public async Task<IReadOnlyList<RightOutcomeInput>> AccessFromSecrecyReviewAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var reviews = await (from s in db.SystemSearches.AsNoTracking()
                             join p in db.PartySystems.AsNoTracking() on s.SystemId equals p.Id
                             where s.RequestId == requestId && s.Result == SystemSearchResult.DataFound && s.Disclosure != null
                             orderby p.Name
                             select new { p.Name, Disclosure = s.Disclosure!.Value, s.OslProvision }).ToListAsync(cancellationToken);
        var decision = SecrecyReview.AccessDecision([.. reviews.Select(x => x.Disclosure)]);
        if (decision == RightDecision.Granted)
        {
            return [];
        }

        var cited = reviews.Where(x => x.Disclosure != Disclosure.Disclosed)
            .Select(x => $"{x.Name} {x.Disclosure.Swedish()} ({SecrecyReview.Find(x.OslProvision)?.Citation})");
        var text = "Sekretessprövning: " + string.Join("; ", cited) + ".";
        return [new RightOutcomeInput(DataSubjectRights.Access, decision, "osl", text.Length <= RightOutcomes.TextLimit ? text : text[..(RightOutcomes.TextLimit - 1)] + "…")];
    }

    private CommandResult<string> Decide(
        DataSubjectRequest r, DateOnly answeredOn, AnswerDelivery delivery, string? reason, IReadOnlyCollection<RightOutcomeInput> outcomes, IReadOnlyList<string> warnings)
    {
        var errors = new List<Error>();
        errors.AddRange(RightOutcomes.Check(r.Rights, outcomes).Select(e => new Error(OutcomesField, e.Message)));
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
            var all = RightOutcomes.Complete(r.Rights, outcomes);
            r.Outcomes = [.. all.Select(RightOutcomeEntity)];
            r.Outcome = RightOutcomes.Overall([.. all.Select(o => o.Decision)]);
            r.RefusalGround = RightOutcomes.Reasons(all);
            r.AnsweredOn = answeredOn;
            r.Delivery = delivery;
            r.Status = r.Outcome == RequestOutcome.Refused ? RequestStatus.Refused : RequestStatus.Answered;
            var late = answeredOn.DayNumber - r.EffectiveDueOn.DayNumber;
            var timing = late <= 0
                ? "inom tidsfristen"
                : $"{Swedish.Count(late, "dag", "dagar")} efter sista dag {SwedishDates.Long(r.EffectiveDueOn)}";
            var text = $"Besvarad {SwedishDates.Long(answeredOn)} via {delivery.Swedish()}, {timing}."
                + (r.RefusalGround is { } reasons ? $" Utfall: {r.Outcome!.Value.Swedish()}. {reasons}" : "");
            return warnings.Count == 0 || reason is null
                ? text
                : $"{text} Besvarad trots varningarna ({string.Join(" ", warnings)}) Skäl: {reason}";
        });
    }

    /// <summary>The stored form of one decision: blank texts dropped, the ground kept only where the right is not granted in full.</summary>
    internal static RightOutcome RightOutcomeEntity(RightOutcomeInput o) => o.Decision == RightDecision.Granted
        ? new RightOutcome { Right = o.Right, Decision = o.Decision }
        : new RightOutcome
        {
            Right = o.Right,
            Decision = o.Decision,
            GroundKey = string.IsNullOrWhiteSpace(o.GroundKey) ? null : o.GroundKey.Trim(),
            GroundText = string.IsNullOrWhiteSpace(o.GroundText) ? null : o.GroundText.Trim(),
        };

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
