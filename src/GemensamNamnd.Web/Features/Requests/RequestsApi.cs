using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.PersonalData;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// /api/v1/{tenant}/requests: the party's register of data subject requests. Lists carry no personnummer; one case shows
/// it masked and logs the read. A protected-identity case is open only to the party's DPO and the assigned officer; to
/// everyone else it does not exist (404), and lists show it without a name. Changes carry the version the caller read.
/// (Intake from a party's e-tjänst with an app token, client credentials, is not here yet.)
/// </summary>
public static class RequestsApi
{
    public const int PageSize = 50;

    private const string InvalidTitle = "Uppgifterna är inte giltiga";

    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/requests").WithTags("Begäranden");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListRequests")
            .WithSummary("Partens begäranden, utan personnummer; sorterade på sista dag");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetRequest")
            .WithSummary("Ett ärende med tidslinje; personnumret maskerat; läsningen loggas");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.PartyRequestIntake).WithName("RegisterRequest")
            .WithSummary("Registrera en begäran: diarienummer och sista dag (art. 12.3)")
            .WithDescription("För handläggare och dataskyddsombud, och för partens e-tjänst med en app-token (client credentials) med approllen Intake.Requests vars klient-id är kopplat till parten. En e-tjänsts begäran registreras alltid med kanalen e-tjänst.");
        group.MapPost("/{id:guid}/status", MoveAsync).RequireAuthorization(Policies.PartyOfficer).WithName("MoveRequest").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Byt status: Identitetskontroll, Under handläggning (från Registrerad) eller Återkallad");
        group.MapPost("/{id:guid}/identity", ConfirmIdentityAsync).RequireAuthorization(Policies.PartyOfficer).WithName("ConfirmRequestIdentity").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Identiteten bekräftad (art. 12.6); ärendet går till handläggning");
        group.MapPost("/{id:guid}/extension", ExtendAsync).RequireAuthorization(Policies.PartyOfficer).WithName("ExtendRequest").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Förläng med två månader (art. 12.3)");
        group.MapPost("/{id:guid}/answer", AnswerAsync).RequireAuthorization(Policies.PartyOfficer).WithName("AnswerRequest").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Besvara ärendet");
        group.MapPost("/{id:guid}/refusal", RefuseAsync).RequireAuthorization(Policies.PartyOfficer).WithName("RefuseRequest").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Avslå ärendet med rättslig grund (art. 12.4)");
    }

    /// <summary>
    /// Whether the signed-in user may open <paramref name="request"/>: anyone in the party unless the identity is protected,
    /// then only the party's Dataskyddsombud and the assigned officer.
    /// </summary>
    public static async Task<bool> CanOpenAsync(DataSubjectRequest request, CurrentUser currentUser, TenantContext tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(currentUser);
        ArgumentNullException.ThrowIfNull(tenant);
        if (!request.ProtectedIdentity)
        {
            return true;
        }

        if (await currentUser.GetAsync(cancellationToken) is not { } user)
        {
            return false;
        }

        return request.AssignedOfficerId == user.Id
            || (await currentUser.RolesInAsync(tenant.Required.Id, cancellationToken)).Contains(PartyRole.Dataskyddsombud);
    }

    private static async Task<Results<Ok<List<RequestListItemDto>>, ValidationProblem>> ListAsync(
        RequestStatus? status, int? page, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var number = page ?? 1;
        if (number is < 1 or > 100_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["Sidnumret ska vara ett heltal från 1."] }, title: InvalidTitle);
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
        return TypedResults.Ok(rows.Select(r => new RequestListItemDto(
            r.Id, r.CaseNumber, r.ReceivedAt, RightNames(r.Rights), r.Status, r.EffectiveDueOn, RequestWords.DaysRemaining(r.EffectiveDueOn, today, r.Status),
            r.ProtectedIdentity, r.ProtectedIdentity ? null : r.RequesterName, r.Version)).ToList());
    }

    private static async Task<Results<Ok<RequestDto>, NotFound>> GetAsync(
        Guid id, AppDbContext db, CurrentUser currentUser, TenantContext tenant, PersonalIdentityNumbers personalNumbers,
        PersonalDataReadLog readLog, TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await CanOpenAsync(r, currentUser, tenant, ct))
        {
            return TypedResults.NotFound();
        }

        await readLog.RecordAsync(nameof(DataSubjectRequest), r.Id, "Läste ärendet via API", ct);
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
            r.AnsweredOn, r.Delivery, r.RefusalGround, r.Notes, r.Version, events));
    }

    private static async Task<Results<Created<RegisteredRequest>, ValidationProblem>> CreateAsync(
        string tenant, RegisterRequestBody body, RegisterRequest register, HttpContext http, TenantContext party, CurrentActor actor, CancellationToken ct)
    {
        // An e-tjänst is named in the timeline and the audit trail by its client id, and its requests came by e-tjänst.
        if (IntakeClients.MappedClientId(http.User, party.Party, IntakeClients.Requests) is { } client)
        {
            actor.UseSystem($"e-tjänst {client}");
            body = body with { Channel = RequestChannel.EService };
        }

        // Only the names are mapped here; every rule is RegisterRequest's. An unknown name makes the rights invalid
        // (None) so the registration refuses, and the message then names what was not understood.
        var (rights, unknown) = ParseRights(body.Rights);
        var input = new RegisterRequestInput(body.ReceivedAt, body.Channel, body.ControllerId, unknown.Count > 0 ? DataSubjectRights.None : rights,
            body.RequesterName, body.PersonalNumber, body.Email, body.PostalAddress, body.ProtectedIdentity, body.Notes);
        var (registered, errors) = await register.RunAsync(input, ct);
        if (unknown.Count > 0)
        {
            errors[nameof(RegisterRequestInput.Rights)] =
                [$"Okänd rättighet: {string.Join(", ", unknown)}. Ange en eller flera av: {string.Join(", ", KnownRights)}."];
        }

        if (registered is null)
        {
            return TypedResults.ValidationProblem(errors, title: InvalidTitle);
        }

        return TypedResults.Created($"/api/v1/{tenant}/requests/{registered.Id}", registered);
    }

    private static async Task<Results<Ok<RequestChangedDto>, NotFound, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, StatusChangeBody body, ChangeRequest change, AppDbContext db, CurrentUser currentUser, TenantContext tenant, CancellationToken ct) =>
        await ChangeAsync(id, body.Version, db, currentUser, tenant, ct,
            body.To is null ? new() { ["To"] = ["Ange vilken status ärendet ska få."] } : [],
            version => change.MoveAsync(id, version, body.To!.Value, ct));

    private static async Task<Results<Ok<RequestChangedDto>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmIdentityAsync(
        Guid id, IdentityBody body, ChangeRequest change, AppDbContext db, CurrentUser currentUser, TenantContext tenant, CancellationToken ct) =>
        await ChangeAsync(id, body.Version, db, currentUser, tenant, ct, [],
            version => change.ConfirmIdentityAsync(id, version, body.Method, ct));

    private static async Task<Results<Ok<RequestChangedDto>, NotFound, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid id, ExtensionBody body, ChangeRequest change, AppDbContext db, CurrentUser currentUser, TenantContext tenant, CancellationToken ct) =>
        await ChangeAsync(id, body.Version, db, currentUser, tenant, ct,
            body.NoticeSentOn is null ? new() { ["NoticeSentOn"] = ["Ange den dag den registrerade underrättades om förlängningen (ÅÅÅÅ-MM-DD)."] } : [],
            version => change.ExtendAsync(id, version, body.Reason, body.NoticeSentOn!.Value, ct));

    private static async Task<Results<Ok<RequestChangedDto>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, AnswerBody body, ChangeRequest change, AppDbContext db, CurrentUser currentUser, TenantContext tenant, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>();
        if (body.AnsweredOn is null)
        {
            missing["AnsweredOn"] = ["Ange svarsdatum (ÅÅÅÅ-MM-DD)."];
        }

        if (body.Delivery is null)
        {
            missing["Delivery"] = ["Välj hur svaret lämnades."];
        }

        return await ChangeAsync(id, body.Version, db, currentUser, tenant, ct, missing,
            version => change.AnswerAsync(id, version, body.AnsweredOn!.Value, body.Delivery!.Value, ct));
    }

    private static async Task<Results<Ok<RequestChangedDto>, NotFound, ValidationProblem, ProblemHttpResult>> RefuseAsync(
        Guid id, RefusalBody body, ChangeRequest change, AppDbContext db, CurrentUser currentUser, TenantContext tenant, CancellationToken ct) =>
        await ChangeAsync(id, body.Version, db, currentUser, tenant, ct,
            body.RefusedOn is null ? new() { ["RefusedOn"] = ["Ange datum för avslaget (ÅÅÅÅ-MM-DD)."] } : [],
            version => change.RefuseAsync(id, version, body.RefusedOn!.Value, body.LegalGround, ct));

    /// <summary>
    /// The order every change follows: the case must exist and be open to the caller (else 404, before anything about the
    /// body is told), the body must be complete (400), then the rules and the version (400, 409).
    /// </summary>
    private static async Task<Results<Ok<RequestChangedDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, Guid? version, AppDbContext db, CurrentUser currentUser, TenantContext tenant, CancellationToken ct,
        Dictionary<string, string[]> missing, Func<Guid, Task<ChangeResult>> change)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await CanOpenAsync(r, currentUser, tenant, ct))
        {
            return TypedResults.NotFound();
        }

        if (version is null)
        {
            missing["Version"] = ["Ange vilken version av ärendet du utgick från (fältet version)."];
        }

        if (missing.Count > 0)
        {
            return TypedResults.ValidationProblem(missing, title: InvalidTitle);
        }

        var result = await change(version!.Value);
        return result.Outcome switch
        {
            ChangeOutcome.Done => TypedResults.Ok(RequestChangedDto.From(result.Request!)),
            ChangeOutcome.NotFound => TypedResults.NotFound(),
            ChangeOutcome.Conflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Ärendet har ändrats", detail: ChangeRequest.ConcurrencyMessage),
            _ => TypedResults.ValidationProblem(result.Errors, title: "Ändringen är inte tillåten"),
        };
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
/// e.g. <c>["Access","Erasure"]</c>.
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
    string? Notes);

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
    List<RequestEventDto> Events);

/// <summary>After a change: where the case stands and the version to send with the next change.</summary>
public sealed record RequestChangedDto(Guid Id, RequestStatus Status, DateOnly DueOn, Guid Version)
{
    public static RequestChangedDto From(DataSubjectRequest r) => new(r.Id, r.Status, r.EffectiveDueOn, r.Version);
}

public sealed record StatusChangeBody(RequestStatus? To, Guid? Version);

public sealed record IdentityBody(string? Method, Guid? Version);

public sealed record ExtensionBody(string? Reason, DateOnly? NoticeSentOn, Guid? Version);

public sealed record AnswerBody(DateOnly? AnsweredOn, AnswerDelivery? Delivery, Guid? Version);

public sealed record RefusalBody(DateOnly? RefusedOn, string? LegalGround, Guid? Version);
