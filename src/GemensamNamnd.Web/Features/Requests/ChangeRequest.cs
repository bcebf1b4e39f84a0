using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>The facts of a request an officer may correct after registration.</summary>
public sealed record RequestDetails(
    Guid? ControllerId, DataSubjectRights Rights, string? RequesterName, string? Email, string? PostalAddress, bool ProtectedIdentity, string? Notes);

/// <summary>How a change to a request went.</summary>
public enum ChangeOutcome
{
    /// <summary>Saved, with its timeline event.</summary>
    Done,

    /// <summary>Refused by a rule or bad input; <see cref="ChangeResult.Errors"/> says why, nothing was stored.</summary>
    Invalid,

    /// <summary>No such request at this party.</summary>
    NotFound,

    /// <summary>Someone else changed the request after the caller read it; nothing was stored.</summary>
    Conflict,
}

/// <summary>The outcome, the Swedish errors keyed by input name, and on success the saved request (with its new version).</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, Dictionary<string, string[]> Errors, DataSubjectRequest? Request = null)
{
    public bool Ok => Outcome == ChangeOutcome.Done;
}

/// <summary>
/// Moves a registered request through its handling: identity check (Art. 12(6)), handling, extension (Art. 12(3)), answer,
/// refusal (Art. 12(4)) and withdrawal. Every change is checked against <see cref="RequestStatusRules"/>, carries the
/// version the caller read (optimistic concurrency) and writes one <see cref="RequestEvent"/> in the same save; the
/// status change itself is audited by the audit interceptor. Nothing is stored when a rule refuses.
/// Access to protected-identity cases is the caller's to check (<see cref="RequestsApi.CanOpenAsync"/>).
/// </summary>
public sealed class ChangeRequest(AppDbContext db, TenantContext tenant, CurrentActor actor, TimeProvider clock)
{
    public const string ConcurrencyMessage = "Ärendet har ändrats av någon annan, ladda om.";

    public const string NotFoundMessage = "Ärendet finns inte hos parten.";

    /// <summary>
    /// A plain move: to identity check (as <see cref="AskIdentityAsync"/>), to handling from registered, or to withdrawn.
    /// Extension, answer and refusal need their facts and go through their own methods; leaving the identity check for
    /// handling goes through <see cref="ConfirmIdentityAsync"/>.
    /// </summary>
    public async Task<ChangeResult> MoveAsync(Guid id, Guid version, RequestStatus to, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        const string key = "To";
        if (!Enum.IsDefined(to))
        {
            return Invalid(key, "Okänd status.");
        }

        if (RequestStatusRules.WhyNot(r.Status, to) is { } why)
        {
            return Invalid(key, why);
        }

        var refusal = to switch
        {
            RequestStatus.Extended => "En förlängning kräver skälen och den dag den registrerade underrättades (art. 12.3): använd Förläng.",
            RequestStatus.Answered => "Ett ärende besvaras med svarsdatum och sätt att lämna svaret: använd Besvara.",
            RequestStatus.Refused => "Ett avslag kräver datum och rättslig grund (art. 12.4): använd Avslå.",
            RequestStatus.InProgress when r.Status == RequestStatus.IdentityCheck => "Bekräfta identiteten och ange hur den kontrollerades för att gå vidare till handläggning.",
            _ => null,
        };
        if (refusal is not null)
        {
            return Invalid(key, refusal);
        }

        if (to == RequestStatus.IdentityCheck)
        {
            return await SaveAsync(r, version, AskIdentity(r), cancellationToken);
        }

        var from = r.Status;
        r.Status = to;
        var text = to switch
        {
            RequestStatus.Withdrawn => "Återkallad av den registrerade. Ärendet är avslutat.",
            RequestStatus.InProgress => "Handläggningen har påbörjats.",
            _ => $"Status ändrad från {from.Swedish()} till {to.Swedish()}.",
        };
        return await SaveAsync(r, version, text, cancellationToken);
    }

    /// <summary>Withdrawn by the data subject: a plain move to <see cref="RequestStatus.Withdrawn"/>.</summary>
    public Task<ChangeResult> WithdrawAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        MoveAsync(id, version, RequestStatus.Withdrawn, cancellationToken);

