using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>Assigns the case to one of the party's officers, or to no one; only while the case is open.</summary>
public sealed class AssignRequest(RequestChanges changes, RequestOfficers officers)
{
    private const string Field = "OfficerId";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, Guid? officerId, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => DecideAsync(r, officerId, cancellationToken), cancellationToken);

    private async Task<CommandResult<string>> DecideAsync(DataSubjectRequest r, Guid? officerId, CancellationToken cancellationToken)
    {
        if (RequestStatusRules.IsClosed(r.Status))
        {
            return RequestChanges.Refuse(Field, "Ett avslutat ärende kan inte tilldelas.");
        }

        string text;
        if (officerId is { } officer)
        {
            var name = (await officers.ListAsync(cancellationToken)).Where(o => o.Id == officer).Select(o => o.Name).FirstOrDefault();
            if (name is null)
            {
                return RequestChanges.Refuse(Field, "Välj en handläggare eller ett dataskyddsombud hos parten.");
            }

            text = $"Tilldelad {name}.";
        }
        else
        {
            text = "Ingen handläggare tilldelad.";
        }

        if (r.AssignedOfficerId == officerId)
        {
            return CommandResult.Done(RequestChanges.Unchanged);
        }

        r.AssignedOfficerId = officerId;
        return CommandResult.Done(text);
    }
}
