using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>A recipient the data were disclosed to.</summary>
public sealed record RecipientInput(string? Name, DateOnly? DisclosedOn);

/// <summary>How a recipient was dealt with: told (when, how) or exempt (why).</summary>
public sealed record RecipientNoticeInput(RecipientNoticeState? State, DateOnly? ToldOn, string? How, RecipientExemption? Exemption, string? Note);

/// <summary>
/// Art. 19 on a request for rectification, erasure or restriction (<see cref="RecipientNotification"/>): the recipients
/// the data were disclosed to and whether each was told; that there were none; and the data subject's question about
/// them (second sentence). Allowed on answered cases too — the telling follows the carrying out — but not on a voided
/// or withdrawn one. Each change moves the case's version and is on its timeline.
/// </summary>
public sealed class NotifyRecipients(RequestChanges changes, AppDbContext db, TimeProvider clock)
{
    public const string Field = "Recipients";

    public Task<CommandResult<DataSubjectRequest>> AddAsync(Guid id, Guid version, RecipientInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ChangeAsync(id, version, r => Task.FromResult(Add(r, input)), cancellationToken);
    }

    public Task<CommandResult<DataSubjectRequest>> RecordNoticeAsync(Guid id, Guid version, Guid recipientId, RecipientNoticeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ChangeAsync(id, version, r => RecordNoticeAsync(r, recipientId, input, cancellationToken), cancellationToken);
    }

    /// <summary>The data went to no one: nothing to tell (refused once a recipient is recorded).</summary>
    public Task<CommandResult<DataSubjectRequest>> NoRecipientsAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, async r =>
        {
            if (Closed(r) is { } refused)
            {
                return refused;
            }

            if (await db.RequestRecipients.AnyAsync(x => x.RequestId == r.Id, cancellationToken))
            {
                return RequestChanges.Refuse(Field, "Det finns redan mottagare registrerade i ärendet.");
            }

            if (r.NoRecipientsRecordedAt is not null)
            {
                return CommandResult.Done(RequestChanges.Unchanged);
            }

            r.NoRecipientsRecordedAt = clock.GetUtcNow();
            return CommandResult.Done("Art. 19: uppgifterna har inte lämnats ut till någon mottagare.");
        }, cancellationToken);

    /// <summary>Art. 19, second sentence: the data subject asked about the recipients (and, when given, was told on that day).</summary>
    public Task<CommandResult<DataSubjectRequest>> SubjectAskedAsync(Guid id, Guid version, DateOnly? askedOn, DateOnly? toldOn, CancellationToken cancellationToken = default) =>
        changes.ChangeAsync(id, version, r =>
        {
            if (Closed(r) is { } refused)
            {
                return Task.FromResult(refused);
            }

            var today = Swedish.Date(clock.GetUtcNow());
            var received = Swedish.Date(r.ReceivedAt);
            string? why = askedOn is null ? "Ange dagen då den registrerade frågade efter mottagarna."
                : askedOn > today || toldOn > today ? "Datumet kan inte ligga i framtiden."
                : askedOn < received ? "Frågan kan inte ha kommit före begäran."
                : toldOn < askedOn ? "Den registrerade kan inte ha fått svar innan frågan kom."
                : null;
            if (why is not null)
            {
                return Task.FromResult(RequestChanges.Refuse(Field, why));
            }

            if (r.RecipientsAskedOn == askedOn && r.RecipientsToldOn == toldOn)
            {
                return Task.FromResult(CommandResult.Done(RequestChanges.Unchanged));
            }

            r.RecipientsAskedOn = askedOn;
            r.RecipientsToldOn = toldOn;
            return Task.FromResult(CommandResult.Done(toldOn is { } told
                ? $"Art. 19: den registrerade frågade efter mottagarna {SwedishDates.Long(askedOn!.Value)} och fick besked {SwedishDates.Long(told)}."
                : $"Art. 19: den registrerade frågade efter mottagarna {SwedishDates.Long(askedOn!.Value)}."));
        }, cancellationToken);

    private CommandResult<string> Add(DataSubjectRequest r, RecipientInput input)
    {
        if (Closed(r) is { } refused)
        {
            return refused;
        }

        if (RecipientNotification.CheckRecipient(input.Name, input.DisclosedOn, Swedish.Date(clock.GetUtcNow())) is { } why)
        {
            return RequestChanges.Refuse(Field, why);
        }

        var name = input.Name!.Trim();
        db.RequestRecipients.Add(new RequestRecipient
        {
            RequestId = r.Id,
            Name = name,
            DisclosedOn = input.DisclosedOn,
            State = RecipientNoticeState.Pending,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = changes.ActorName,
        });
        r.NoRecipientsRecordedAt = null;
        return CommandResult.Done($"Art. 19: mottagaren {name} registrerad.");
    }

    private async Task<CommandResult<string>> RecordNoticeAsync(DataSubjectRequest r, Guid recipientId, RecipientNoticeInput input, CancellationToken cancellationToken)
    {
        if (Closed(r) is { } refused)
        {
            return refused;
        }

        var recipient = await db.RequestRecipients.FirstOrDefaultAsync(x => x.Id == recipientId && x.RequestId == r.Id, cancellationToken);
        if (recipient is null)
        {
            return RequestChanges.Refuse(Field, "Mottagaren finns inte i ärendet. Ladda om sidan.");
        }

        if (input.State is not { } state || state == RecipientNoticeState.Pending)
        {
            return RequestChanges.Refuse(Field, "Ange om mottagaren har underrättats eller är undantagen.");
        }

        var today = Swedish.Date(clock.GetUtcNow());
        if (RecipientNotification.CheckNotice(state, input.ToldOn, input.How, input.Exemption, input.Note, Swedish.Date(r.ReceivedAt), today) is { } why)
        {
            return RequestChanges.Refuse(Field, why);
        }

        var told = state == RecipientNoticeState.Told;
        recipient.State = state;
        recipient.ToldOn = told ? input.ToldOn : null;
        recipient.ToldHow = told ? input.How!.Trim() : null;
        recipient.Exemption = told ? null : input.Exemption;
        recipient.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        recipient.RecordedAt = clock.GetUtcNow();
        recipient.RecordedBy = changes.ActorName;
        return CommandResult.Done(told
            ? $"Art. 19: {recipient.Name} underrättad {SwedishDates.Long(input.ToldOn!.Value)} ({recipient.ToldHow})."
            : $"Art. 19: {recipient.Name} underrättas inte ({input.Exemption!.Value.Swedish().ToLowerInvariant()}).");
    }

    private static CommandResult<string>? Closed(DataSubjectRequest r) =>
        !RecipientNotification.Concerns(r.Rights) ? RequestChanges.Refuse(Field, "Mottagare enligt art. 19 gäller bara begäran om rättelse, radering eller begränsning.")
        : r.Status is RequestStatus.Voided or RequestStatus.Withdrawn ? RequestChanges.Refuse(Field, "Ärendet är makulerat eller återkallat.")
        : null;
}