    /// <summary>Art. 12(6): more information is asked for on reasonable doubt about the identity.</summary>
    public async Task<ChangeResult> AskIdentityAsync(Guid id, Guid version, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.IdentityCheck) is { } why)
        {
            return Invalid("Status", why);
        }

        return await SaveAsync(r, version, AskIdentity(r), cancellationToken);
    }

    /// <summary>
    /// The identity is confirmed (how, in <paramref name="method"/>) and the case goes on to handling. Where the party counts
    /// the month from confirmed identity and the identity was asked for (Art. 12(6)), the clock restarts from today.
    /// </summary>
    public async Task<ChangeResult> ConfirmIdentityAsync(Guid id, Guid version, string? method, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.InProgress) is { } why)
        {
            errors["Status"] = [why];
        }

        if (string.IsNullOrWhiteSpace(method) || method.Trim().Length > 200)
        {
            errors["Method"] = ["Ange hur identiteten bekräftades (högst 200 tecken), t.ex. BankID eller legitimation på plats."];
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        var now = clock.GetUtcNow();
        var party = tenant.Required;
        var restart = party.Settings.RequestClockStart == DeadlineClockStart.IdentityConfirmed && r.IdentityCheckAskedAt is not null;
        r.IdentityConfirmedAt = now;
        r.IdentityMethod = method!.Trim();
        r.Status = RequestStatus.InProgress;
        var text = $"Identiteten bekräftad: {r.IdentityMethod}.";
        if (restart)
        {
            var today = Swedish.Date(now);
            var deadline = RequestDeadlines.Calculate(today, new PartyCalendar(party.Settings.EvesAreHolidays), DeadlineClockStart.IdentityConfirmed);
            r.ClockStartOn = today;
            r.DueOn = deadline.Due;
            r.ExtendedDueOn = deadline.ExtendedDue;
            r.EffectiveDueOn = deadline.Due;
            text += $" Tidsfristen räknas om från bekräftad identitet (art. 12.6), enligt partens val att räkna från bekräftad identitet i stället för från mottagandet: {deadline.Explanation}.";
        }
        else
        {
            text += $" Tidsfristen räknas från mottagandet (art. 12.3); sista dag {SwedishDates.Long(r.EffectiveDueOn)}.";
        }

        return await SaveAsync(r, version, text, cancellationToken);
    }

    /// <summary>
    /// Art. 12(3): two further months, from handling only, once; the data subject told why within the first month
    /// (<see cref="Extension.WhyNotAllowed"/>), on a day not in the future.
    /// </summary>
    public async Task<ChangeResult> ExtendAsync(Guid id, Guid version, string? reason, DateOnly noticeSentOn, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        var today = Swedish.Date(clock.GetUtcNow());
        var received = Swedish.Date(r.ReceivedAt);
        var errors = new Dictionary<string, string[]>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Extended) is { } why)
        {
            errors["Status"] = [why];
        }

        // The stored deadlines are the ones in force (counted when the clock started); the notice is due by the first.
        var deadline = new RequestDeadline(r.ClockStartOn, r.DueOn, r.ExtendedDueOn, r.DueOn, string.Empty, string.Empty);
        if (noticeSentOn > today)
        {
            errors["NoticeSentOn"] = ["Meddelandet om förlängning kan inte vara skickat i framtiden."];
        }
        else if (noticeSentOn < received)
        {
            errors["NoticeSentOn"] = [$"Meddelandet om förlängning kan inte vara skickat före den dag begäran kom in ({SwedishDates.Long(received)})."];
        }

        if (Extension.WhyNotAllowed(noticeSentOn, reason, deadline) is { } notAllowed)
        {
            errors.TryAdd(noticeSentOn > deadline.ExtensionNoticeDue ? "NoticeSentOn" : "Reason", [notAllowed]);
        }

        if (!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length > Limits.Reason)
        {
            errors["Reason"] = ["Skälet får vara högst 1 000 tecken."];
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        r.ExtensionReason = reason!.Trim();
        r.ExtensionNoticeSentOn = noticeSentOn;
        r.Status = RequestStatus.Extended;
        r.EffectiveDueOn = r.ExtendedDueOn;
        var text = $"Förlängd med två månader (art. 12.3); den registrerade underrättades {SwedishDates.Long(noticeSentOn)}. " +
            $"Ny sista dag {SwedishDates.Long(r.ExtendedDueOn)}. Skäl: {r.ExtensionReason}";
        return await SaveAsync(r, version, text, cancellationToken);
    }

    /// <summary>Answered on <paramref name="answeredOn"/> (not before receipt, not in the future), delivered as <paramref name="delivery"/>.</summary>
    public async Task<ChangeResult> AnswerAsync(Guid id, Guid version, DateOnly answeredOn, AnswerDelivery delivery, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Answered) is { } why)
        {
            errors["Status"] = [why];
        }

        CheckDate(errors, "AnsweredOn", "Svarsdatumet", answeredOn, r);
        if (!Enum.IsDefined(delivery))
        {
            errors["Delivery"] = ["Välj hur svaret lämnades."];
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        r.AnsweredOn = answeredOn;
        r.Delivery = delivery;
        r.Status = RequestStatus.Answered;
        var late = answeredOn.DayNumber - r.EffectiveDueOn.DayNumber;
        var timing = late <= 0
            ? "inom tidsfristen"
            : string.Create(Swedish.Culture, $"{late} {(late == 1 ? "dag" : "dagar")} efter sista dag {SwedishDates.Long(r.EffectiveDueOn)}");
        return await SaveAsync(r, version, $"Besvarad {SwedishDates.Long(answeredOn)} via {delivery.Swedish()}, {timing}.", cancellationToken);
    }

    /// <summary>Art. 12(4): refused on <paramref name="refusedOn"/>, with the legal ground; the date is kept as the answer date.</summary>
    public async Task<ChangeResult> RefuseAsync(Guid id, Guid version, DateOnly refusedOn, string? legalGround, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        if (RequestStatusRules.WhyNot(r.Status, RequestStatus.Refused) is { } why)
        {
            errors["Status"] = [why];
        }

        CheckDate(errors, "RefusedOn", "Datumet för avslaget", refusedOn, r);
        if (string.IsNullOrWhiteSpace(legalGround) || legalGround.Trim().Length > Limits.Reason)
        {
            errors["LegalGround"] = ["Ange den rättsliga grunden för avslaget (art. 12.4), högst 1 000 tecken."];
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        r.RefusalGround = legalGround!.Trim();
        r.AnsweredOn = refusedOn;
        r.Status = RequestStatus.Refused;
        var text = $"Avslagen {SwedishDates.Long(refusedOn)}; den registrerade ska få skälen och upplysas om rätten att klaga hos IMY " +
            $"och att begära rättslig prövning (art. 12.4). Grund: {r.RefusalGround}";
        return await SaveAsync(r, version, text, cancellationToken);
    }

    /// <summary>
    /// Corrects the facts of the request: the controller, the rights, the requester's name and contact, skyddad identitet
    /// and the notes (the same rules as at registration). Receipt and personnummer stay as registered: the deadline and
    /// the duplicate check rest on them. Marking skyddad identitet removes the stored address.
    /// </summary>
    public async Task<ChangeResult> EditDetailsAsync(Guid id, Guid version, RequestDetails details, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        var errors = new Dictionary<string, string[]>();
        RegisterRequest.ValidateDetails(errors, details.Rights, details.RequesterName, details.Email, details.PostalAddress, details.ProtectedIdentity, details.Notes);
        if (details.ControllerId is not { } controllerId ||
            (controllerId != r.ControllerId && !await db.DataControllers.AnyAsync(c => c.Id == controllerId && c.IsActive, cancellationToken)))
        {
            errors[nameof(RequestDetails.ControllerId)] = ["Välj vilken nämnd eller vilket bolag begäran gäller."];
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

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
        if (changed.Count == 0)
        {
            return new ChangeResult(ChangeOutcome.Done, [], r);
        }

        // The timeline names what changed, never the values: they are personal data (the audit trail masks them too).
        return await SaveAsync(r, version, $"Uppgifter ändrade: {string.Join(", ", changed)}.", cancellationToken);
    }

    /// <summary>The party's officers (Handläggare and Dataskyddsombud): those a case can be assigned to.</summary>
    public async Task<List<(Guid Id, string Name)>> OfficersAsync(CancellationToken cancellationToken = default)
    {
        var partyId = tenant.Required.Id;
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.PartyId == partyId && (m.Role == PartyRole.Handlaggare || m.Role == PartyRole.Dataskyddsombud))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
            .Distinct().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return rows.Select(u => (u.Id, u.DisplayName)).ToList();
    }

    /// <summary>Assigns the case to one of the party's officers, or to no one; only while the case is open.</summary>
    public async Task<ChangeResult> AssignAsync(Guid id, Guid version, Guid? officerId, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        if (RequestStatusRules.IsClosed(r.Status))
        {
            return Invalid("OfficerId", "Ett avslutat ärende kan inte tilldelas.");
        }

        string text;
        if (officerId is { } officer)
        {
            var name = (await OfficersAsync(cancellationToken)).Where(o => o.Id == officer).Select(o => o.Name).FirstOrDefault();
            if (name is null)
            {
                return Invalid("OfficerId", "Välj en handläggare eller ett dataskyddsombud hos parten.");
            }

            text = $"Tilldelad {name}.";
        }
        else
        {
            text = "Ingen handläggare tilldelad.";
        }

        if (r.AssignedOfficerId == officerId)
        {
            return new ChangeResult(ChangeOutcome.Done, [], r);
        }

        r.AssignedOfficerId = officerId;
        return await SaveAsync(r, version, text, cancellationToken);
    }

    /// <summary>
    /// Records the checklist of systems searched (Art. 15(1): every processing of the person's data). A null mark clears
    /// a system's line; a system must be one of the party's, in use or already on the case. The case's version moves, so
    /// two officers marking at once do not overwrite each other unseen.
    /// </summary>
    public async Task<ChangeResult> RecordSystemSearchesAsync(
        Guid id, Guid version, IReadOnlyDictionary<Guid, SystemSearchResult?> marks, CancellationToken cancellationToken = default)
    {
        var (r, failed) = await LoadAsync(id, version, cancellationToken);
        if (r is null)
        {
            return failed!;
        }

        if (RequestStatusRules.IsClosed(r.Status))
        {
            return Invalid("Systems", "Ett avslutat ärende kan inte ändras.");
        }

        var existing = await db.SystemSearches.Where(s => s.RequestId == id).ToDictionaryAsync(s => s.SystemId, cancellationToken);
        var systems = await db.PartySystems.AsNoTracking()
            .Where(s => s.IsActive || existing.Keys.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        if (marks.Keys.Any(k => !systems.ContainsKey(k)))
        {
            return Invalid("Systems", "Ett av systemen finns inte i partens lista. Ladda om sidan.");
        }

        if (marks.Values.Any(m => m is { } v && !Enum.IsDefined(v)))
        {
            return Invalid("Systems", "Okänt resultat av sökningen.");
        }

        var now = clock.GetUtcNow();
        var changes = new List<string>();
        foreach (var (systemId, mark) in marks.OrderBy(m => systems[m.Key], StringComparer.Create(Swedish.Culture, false)))
        {
            existing.TryGetValue(systemId, out var line);
            if (line?.Result == mark)
            {
                continue;
            }

            if (mark is not { } result)
            {
                if (line is not null)
                {
                    db.SystemSearches.Remove(line);
                    changes.Add($"{systems[systemId]} (ej sökt)");
                }

                continue;
            }

            if (line is null)
            {
                db.SystemSearches.Add(new SystemSearch { RequestId = id, SystemId = systemId, Result = result, MarkedAt = now, MarkedBy = Clip(actor.DisplayName, Limits.Name) });
            }
            else
            {
                line.Result = result;
                line.MarkedAt = now;
                line.MarkedBy = Clip(actor.DisplayName, Limits.Name);
            }

            changes.Add($"{systems[systemId]} ({result.Swedish()})");
        }

        if (changes.Count == 0)
        {
            return new ChangeResult(ChangeOutcome.Done, [], r);
        }

        // The case row itself is unchanged: mark its version so the save checks and moves it.
        db.Entry(r).Property(x => x.Version).IsModified = true;
        return await SaveAsync(r, version, "Sökta system: " + string.Join(", ", changes) + ".", cancellationToken);
    }

    private string AskIdentity(DataSubjectRequest r)
    {
        r.IdentityCheckAskedAt = clock.GetUtcNow();
        r.Status = RequestStatus.IdentityCheck;
        var clockNote = tenant.Required.Settings.RequestClockStart == DeadlineClockStart.IdentityConfirmed
            ? "Parten räknar tidsfristen från bekräftad identitet: den börjar om när identiteten bekräftas."
            : $"Tidsfristen löper från mottagandet (art. 12.3) och stannar inte under kontrollen; sista dag {SwedishDates.Long(r.EffectiveDueOn)}.";
        return $"Kompletterande uppgifter begärda för att bekräfta identiteten (art. 12.6). {clockNote}";
    }

    private void CheckDate(Dictionary<string, string[]> errors, string key, string what, DateOnly date, DataSubjectRequest r)
    {
        var received = Swedish.Date(r.ReceivedAt);
        if (date < received)
        {
            errors[key] = [$"{what} kan inte ligga före den dag begäran kom in ({SwedishDates.Long(received)})."];
        }
        else if (date > Swedish.Date(clock.GetUtcNow()))
        {
            errors[key] = [$"{what} kan inte ligga i framtiden."];
        }
    }

    private async Task<(DataSubjectRequest? Request, ChangeResult? Failed)> LoadAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var r = await db.Requests.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return (null, new ChangeResult(ChangeOutcome.NotFound, new() { ["Id"] = [NotFoundMessage] }));
        }

        // The caller decided on what it read: a newer version means its decision may rest on stale facts.
        return r.Version == version ? (r, null) : (null, Conflict());
    }

    private async Task<ChangeResult> SaveAsync(DataSubjectRequest r, Guid version, string text, CancellationToken cancellationToken)
    {
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = r.Id,
            At = clock.GetUtcNow(),
            ActorName = Clip(actor.DisplayName, Limits.Name),
            Text = Clip(text, Limits.Reason),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Nothing of this attempt may linger for a later save in the same scope (the event, the audit rows).
            db.ChangeTracker.Clear();
            return Conflict();
        }

        return new ChangeResult(ChangeOutcome.Done, [], r);
    }

    private static ChangeResult Invalid(string key, string message) => new(ChangeOutcome.Invalid, new() { [key] = [message] });

    private static ChangeResult Conflict() => new(ChangeOutcome.Conflict, new() { ["Version"] = [ConcurrencyMessage] });


    private static string Clip(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
