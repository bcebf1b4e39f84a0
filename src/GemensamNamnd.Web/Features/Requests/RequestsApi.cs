using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// /api/v1/{party}/requests: the party's register of data subject requests. Lists carry no personnummer; one case shows
/// it masked and logs the read. A protected-identity case is open only to the party's DPO and the assigned officer
/// (<see cref="Policies.OpenRequest"/>, <see cref="RequestAccessQueries.OpenTo"/>); to everyone else it does not exist
/// (404), and lists show it without a name. Changes carry the version the caller read; each is one command class
/// (Features/Requests/Commands), its result mapped by <see cref="CommandResultHttp"/>. A party's e-tjänst registers requests
/// here too, with an app token (client credentials, app role <c>Intake.Requests</c>).
/// </summary>
public static class RequestsApi
{
    public const int PageSize = 50;

    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/requests").WithTags("Begäranden");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListRequests")
            .Produces<List<RequestListItemDto>>().ProducesValidationProblem()
            .WithSummary("Partens begäranden, utan personnummer; sorterade på sista dag");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetRequest")
            .WithSummary("Ett ärende med tidslinje; personnumret maskerat; läsningen loggas");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.PartyRequestIntake).WithName("RegisterRequest")
            .Produces<RegisteredRequest>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Registrera en begäran: diarienummer och sista dag (art. 12.3)")
            .WithDescription("För handläggare och dataskyddsombud, och för partens e-tjänst med en app-token (client credentials) med approllen Intake.Requests vars klient-id är kopplat till parten. En e-tjänsts begäran registreras alltid med kanalen e-tjänst.");
        Change(group.MapPost("/{id:guid}/status", MoveAsync).WithName("MoveRequest"))
            .WithSummary("Byt status: Identitetskontroll, Under handläggning (från Registrerad) eller Återkallad");
        Change(group.MapPost("/{id:guid}/identity", ConfirmIdentityAsync).WithName("ConfirmRequestIdentity"))
            .WithSummary("Identiteten bekräftad (art. 12.6); ärendet går till handläggning");
        Change(group.MapPost("/{id:guid}/extension", ExtendAsync).WithName("ExtendRequest"))
            .WithSummary("Förläng med två månader (art. 12.3)");
        Change(group.MapPost("/{id:guid}/answer", AnswerAsync).WithName("AnswerRequest"))
            .WithSummary("Besvara ärendet");
        Change(group.MapPost("/{id:guid}/refusal", RefuseAsync).WithName("RefuseRequest"))
            .WithSummary("Avslå ärendet med rättslig grund (art. 12.4)");
        Change(group.MapPost("/{id:guid}/correction", CorrectAsync).WithName("CorrectRequest"))
            .WithSummary("Rätta mottagningstid, kanal eller personnummer, med skäl; tidsfristen räknas om");
        Change(group.MapPost("/{id:guid}/void", VoidAsync).WithName("VoidRequest"))
            .WithSummary("Makulera ett ärende registrerat av misstag, med skäl; räknas inte i statistiken");
        Change(group.MapPost("/{id:guid}/reopen", ReopenAsync).WithName("ReopenRequest"))
            .RequireAuthorization(Policies.PartyDpo)
            .WithSummary("Återöppna ett avslutat ärende, med skäl (dataskyddsombudet)");
        Change(group.MapPost("/{id:guid}/recipients", AddRecipientAsync).WithName("AddRequestRecipient"))
            .WithSummary("Art. 19: registrera en mottagare som uppgifterna lämnats ut till");
        Change(group.MapPost("/{id:guid}/recipients/{recipientId:guid}/notice", RecipientNoticeAsync).WithName("RecordRecipientNotice"))
            .WithSummary("Art. 19: mottagaren underrättad (State Told, ToldOn, How) eller undantagen (State Exempt, Exemption, Note)");
        Change(group.MapPost("/{id:guid}/recipients/none", NoRecipientsAsync).WithName("RecordNoRecipients"))
            .WithSummary("Art. 19: uppgifterna har inte lämnats ut till någon mottagare");
        Change(group.MapPost("/{id:guid}/recipients/subject", RecipientsAskedAsync).WithName("RecordRecipientsAsked"))
            .WithSummary("Art. 19 andra meningen: den registrerade frågade efter mottagarna (AskedOn) och fick besked (ToldOn)");
    }

    /// <summary>What every change endpoint shares: officers only, and the responses of <see cref="CommandResultHttp.ToHttpResult{T}"/>.</summary>
    private static RouteHandlerBuilder Change(RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(Policies.PartyOfficer)
            .Produces<RequestChangedDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ListAsync(RequestStatus? status, int? page, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var number = page ?? 1;
        if (number is < 1 or > 100_000)
        {
            return CommandResult<List<RequestListItemDto>>.Invalid("page", "Sidnumret ska vara ett heltal från 1.").ToProblem();
        }

        var query = db.Requests.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var rows = await query.OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.CaseNumber, r.ReceivedAt, r.Rights, r.Status, r.EffectiveDueOn, r.ProtectedIdentity, r.RequesterName, r.Version })
            .ToListAsync(ct);
        var today = Swedish.Today(clock);

        // Skyddad identitet: listed, never named (to the DPO neither).
        return TypedResults.Ok(rows.Select(r => new RequestListItemDto(
            r.Id, r.CaseNumber, r.ReceivedAt, RightNames(r.Rights), r.Status, r.EffectiveDueOn, RequestWords.DaysRemaining(r.EffectiveDueOn, today, r.Status),
            r.ProtectedIdentity, r.ProtectedIdentity ? null : r.RequesterName, r.Version)).ToList());
    }

    private static async Task<Results<Ok<RequestDto>, NotFound>> GetAsync(
        Guid id, AppDbContext db, HttpContext http, IAuthorizationService authorization, PersonalIdentityNumbers personalNumbers,
        PersonalDataReadLog readLog, TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !(await authorization.AuthorizeAsync(http.User, r, Policies.OpenRequest)).Succeeded)
        {
            return TypedResults.NotFound();
        }

        await readLog.RecordAsync(nameof(DataSubjectRequest), r.Id, "Läste ärendet via API", ct);
        RecipientsDto? recipients = null;
        if (RecipientNotification.Concerns(r.Rights))
        {
            var items = await db.RequestRecipients.AsNoTracking().Where(x => x.RequestId == id).OrderBy(x => x.RecordedAt)
                .Select(x => new RecipientDto(x.Id, x.Name, x.DisclosedOn, x.State, x.ToldOn, x.ToldHow, x.Exemption, x.Note)).ToListAsync(ct);
            var outstanding = r.Status == RequestStatus.Answered && RecipientNotification.Outstanding(
                RecipientNotification.CarriedOut(r.Outcomes.Select(o => o.ToInput())), r.NoRecipientsRecordedAt is not null, [.. items.Select(x => x.State)]);
            recipients = new RecipientsDto(r.NoRecipientsRecordedAt is not null, outstanding, r.RecipientsAskedOn, r.RecipientsToldOn, items);
        }

        var events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new RequestEventDto(e.At, e.ActorName, e.Text)).ToListAsync(ct);
        var today = Swedish.Today(clock);
        string? masked = null;
        if (r.PersonalNumberProtected is { } p)
        {
            // Stored only after validation, so it parses; masked, never the whole number.
            masked = PersonalIdentityNumber.TryParse(personalNumbers.Unprotect(p), today, out var n, out _) ? n.Masked : null;
        }

        return TypedResults.Ok(new RequestDto(
            r.Id, r.CaseNumber, r.ReceivedAt, r.Channel, r.ControllerId, RightNames(r.Rights), r.RequesterName, masked, r.Email, r.PostalAddress,
            r.ProtectedIdentity, r.AssignedOfficerId, r.Status, [.. RequestStatusRules.Next(r.Status).Order()],
            r.ClockStartOn, r.DueOn, r.ExtendedDueOn, r.EffectiveDueOn, RequestWords.DaysRemaining(r.EffectiveDueOn, today, r.Status),
            r.IdentityCheckAskedAt, r.IdentityConfirmedAt, r.IdentityMethod, r.ExtensionReason, r.ExtensionNoticeSentOn,
            r.AnsweredOn, r.Delivery, r.RefusalGround, r.Notes, r.Version, events,
            r.Outcome, [.. r.Outcomes.Select(o => new RightOutcomeDto(o.Right.ToString(), o.Decision, o.GroundKey, o.GroundText))],
            r.IntakeId, r.IdentityCheck, r.IdentityAssurance,
            r.RepresentativeKind is { } kind ? new RepresentativeDto(kind, r.RepresentativeName!, r.RepresentativeCheckedHow is not null, r.RepresentativeCheckedHow, r.RepresentativeCheckedBy, r.RepresentativeCheckedAt) : null,
            r.HandOver, r.HandOverAt, recipients));
    }

    private static async Task<IResult> CreateAsync(
        string party, RegisterRequestBody body, RegisterRequest register, HttpContext http, CurrentParty currentParty, CurrentActor actor, CancellationToken ct)
    {
        // An e-tjänst is named in the timeline and the audit trail by its client id, and its requests came by e-tjänst.
        if (IntakeClients.MappedClientId(http.User, currentParty.Party, IntakeClients.Requests) is { } client)
        {
            actor.UseSystem($"e-tjänst {client}");
            body = body with { Channel = RequestChannel.EService };
        }

        // Only the names are mapped here; every rule is RegisterRequest's. An unknown name makes the rights invalid
        // (None) so the registration refuses, and the message then names what was not understood.
        var (rights, unknown) = ParseRights(body.Rights);
        var input = new RegisterRequestInput(body.ReceivedAt, body.Channel, body.ControllerId, unknown.Count > 0 ? DataSubjectRights.None : rights,
            body.RequesterName, body.PersonalNumber, body.Email, body.PostalAddress, body.ProtectedIdentity, body.Notes,
            ControllerIds: body.ControllerIds, RepresentativeKind: body.RepresentativeKind, RepresentativeName: body.RepresentativeName,
            RepresentativeCheckedHow: body.RepresentativeCheckedHow);
        var result = await register.RunAsync(input, ct);
        if (unknown.Count > 0 && !result.Ok)
        {
            result = CommandResult<RegisteredRequest>.Invalid(result.Errors.Where(e => e.Field != nameof(RegisterRequestInput.Rights)).Append(new Error(
                nameof(RegisterRequestInput.Rights), $"Okänd rättighet: {string.Join(", ", unknown)}. Ange en eller flera av: {string.Join(", ", KnownRights)}.")));
        }

        return result.ToHttpResult(registered => TypedResults.Created($"/api/v1/{party}/requests/{registered.Id}", registered));
    }

    private static Task<IResult> MoveAsync(Guid id, StatusChangeBody body, MoveRequest move, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct,
            body.To is null ? [new Error("To", "Ange vilken status ärendet ska få.")] : [],
            version => move.RunAsync(id, version, body.To!.Value, ct));

    private static Task<IResult> ConfirmIdentityAsync(Guid id, IdentityBody body, ConfirmIdentity confirm, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [],
            version => confirm.RunAsync(id, version, body.Method, ct, body.Check, body.AssuranceLevel));

    private static Task<IResult> ExtendAsync(Guid id, ExtensionBody body, ExtendRequest extend, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct,
            body.NoticeSentOn is null ? [new Error("NoticeSentOn", "Ange den dag den registrerade underrättades om förlängningen (ÅÅÅÅ-MM-DD).")] : [],
            version => extend.RunAsync(id, version, body.Reason, body.NoticeSentOn!.Value, ct));

    private static Task<IResult> AnswerAsync(Guid id, AnswerBody body, AnswerRequest answer, RequestViewers viewers, AppDbContext db, CancellationToken ct)
    {
        var missing = new List<Error>();
        if (body.AnsweredOn is null)
        {
            missing.Add(new Error("AnsweredOn", "Ange svarsdatum (ÅÅÅÅ-MM-DD)."));
        }

        if (body.Delivery is null)
        {
            missing.Add(new Error("Delivery", "Välj hur svaret lämnades."));
        }

        var outcomes = new List<RightOutcomeInput>();
        foreach (var o in body.Outcomes ?? [])
        {
            var (right, unknown) = ParseRights(o?.Right is null ? [] : [o.Right]);
            if (o is null || unknown.Count > 0 || right == DataSubjectRights.None || o.Decision is null)
            {
                missing.Add(new Error("Outcomes", $"Varje utfall anger en rättighet ({string.Join(", ", KnownRights)}) och ett beslut (Granted, PartlyGranted, Refused)."));
                break;
            }

            outcomes.Add(new RightOutcomeInput(right, o.Decision.Value, o.Ground, o.Reason));
        }

        return ChangeAsync(id, body.Version, viewers, db, ct, missing,
            version => answer.RunAsync(id, version, body.AnsweredOn!.Value, body.Delivery!.Value, body.Reason, outcomes, ct));
    }

    private static Task<IResult> CorrectAsync(Guid id, CorrectionBody body, CorrectRequest correct, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [],
            version => correct.RunAsync(id, version, new RequestCorrection(body.ReceivedAt, body.ReceivedTimeUnknown, body.Channel, body.PersonalNumber, body.Reason), ct));

    private static Task<IResult> VoidAsync(Guid id, ReasonBody body, VoidRequest voiding, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [], version => voiding.RunAsync(id, version, body.Reason, ct));

    private static Task<IResult> ReopenAsync(Guid id, ReasonBody body, ReopenRequest reopen, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [], version => reopen.RunAsync(id, version, body.Reason, ct));

    private static Task<IResult> AddRecipientAsync(Guid id, RecipientBody body, NotifyRecipients notify, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [], version => notify.AddAsync(id, version, new RecipientInput(body.Name, body.DisclosedOn), ct));

    private static Task<IResult> RecipientNoticeAsync(Guid id, Guid recipientId, RecipientNoticeBody body, NotifyRecipients notify, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [],
            version => notify.RecordNoticeAsync(id, version, recipientId, new RecipientNoticeInput(body.State, body.ToldOn, body.How, body.Exemption, body.Note), ct));

    private static Task<IResult> NoRecipientsAsync(Guid id, VersionBody body, NotifyRecipients notify, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [], version => notify.NoRecipientsAsync(id, version, ct));

    private static Task<IResult> RecipientsAskedAsync(Guid id, RecipientsAskedBody body, NotifyRecipients notify, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct, [], version => notify.SubjectAskedAsync(id, version, body.AskedOn, body.ToldOn, ct));

    private static Task<IResult> RefuseAsync(Guid id, RefusalBody body, RefuseRequest refuse, RequestViewers viewers, AppDbContext db, CancellationToken ct) =>
        ChangeAsync(id, body.Version, viewers, db, ct,
            body.RefusedOn is null ? [new Error("RefusedOn", "Ange datum för avslaget (ÅÅÅÅ-MM-DD).")] : [],
            version => refuse.RunAsync(id, version, body.RefusedOn!.Value, body.LegalGround, ct));

    /// <summary>
    /// The order every change follows: the case must exist and be open to the caller (else 404, before anything about the
    /// body is told), the body must be complete (400), then the command's rules and the version (400, 409, and 404 again
    /// should the case have gone meanwhile).
    /// </summary>
    private static async Task<IResult> ChangeAsync(
        Guid id, Guid? version, RequestViewers viewers, AppDbContext db, CancellationToken ct,
        List<Error> missing, Func<Guid, Task<CommandResult<DataSubjectRequest>>> change)
    {
        if (!await db.Requests.OpenTo(await viewers.CurrentAsync(ct)).AnyAsync(x => x.Id == id, ct))
        {
            return CommandResult<DataSubjectRequest>.NotFound().ToProblem();
        }

        if (version is null)
        {
            missing.Add(new Error("Version", "Ange vilken version av ärendet du utgick från (fältet version)."));
        }

        if (CommandResult.RefuseIfAny<DataSubjectRequest>(missing) is { } incomplete)
        {
            return incomplete.ToProblem();
        }

        return (await change(version!.Value)).ToHttpResult(r => TypedResults.Ok(RequestChangedDto.From(r)));
    }

    private static readonly string[] KnownRights =
        [.. Enum.GetValues<DataSubjectRights>().Where(r => r != DataSubjectRights.None).Select(r => r.ToString())];

    /// <summary>Names such as "Access" (any case) to the flags; digits, combinations and unknown names are reported.</summary>
    private static (DataSubjectRights Rights, List<string> Unknown) ParseRights(string[]? names)
    {
        var rights = DataSubjectRights.None;
        var unknown = new List<string>();
        foreach (var name in names ?? [])
        {
            var known = KnownRights.FirstOrDefault(k => string.Equals(k, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                unknown.Add(string.IsNullOrWhiteSpace(name) ? "(tom)" : name.Trim());
            }
            else
            {
                rights |= Enum.Parse<DataSubjectRights>(known);
            }
        }

        return (rights, unknown);
    }

    private static List<string> RightNames(DataSubjectRights rights) => [.. rights.Each().Select(r => r.ToString())];

}

