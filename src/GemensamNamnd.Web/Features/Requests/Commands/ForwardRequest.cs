using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// "Överlämna till annan nämnd": the request concerns (also) another controller of the party. Either a case is added for
/// that controller in the same intake (its own case number), or this case moves to it. Either way the time of receipt
/// stays the authority's (<see cref="IntakeRules.CommonReceipt"/>, EDPB 01/2022 §55, §159), so the deadline does not
/// move, and the forwarding with its time is in the timeline of every case concerned.
/// </summary>
public sealed class ForwardRequest(AppDbContext db, RequestChanges changes, CaseNumberAllocator caseNumbers, TimeProvider clock)
{
    public async Task<CommandResult<DataSubjectRequest>> RunAsync(Guid id, Guid version, Guid? controllerId, bool move, CancellationToken cancellationToken = default)
    {
        DataSubjectRequest? added = null;
        var result = await changes.ChangeAsync(id, version, async r =>
        {
            if (RequestStatusRules.Closed.Contains(r.Status))
            {
                return RequestChanges.Refuse("ForwardTo", "Ärendet är avslutat och kan inte överlämnas.");
            }

            var target = controllerId is { } c
                ? await db.DataControllers.AsNoTracking().Where(x => x.Id == c && x.IsActive).Select(x => new { x.Id, x.Name }).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (target is null)
            {
                return RequestChanges.Refuse("ForwardTo", "Välj en aktiv nämnd eller ett aktivt bolag hos parten.");
            }

            var intakeControllers = r.IntakeId is { } intake
                ? await db.Requests.Where(x => x.IntakeId == intake && x.Id != r.Id).Select(x => x.ControllerId).ToListAsync(cancellationToken)
                : [];
            if (target.Id == r.ControllerId || intakeControllers.Contains(target.Id))
            {
                return RequestChanges.Refuse("ForwardTo", "Nämnden eller bolaget har redan ett ärende för den här begäran.");
            }

            var from = await db.DataControllers.AsNoTracking().Where(x => x.Id == r.ControllerId).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) ?? "okänd";
            var now = clock.GetUtcNow();
            var at = $"{SwedishDates.Long(Swedish.Date(now))} kl. {Swedish.ToLocal(now):HH\\:mm}";
            r.IntakeId ??= Guid.CreateVersion7();
            if (move)
            {
                r.ControllerId = target.Id;
                return CommandResult.Done($"Överlämnat från {from} till {target.Name} {at}. Mottagningstiden och sista dag är oförändrade (gemensam inkomsttidpunkt).");
            }

            added = new DataSubjectRequest
            {
                CaseNumber = await caseNumbers.NextAsync(Swedish.Date(r.ReceivedAt).Year, cancellationToken),
                PartyId = r.PartyId,
                IntakeId = r.IntakeId,
                ReceivedAt = IntakeRules.CommonReceipt(r.ReceivedAt, now),
                ReceivedTimeUnknown = r.ReceivedTimeUnknown,
                Channel = r.Channel,
                ControllerId = target.Id,
                Rights = r.Rights,
                RequesterName = r.RequesterName,
                PersonalNumberProtected = r.PersonalNumberProtected,
                PersonalNumberHash = r.PersonalNumberHash,
                Email = r.Email,
                PostalAddress = r.ProtectedIdentity ? null : r.PostalAddress,
                ProtectedIdentity = r.ProtectedIdentity,
                // Skyddad identitet: the officer who forwards keeps the new case open to themself too.
                AssignedOfficerId = r.ProtectedIdentity ? r.AssignedOfficerId : null,
                ClockStartOn = r.ClockStartOn,
                ClockRule = r.ClockRule,
                EvesAreHolidays = r.EvesAreHolidays,
                DueOn = r.DueOn,
                ExtendedDueOn = r.ExtendedDueOn,
                EffectiveDueOn = r.DueOn,
                RepresentativeKind = r.RepresentativeKind,
                RepresentativeName = r.RepresentativeName,
                RepresentativeCheckedHow = r.RepresentativeCheckedHow,
                RepresentativeCheckedBy = r.RepresentativeCheckedBy,
                RepresentativeCheckedAt = r.RepresentativeCheckedAt,
            };
            db.Requests.Add(added);
            db.RequestEvents.Add(new RequestEvent
            {
                RequestId = added.Id,
                At = now,
                ActorName = changes.ActorName,
                Text = $"Överlämnat från {from} ({r.CaseNumber}) {at}. Mottagen av kommunen {SwedishDates.Long(Swedish.Date(r.ReceivedAt))}; sista dag {SwedishDates.Long(added.DueOn)}, som för {r.CaseNumber} (gemensam inkomsttidpunkt).",
            });
            return CommandResult.Done($"Överlämnat även till {target.Name} {at}: nytt ärende {added.CaseNumber} med samma mottagningstid och sista dag.");
        }, cancellationToken);
        return result;
    }
}
