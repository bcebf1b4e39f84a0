using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Skyddad identitet: the officer records how the answer reached the data subject — in person, or through Skatteverket's
/// forwarding — since no address is kept and the system sends the data subject nothing (<see cref="ProtectedHandOver"/>).
/// </summary>
public sealed class RecordHandOver(RequestChanges changes, TimeProvider clock)
{
    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, ProtectedHandOver? handOver, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r =>
        {
            if (!r.ProtectedIdentity)
            {
                return Task.FromResult(RequestChanges.Refuse("HandOver", "Överlämning registreras bara för ärenden med skyddad identitet."));
            }

            if (handOver is not { } h || !Enum.IsDefined(h))
            {
                return Task.FromResult(RequestChanges.Refuse("HandOver", "Välj hur svaret lämnades över: personligen eller via Skatteverkets förmedling."));
            }

            r.HandOver = h;
            r.HandOverAt = clock.GetUtcNow();
            r.HandOverBy = changes.ActorName;
            return Task.FromResult(CommandResult.Done($"Svaret {h.Swedish()} (skyddad identitet)."));
        }, cancellationToken);
}
