using System.Net.Mail;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.CaseNumbers;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>What a form, or a party's e-tjänst through the API, sends to register a request.</summary>
public sealed record RegisterRequestInput(
    DateTimeOffset? ReceivedAt,
    RequestChannel? Channel,
    Guid? ControllerId,
    DataSubjectRights Rights,
    string? RequesterName,
    string? PersonalNumber,
    string? Email,
    string? PostalAddress,
    bool ProtectedIdentity,
    string? Notes,
    bool ReceivedTimeUnknown = false,
    IReadOnlyList<Guid>? ControllerIds = null,
    RepresentativeKind? RepresentativeKind = null,
    string? RepresentativeName = null,
    string? RepresentativeCheckedHow = null);

/// <summary>
/// A registered request: the first case's id, number and deadline (as before intakes), and every case of the intake, one
/// per controller, in the order the controllers were given.
/// </summary>
public sealed record RegisteredRequest(Guid Id, string CaseNumber, DateOnly DueOn, string Explanation, IReadOnlyList<string> Warnings, IReadOnlyList<RegisteredCase> Cases);

/// <summary>One case of an intake: its controller's own case number, and the intake's common deadline.</summary>
public sealed record RegisteredCase(Guid Id, string CaseNumber, Guid ControllerId, DateOnly DueOn);

