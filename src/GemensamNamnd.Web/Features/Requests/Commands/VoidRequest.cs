using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Makulerad (registrerad av misstag): an open case registered by mistake, e.g. a duplicate, is closed with a reason.
/// Unlike "Återkallad" it states nothing about the data subject, and no statistic counts it
/// (<see cref="RequestStatusRules.CountsInStatistics"/>); no reminder is sent for it (it is closed).
/// </summary>
public sealed class VoidRequest(RequestChanges changes)
{
    public const string ReasonField = "VoidReason";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, string? reason, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, reason)), cancellationToken);

    private static CommandResult<string> Decide(DataSubjectRequest r, string? reason)
    {
        var errors = new List<Error>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Voided) is { } why)
        {
            errors.Add(new Error("Status", why));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Limits.Reason)
        {
            errors.Add(new Error(ReasonField, "Ange varför ärendet makuleras, t.ex. att det är en dubblett av ett annat ärende (högst 1 000 tecken)."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            var from = r.Status;
            r.Status = RequestStatus.Voided;
            return $"Makulerad (registrerad av misstag), var {from.Swedish()}. Skäl: {reason!.Trim()}";
        });
    }
}
