using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>The facts of a request an officer may correct after registration.</summary>
public sealed record RequestDetails(
    Guid? ControllerId, DataSubjectRights Rights, string? RequesterName, string? Email, string? PostalAddress, bool ProtectedIdentity, string? Notes);

/// <summary>
/// Corrects the facts of the request: the controller, the rights, the requester's name and contact, skyddad identitet
/// and the notes (the same rules as at registration). Receipt and personnummer stay as registered: the deadline and
/// the duplicate check rest on them. Marking skyddad identitet removes the stored address.
/// </summary>
public sealed class EditRequestDetails(RequestChanges changes, AppDbContext db)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, RequestDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return changes.ChangeAsync(id, version, r => DecideAsync(r, details, cancellationToken), cancellationToken);
    }

    private async Task<CommandResult<string>> DecideAsync(DataSubjectRequest r, RequestDetails details, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        RegisterRequest.ValidateDetails(errors, details.Rights, details.RequesterName, details.Email, details.PostalAddress, details.ProtectedIdentity, details.Notes);
        if (details.ControllerId is not { } controllerId ||
            (controllerId != r.ControllerId && !await db.DataControllers.AnyAsync(c => c.Id == controllerId && c.IsActive, cancellationToken)))
        {
            errors.Add(new Error(nameof(RequestDetails.ControllerId), "Välj vilken nämnd eller vilket bolag begäran gäller."));
        }

        return RequestChanges.RefuseOr(errors, () =>
        {
            var changed = new List<string>();
            void Set<T>(T current, T next, Action<T> set, string what)
            {
                if (!EqualityComparer<T>.Default.Equals(current, next))
                {
                    set(next);
                    changed.Add(what);
                }
            }

            static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            Set(r.ControllerId, details.ControllerId!.Value, v => r.ControllerId = v, "personuppgiftsansvarig");
            Set(r.Rights, details.Rights, v => r.Rights = v, "rättigheter");
            Set(r.RequesterName, details.RequesterName!.Trim(), v => r.RequesterName = v, "namn");
            Set(r.Email, Blank(details.Email), v => r.Email = v, "e-post");
            Set(r.PostalAddress, details.ProtectedIdentity ? null : Blank(details.PostalAddress), v => r.PostalAddress = v, "postadress");
            Set(r.ProtectedIdentity, details.ProtectedIdentity, v => r.ProtectedIdentity = v, "skyddad identitet");
            Set(r.Notes, Blank(details.Notes), v => r.Notes = v, "anteckningar");

            // The timeline names what changed, never the values: they are personal data (the audit trail masks them too).
            return changed.Count == 0 ? RequestChanges.Unchanged : $"Uppgifter ändrade: {string.Join(", ", changed)}.";
        });
    }
}