/// <summary>
/// What the API takes to register a request: <see cref="RegisterRequestInput"/> with the rights as names,
/// e.g. <c>["Access","Erasure"]</c>. Either <c>controllerId</c> or <c>controllerIds</c> (one case per controller, one
/// intake); a representative (<c>representativeKind</c>: Guardian, Trustee, Attorney) asks for the data subject, who
/// stays the requester.
/// </summary>
public sealed record RegisterRequestBody(
    DateTimeOffset? ReceivedAt,
    RequestChannel? Channel,
    Guid? ControllerId,
    string[]? Rights,
    string? RequesterName,
    string? PersonalNumber,
    string? Email,
    string? PostalAddress,
    bool ProtectedIdentity,
    string? Notes,
    Guid[]? ControllerIds = null,
    RepresentativeKind? RepresentativeKind = null,
    string? RepresentativeName = null,
    string? RepresentativeCheckedHow = null);

/// <summary>Who asked for the data subject, and whether (how, by whom, when) the authority was checked.</summary>
public sealed record RepresentativeDto(
    RepresentativeKind Kind, string Name, bool AuthorityChecked, string? CheckedHow, string? CheckedBy, DateTimeOffset? CheckedAt);

/// <summary>One row of the list: no personnummer; the name is null for a protected identity; days left null when closed.</summary>
public sealed record RequestListItemDto(
    Guid Id,
    string CaseNumber,
    DateTimeOffset ReceivedAt,
    List<string> Rights,
    RequestStatus Status,
    DateOnly DueOn,
    int? DaysLeft,
    bool ProtectedIdentity,
    string? RequesterName,
    Guid Version);

