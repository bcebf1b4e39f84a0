using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// A plain move: to identity check (as <see cref="AskIdentity"/>), to handling from registered, or to withdrawn by the
/// data subject. Extension, answer and refusal need their facts and go through their own use cases; leaving the
/// identity check for handling goes through <see cref="ConfirmIdentity"/>.
/// </summary>
public sealed class MoveRequest(RequestChanges changes, TimeProvider clock)
{
    private const string Field = "To";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, RequestStatus to, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r => Task.FromResult(Decide(r, to)), cancellationToken);

    /// <summary>Withdrawn by the data subject: a plain move to <see cref="RequestStatus.Withdrawn"/>.</summary>
    public Task<CommandResult<DataSubjectRequest>> WithdrawAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        RunAsync(id, version, RequestStatus.Withdrawn, cancellationToken);

    /// <summary>
    /// Withdrawn by the data subject on <paramref name="withdrawnOn"/> (not before receipt, not in the future), which
    /// the timeline keeps.
    /// </summary>
    public Task<CommandResult<DataSubjectRequest>> WithdrawAsync(Guid id, Guid version, DateOnly withdrawnOn, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r =>
        {
            if (AnswerRequest.CheckDate("WithdrawnOn", "Dagen för återkallelsen", withdrawnOn, r, clock) is { } wrongDate)
            {
                return Task.FromResult(CommandResult<string>.Invalid(wrongDate.Field, wrongDate.Message));
            }

            var decided = Decide(r, RequestStatus.Withdrawn);
            return Task.FromResult(decided.Ok
                ? CommandResult.Done($"Återkallad av den registrerade {SwedishDates.Long(withdrawnOn)}. Ärendet är avslutat.")
                : decided);
        }, cancellationToken);

    private CommandResult<string> Decide(DataSubjectRequest r, RequestStatus to)
    {
        if (!Enum.IsDefined(to))
        {
            return RequestChanges.Refuse(Field, "Okänd status.");
        }

        if (RequestStatusRules.WhyNot(r.Status, to) is { } why)
        {
            return RequestChanges.Refuse(Field, why);
        }

        var refusal = to switch
        {
            RequestStatus.Extended => "En förlängning kräver skälen och den dag den registrerade underrättades (art. 12.3): använd Förläng.",
            RequestStatus.Answered => "Ett ärende besvaras med svarsdatum och sätt att lämna svaret: använd Besvara.",
            RequestStatus.Refused => "Ett avslag kräver datum och rättslig grund (art. 12.4): använd Avslå.",
            RequestStatus.Voided => "Ett ärende som registrerats av misstag makuleras med ett skäl: använd Makulera (POST …/void).",
            RequestStatus.InProgress when r.Status == RequestStatus.IdentityCheck => "Bekräfta identiteten och ange hur den kontrollerades för att gå vidare till handläggning.",
            _ => null,
        };
        if (refusal is not null)
        {
            return RequestChanges.Refuse(Field, refusal);
        }

        if (to == RequestStatus.IdentityCheck)
        {
            return CommandResult.Done(AskIdentity.Apply(r, clock.GetUtcNow()));
        }

        var from = r.Status;
        r.Status = to;
        return CommandResult.Done(to switch
        {
            RequestStatus.Withdrawn => "Återkallad av den registrerade. Ärendet är avslutat.",
            RequestStatus.InProgress => "Handläggningen har påbörjats.",
            _ => $"Status ändrad från {from.Swedish()} till {to.Swedish()}.",
        });
    }
}