/// <summary>
/// Registers a request: validates, allocates the case numbers, computes the deadline, stores it encrypted. One request
/// for several controllers (<see cref="RegisterRequestInput.ControllerIds"/>) becomes one case per controller, linked as
/// one intake, each with the common time of receipt and so the same deadline (<see cref="IntakeRules"/>).
/// </summary>
public sealed class RegisterRequest(
    AppDbContext db,
    CurrentParty currentParty,
    CaseNumberAllocator caseNumbers,
    PersonalIdentityNumbers personalNumbers,
    CurrentActor actor,
    TimeProvider clock)
{
    public async Task<CommandResult<RegisteredRequest>> RunAsync(RegisterRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        var today = Swedish.Date(now);
        var errors = new List<Error>();
        void Error(string key, string message) => errors.Add(new Error(key, message));

        if (input.ReceivedAt is null)
        {
            Error(nameof(input.ReceivedAt), "Ange när begäran kom in.");
        }
        else if (FormValues.CheckRange(nameof(input.ReceivedAt), "Mottagningsdagen", input.ReceivedAt, clock) is { } outOfRange)
        {
            errors.Add(outOfRange);
        }
        else if (input.ReceivedAt > now.AddMinutes(5))
        {
            Error(nameof(input.ReceivedAt), "Mottagningstiden kan inte ligga i framtiden.");
        }

        if (input.Channel is null || !Enum.IsDefined(input.Channel.Value))
        {
            Error(nameof(input.Channel), "Välj hur begäran kom in.");
        }

        ValidateDetails(errors, input.Rights, input.RequesterName, input.Email, input.PostalAddress, input.ProtectedIdentity, input.Notes);
        PersonalIdentityNumber? number = null;
        if (!string.IsNullOrWhiteSpace(input.PersonalNumber))
        {
            if (PersonalIdentityNumber.TryParse(input.PersonalNumber, today, out var parsed, out var why))
            {
                number = parsed;
            }
            else
            {
                Error(nameof(input.PersonalNumber), why);
            }
        }

        var controllerKey = input.ControllerIds is null ? nameof(input.ControllerId) : nameof(input.ControllerIds);
        IReadOnlyList<Guid> controllers = [];
        if (IntakeRules.WhyNot(input.ControllerId, input.ControllerIds) is { } whyNot)
        {
            Error(controllerKey, whyNot);
        }
        else
        {
            controllers = IntakeRules.Controllers(input.ControllerId, input.ControllerIds);
            // The party's own active controllers only (the query filter and row-level security keep to the party).
            var known = await db.DataControllers.CountAsync(c => controllers.Contains(c.Id) && c.IsActive, cancellationToken);
            if (known != controllers.Count)
            {
                Error(controllerKey, controllers.Count == 1
                    ? "Välj vilken nämnd eller vilket bolag begäran gäller."
                    : "En vald nämnd eller ett valt bolag finns inte hos parten eller är inte aktivt.");
            }
        }

        foreach (var (field, message) in Representation.Problems(input.RepresentativeKind, input.RepresentativeName, input.RepresentativeCheckedHow, Limits.Name))
        {
            Error(field, message);
        }

        if (CommandResult.RefuseIfAny<RegisteredRequest>(errors) is { } refused)
        {
            return refused;
        }

        var party = currentParty.Required;
        var received = Swedish.Date(input.ReceivedAt!.Value);
        var deadline = RequestDeadlines.Calculate(received, new PartyCalendar(party.Settings.EvesAreHolidays));
        var hash = number is { } n ? personalNumbers.Hash(n) : null;
        var warnings = new List<string>();
        if (hash is not null && await HasRecentRequestAsync(hash, now, cancellationToken))
        {
            warnings.Add("Samma person har en pågående begäran, eller hade en under de senaste 90 dagarna.");
        }

        // Encrypted before the transaction: the first use creates the key ring, which is written on its own connection
        // (on SQLite it would wait for this transaction's write lock).
        var protectedNumber = number is { } p ? personalNumbers.Protect(p) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var intakeId = Guid.CreateVersion7();
        var representative = input.RepresentativeKind is { } kind
            ? $" Begäran gjord av {kind.Swedish()} {input.RepresentativeName!.Trim()} för den registrerade." : string.Empty;
        var checkedHow = string.IsNullOrWhiteSpace(input.RepresentativeCheckedHow) ? null : input.RepresentativeCheckedHow.Trim();
        if (input.RepresentativeKind is not null)
        {
            representative += checkedHow is null ? " Behörigheten är inte kontrollerad." : $" Behörigheten kontrollerad av {actor.DisplayName}: {checkedHow}.";
        }

        var cases = new List<RegisteredCase>();
        foreach (var controllerId in controllers)
        {
            var request = new DataSubjectRequest
            {
                CaseNumber = await caseNumbers.NextAsync(received.Year, cancellationToken),
                IntakeId = intakeId,
                // The common time of receipt: every controller's case counts from when the authority received it.
                ReceivedAt = input.ReceivedAt.Value.ToUniversalTime(),
                ReceivedTimeUnknown = input.ReceivedTimeUnknown,
                Channel = input.Channel!.Value,
                ControllerId = controllerId,
                Rights = input.Rights,
                RequesterName = input.RequesterName!.Trim(),
                PersonalNumberProtected = protectedNumber,
                PersonalNumberHash = hash,
                Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
                PostalAddress = input.ProtectedIdentity || string.IsNullOrWhiteSpace(input.PostalAddress) ? null : input.PostalAddress.Trim(),
                ProtectedIdentity = input.ProtectedIdentity,
                Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
                ClockStartOn = received,
                ClockRule = party.Settings.RequestClockStart,
                EvesAreHolidays = party.Settings.EvesAreHolidays,
                DueOn = deadline.Due,
                ExtendedDueOn = deadline.ExtendedDue,
                EffectiveDueOn = deadline.Due,
                RepresentativeKind = input.RepresentativeKind,
                RepresentativeName = input.RepresentativeKind is null ? null : input.RepresentativeName!.Trim(),
                RepresentativeCheckedHow = input.RepresentativeKind is null ? null : checkedHow,
                RepresentativeCheckedBy = input.RepresentativeKind is null || checkedHow is null ? null : actor.DisplayName,
                RepresentativeCheckedAt = input.RepresentativeKind is null || checkedHow is null ? null : now,
            };
            db.Requests.Add(request);
            var together = controllers.Count > 1
                ? $" En av {controllers.Count} personuppgiftsansvariga i samma begäran; alla ärenden har samma mottagningstid och sista dag."
                : string.Empty;
            db.RequestEvents.Add(new RequestEvent
            {
                RequestId = request.Id,
                At = now,
                ActorName = actor.DisplayName,
                Text = $"Registrerad via {request.Channel.Swedish()}. Tidsfristen: {deadline.Explanation}.{together}",
            });
            if (representative.Length > 0)
            {
                db.RequestEvents.Add(new RequestEvent { RequestId = request.Id, At = now, ActorName = actor.DisplayName, Text = representative.Trim() });
            }

            cases.Add(new RegisteredCase(request.Id, request.CaseNumber, controllerId, request.DueOn));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var first = cases[0];
        return CommandResult.Done(new RegisteredRequest(first.Id, first.CaseNumber, first.DueOn, deadline.Explanation, warnings, cases));
    }

    /// <summary>The rules for the facts a registration and a later edit (<see cref="EditRequestDetails"/>) share; Swedish messages keyed by input name.</summary>
    internal static void ValidateDetails(
        List<Error> errors, DataSubjectRights rights, string? requesterName, string? email, string? postalAddress, bool protectedIdentity, string? notes)
    {
        void Error(string key, string message) => errors.Add(new Error(key, message));
        if (!DataSubjectRightNames.IsValid(rights))
        {
            Error(nameof(RegisterRequestInput.Rights), "Välj minst en rättighet som den registrerade åberopar.");
        }

        if (string.IsNullOrWhiteSpace(requesterName) || requesterName.Trim().Length > Limits.Name)
        {
            Error(nameof(RegisterRequestInput.RequesterName), "Ange den registrerades namn (högst 200 tecken).");
        }

        if (!string.IsNullOrWhiteSpace(email) && (email.Trim().Length > Limits.Email || !MailAddress.TryCreate(email.Trim(), out _)))
        {
            Error(nameof(RegisterRequestInput.Email), "E-postadressen är inte giltig.");
        }

        if (protectedIdentity && !string.IsNullOrWhiteSpace(postalAddress))
        {
            Error(nameof(RegisterRequestInput.PostalAddress), "Vid skyddad identitet sparas ingen adress. Töm fältet.");
        }
        else if (postalAddress?.Trim().Length > 500)
        {
            Error(nameof(RegisterRequestInput.PostalAddress), "Adressen får vara högst 500 tecken.");
        }

        if (notes?.Length > 4000)
        {
            Error(nameof(RegisterRequestInput.Notes), "Anteckningen får vara högst 4 000 tecken.");
        }
    }

    /// <summary>Warn, don't block: the same person (keyed hash) has an open request or had one within 90 days.</summary>
    private Task<bool> HasRecentRequestAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - DuplicateWindow.Lookback;
        return db.Requests.AnyAsync(r => r.PersonalNumberHash == hash && (!RequestStatusRules.Closed.Contains(r.Status) || r.ReceivedAt >= since), cancellationToken);
    }
}