public sealed record RequestEventDto(DateTimeOffset At, string ActorName, string Text);

/// <summary>One case: the personnummer masked (<c>YYYYMMDD-****</c>), the moves it may make, and its timeline.</summary>
public sealed record RequestDto(
    Guid Id,
    string CaseNumber,
    DateTimeOffset ReceivedAt,
    RequestChannel Channel,
    Guid ControllerId,
    List<string> Rights,
    string RequesterName,
    string? PersonalNumberMasked,
    string? Email,
    string? PostalAddress,
    bool ProtectedIdentity,
    Guid? AssignedOfficerId,
    RequestStatus Status,
    List<RequestStatus> NextStatuses,
    DateOnly ClockStartOn,
    DateOnly DueOn,
    DateOnly ExtendedDueOn,
    DateOnly EffectiveDueOn,
    int? DaysLeft,
    DateTimeOffset? IdentityCheckAskedAt,
    DateTimeOffset? IdentityConfirmedAt,
    string? IdentityMethod,
    string? ExtensionReason,
    DateOnly? ExtensionNoticeSentOn,
    DateOnly? AnsweredOn,
    AnswerDelivery? Delivery,
    string? RefusalGround,
    string? Notes,
    Guid Version,
    List<RequestEventDto> Events,
    RequestOutcome? Outcome,
    List<RightOutcomeDto> Outcomes,
    Guid? IntakeId = null,
    IdentityCheck? IdentityCheck = null,
    AssuranceLevel? IdentityAssurance = null,
    RepresentativeDto? Representative = null,
    ProtectedHandOver? HandOver = null,
    DateTimeOffset? HandOverAt = null,
    RecipientsDto? Recipients = null);

/// <summary>
/// Art. 19 on a request for rectification, erasure or restriction: <c>outstanding</c> while the weekly reminder runs
/// (something carried out, and a recipient not yet told or exempt, or none recorded and "no recipients" not said).
/// </summary>
public sealed record RecipientsDto(bool NoRecipients, bool Outstanding, DateOnly? SubjectAskedOn, DateOnly? SubjectToldOn, List<RecipientDto> Items);

public sealed record RecipientDto(Guid Id, string Name, DateOnly? DisclosedOn, RecipientNoticeState State, DateOnly? ToldOn, string? How, RecipientExemption? Exemption, string? Note);

public sealed record RecipientBody(string? Name, DateOnly? DisclosedOn, Guid? Version);

public sealed record RecipientNoticeBody(RecipientNoticeState? State, DateOnly? ToldOn, string? How, RecipientExemption? Exemption, string? Note, Guid? Version);

public sealed record RecipientsAskedBody(DateOnly? AskedOn, DateOnly? ToldOn, Guid? Version);

public sealed record VersionBody(Guid? Version);

/// <summary>The decision on one right: <c>right</c> as in <c>rights</c>, <c>ground</c> a key of the refusal grounds ("17.3b"), <c>reason</c> free text.</summary>
public sealed record RightOutcomeDto(string? Right, RightDecision? Decision, string? Ground, string? Reason);

/// <summary>After a change: where the case stands and the version to send with the next change.</summary>
public sealed record RequestChangedDto(Guid Id, RequestStatus Status, DateOnly DueOn, Guid Version)
{
    public static RequestChangedDto From(DataSubjectRequest r) => new(r.Id, r.Status, r.EffectiveDueOn, r.Version);
}

public sealed record StatusChangeBody(RequestStatus? To, Guid? Version);

/// <summary>The identity confirmed: <c>check</c> (BankId, FrejaEidPlus, Eidas, WithoutEid) and <c>assuranceLevel</c> (Low, Substantial, High); <c>method</c> in words (the route without e-legitimation).</summary>
public sealed record IdentityBody(string? Method, Guid? Version, IdentityCheck? Check = null, AssuranceLevel? AssuranceLevel = null);

public sealed record ExtensionBody(string? Reason, DateOnly? NoticeSentOn, Guid? Version);

/// <summary>
/// An answer; <c>Reason</c>: why it is given despite the guard rails' warnings (Art. 15), required while one applies;
/// <c>Outcomes</c>: the decision on the rights not granted in full (a right not named is granted; the right of access
/// follows the secrecy review unless named).
/// </summary>
public sealed record AnswerBody(DateOnly? AnsweredOn, AnswerDelivery? Delivery, Guid? Version, string? Reason = null, List<RightOutcomeDto>? Outcomes = null);

/// <summary>A correction ("Rätta"): the fields given replace the registered ones; the reason is required.</summary>
public sealed record CorrectionBody(DateTimeOffset? ReceivedAt, bool ReceivedTimeUnknown, RequestChannel? Channel, string? PersonalNumber, string? Reason, Guid? Version);

/// <summary>Makulera or återöppna: the reason is required.</summary>
public sealed record ReasonBody(string? Reason, Guid? Version);

public sealed record RefusalBody(DateOnly? RefusedOn, string? LegalGround, Guid? Version);
