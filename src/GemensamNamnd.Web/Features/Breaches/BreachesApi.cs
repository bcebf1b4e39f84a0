using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// /api/v1/{party}/breaches: the party's breach register. A detecting system (or an officer's tool) registers a breach
/// with POST; the assessment, the report to IMY, supplements, the Art. 34 notice and closing follow, each carrying the
/// version the caller read. The register holds no personal data of the people affected, only groups and counts.
/// (Intake with an app token, client credentials, waits for the same mechanism for requests.)
/// </summary>
public static class BreachesApi
{
    public const int PageSize = 50;

    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/breaches").WithTags("Personuppgiftsincidenter");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListBreaches")
            .WithSummary("Partens incidenter med 72-timmarsklockan; filter status, risk, klocka (running, late)");
        group.MapGet("/statistics", StatisticsAsync).RequireAuthorization(Policies.PartyMember).WithName("BreachStatistics")
            .WithSummary("Antal per typ och orsak, andel anmälda inom 72 timmar, median timmar till anmälan");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetBreach")
            .WithSummary("En incident med kompletteringar och tidslinje");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.PartyBreachIntake).WithName("RegisterBreach")
            .Produces<BreachChangedDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Registrera en incident: diarienummer och 72-timmarsfrist (art. 33.1)");
        group.MapPost("/{id:guid}/assessment", AssessAsync).RequireAuthorization(Policies.PartyOfficer).WithName("AssessBreach").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Riskbedömning och beslut om anmälan (art. 33.1, 33.5, 34)");
        group.MapPost("/{id:guid}/report", ReportAsync).RequireAuthorization(Policies.PartyOfficer).WithName("ReportBreach").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Anmälan till IMY: tidpunkt, IMY:s diarienummer, skäl vid försening");
        group.MapPost("/{id:guid}/awareness-correction", CorrectAwarenessAsync).RequireAuthorization(Policies.PartyOfficer).WithName("CorrectBreachAwareness").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rätta tidpunkten för kännedom efter anmälan till IMY, med skäl; den tidigare tidpunkten behålls");
        group.MapPost("/{id:guid}/supplements", SupplementAsync).RequireAuthorization(Policies.PartyOfficer).WithName("SupplementBreach").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Komplettering till IMY (art. 33.4)");
        group.MapPost("/{id:guid}/notice", NoticeAsync).RequireAuthorization(Policies.PartyOfficer).WithName("RecordBreachNotice").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("De registrerade informerade (art. 34): när och hur");
        group.MapPost("/{id:guid}/cybersecurity/{step}", CybersecuritySentAsync).RequireAuthorization(Policies.PartyOfficer).WithName("RecordCybersecurityReport").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rapport enligt cybersäkerhetslagen skickad: step early-warning, notification eller final-report, med sentAt");
        group.MapPost("/{id:guid}/close", CloseAsync).RequireAuthorization(Policies.PartyOfficer).WithName("CloseBreach").Produces<BreachChangedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Avsluta incidenten");
    }

    private static async Task<Results<Ok<List<BreachListItemDto>>, ValidationProblem>> ListAsync(
        BreachStatus? status, RiskLevel? risk, string? clockFilter, int? page, AppDbContext db, PersonalDataReadLog readLog, TimeProvider clock, CancellationToken ct)
    {
        var number = page ?? 1;
        var errors = new Dictionary<string, string[]>();
        if (number is < 1 or > 100_000)
        {
            errors["page"] = ["Sidnumret ska vara ett heltal från 1."];
        }

        if (clockFilter is not (null or BreachQueries.ClockRunning or BreachQueries.ClockLate))
        {
            errors["clock"] = [$"Ange {BreachQueries.ClockRunning} eller {BreachQueries.ClockLate}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: CommandMessages.InvalidTitle);
        }

        var now = clock.GetUtcNow();
        var rows = await BreachQueries.Filter(db.Breaches.AsNoTracking(), status, risk, clockFilter, now)
            .OrderByDescending(b => b.AwareAt).ThenBy(b => b.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        await readLog.RecordManyAsync(nameof(Breach), rows.Select(b => b.Id), "Läste incidentlistan via API", ct);
        return TypedResults.Ok(rows.Select(b => BreachListItemDto.From(b, now)).ToList());
    }

    private static async Task<Ok<BreachStatisticsDto>> StatisticsAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var summary = await BreachQueries.SummaryAsync(db, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new BreachStatisticsDto(
            summary.Count,
            summary.ByType.ToDictionary(x => x.Key.ToString(), x => x.Value),
            summary.ByCause.ToDictionary(x => x.Key.ToString(), x => x.Value),
            summary.Reportable, summary.ReportedWithin72Hours, summary.ShareWithin72Hours, summary.MedianHoursToReport, summary.ClockRunning));
    }

    private static async Task<Results<Ok<BreachDto>, NotFound>> GetAsync(Guid id, AppDbContext db, PersonalDataReadLog readLog, TimeProvider clock, CancellationToken ct)
    {
        var b = await db.Breaches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return TypedResults.NotFound();
        }

        await readLog.RecordAsync(nameof(Breach), b.Id, "Läste incidenten via API", ct);

        var supplements = await db.BreachSupplements.AsNoTracking().Where(s => s.BreachId == id).OrderBy(s => s.SubmittedAt)
            .Select(s => new BreachSupplementDto(s.SubmittedAt, s.Text)).ToListAsync(ct);
        var events = await db.BreachEvents.AsNoTracking().Where(e => e.BreachId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new BreachEventDto(e.At, e.ActorName, e.Text)).ToListAsync(ct);
        return TypedResults.Ok(BreachDto.From(b, clock.GetUtcNow(), supplements, events));
    }

    private static async Task<IResult> CreateAsync(
        string party, BreachBody body, SaveBreach save, HttpContext http, CurrentParty currentParty, CurrentActor actor, CancellationToken ct)
    {
        // A detection system is named in the timeline and the audit trail by its client id.
        if (IntakeClients.MappedClientId(http.User, currentParty.Party, IntakeClients.Breaches) is { } client)
        {
            actor.UseSystem($"system {client}");
        }

        var (types, badTypes) = Names.Parse<BreachTypes>(body.Types);
        var (kinds, badKinds) = Names.Parse<DataKinds>(body.DataKinds);
        var input = new BreachInput(body.Title, body.ControllerIds, body.OccurredFrom, body.OccurredTo, body.DiscoveredAt, body.AwareAt, body.CeasedAt,
            body.ReportedInternallyBy, body.Description, badTypes.Count > 0 ? BreachTypes.None : types, body.Cause, body.Systems,
            body.Groups?.Select(g => new AffectedGroup { Group = g.Group ?? (SubjectGroup)(-1), ApproxCount = g.ApproxCount }).ToList(),
            badKinds.Count > 0 ? (DataKinds)(1 << 30) : kinds, body.ApproxRecords, body.Consequences, body.MeasuresTaken, body.MeasuresProposed, body.ContactName, body.ContactDetails,
            new BreachIncidentFacts(body.SignificantIncident == true, body.ReportedToPolice, body.ReportedToCertSe, body.SupplierId, body.CrossBorder, body.NotificationDecidedBy));
        var result = await save.CreateAsync(input, ct);
        if (badTypes.Count > 0 || badKinds.Count > 0)
        {
            // An unknown name made the input invalid above, so nothing was saved; the message names what was not understood.
            var errors = result.ErrorsByField();
            if (badTypes.Count > 0)
            {
                errors["Types"] = [$"Okänd typ: {string.Join(", ", badTypes)}. Ange en eller flera av: {string.Join(", ", Names.Known<BreachTypes>())}."];
            }

            if (badKinds.Count > 0)
            {
                errors["DataKinds"] = [$"Okänd typ av personuppgifter: {string.Join(", ", badKinds)}. Ange en eller flera av: {string.Join(", ", Names.Known<DataKinds>())}."];
            }

            result = CommandResult<Breach>.Invalid(errors.ToErrors());
        }

        return result.ToHttpResult(b => TypedResults.Created($"/api/v1/{party}/breaches/{b.Id}", BreachChangedDto.From(b)));
    }

    private static Task<IResult> AssessAsync(Guid id, AssessmentBody body, ChangeBreach change, CancellationToken ct) =>
        RunAsync(body.Version, v => change.AssessAsync(id, v, new BreachAssessment(
            body.Risk, body.RiskReasoning, body.Reportable, body.NotReportableReason, body.SubjectNoticeRequired, body.SubjectNoticeNotRequiredReason), ct));

    private static Task<IResult> ReportAsync(Guid id, ReportBody body, ChangeBreach change, CancellationToken ct) =>
        RunAsync(body.Version, v => change.ReportAsync(id, v, body.ReportedAt, body.ImyReference, body.LateReason, ct));

    private static Task<IResult> CorrectAwarenessAsync(Guid id, AwarenessCorrectionBody body, ChangeBreach change, CancellationToken ct) =>
        RunAsync(body.Version, v => change.CorrectAwarenessAsync(id, v, body.AwareAt, body.Reason, body.LateReason, ct));

    private static Task<IResult> SupplementAsync(Guid id, SupplementBody body, ChangeBreach change, CancellationToken ct) =>
        RunAsync(body.Version, v => change.SupplementAsync(id, v, body.SubmittedAt, body.Text, ct));

    private static Task<IResult> NoticeAsync(Guid id, NoticeBody body, ChangeBreach change, CancellationToken ct) =>
        RunAsync(body.Version, v => change.RecordNoticeAsync(id, v, body.SentAt, body.Method, ct));

    private static Task<IResult> CloseAsync(Guid id, CloseBody body, ChangeBreach change, CancellationToken ct) =>
        RunAsync(body.Version, v => change.CloseAsync(id, v, body.LessonsLearned, ct));

    private static async Task<IResult> CybersecuritySentAsync(Guid id, string step, CybersecuritySentBody body, ChangeBreach change, CancellationToken ct)
    {
        if (CybersecurityRules.FromSlug(step) is not { } known)
        {
            return CommandResult<Breach>.Invalid("Step", "Okänt steg: ange early-warning, notification eller final-report.").ToHttpResult(b => TypedResults.Ok(BreachChangedDto.From(b)));
        }

        return await RunAsync(body.Version, v => change.RecordCybersecuritySentAsync(id, v, known, body.SentAt, ct));
    }

    private static async Task<IResult> RunAsync(Guid? version, Func<Guid, Task<CommandResult<Breach>>> run)
    {
        var result = version is null
            ? CommandResult<Breach>.Invalid("Version", "Ange vilken version av ärendet du utgick från (fältet version).")
            : await run(version.Value);
        return result.ToHttpResult(b => TypedResults.Ok(BreachChangedDto.From(b)));
    }
}

/// <summary>Flag names such as "Confidentiality" (any case) to the flags; unknown names are reported.</summary>
internal static class Names
{
    public static string[] Known<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Where(n => n != "None")];

    public static (T Value, List<string> Unknown) Parse<T>(string[]? names)
        where T : struct, Enum
    {
        long value = 0;
        var unknown = new List<string>();
        foreach (var name in names ?? [])
        {
            var known = Known<T>().FirstOrDefault(k => string.Equals(k, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                unknown.Add(string.IsNullOrWhiteSpace(name) ? "(tom)" : name.Trim());
            }
            else
            {
                value |= Convert.ToInt64(Enum.Parse<T>(known), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return ((T)Enum.ToObject(typeof(T), value), unknown);
    }

    public static List<string> Of<T>(T flags)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag(v)).Select(v => v.ToString())];
}

/// <summary>What the API takes to register a breach; types and kinds of data by name, e.g. <c>["Confidentiality"]</c>.</summary>
public sealed record BreachBody(
    string? Title,
    List<Guid>? ControllerIds,
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo,
    DateTimeOffset? DiscoveredAt,
    DateTimeOffset? AwareAt,
    DateTimeOffset? CeasedAt,
    string? ReportedInternallyBy,
    string? Description,
    string[]? Types,
    BreachCause? Cause,
    string? Systems,
    List<GroupBody>? Groups,
    string[]? DataKinds,
    int? ApproxRecords,
    string? Consequences,
    string? MeasuresTaken,
    string? MeasuresProposed,
    string? ContactName,
    string? ContactDetails,
    bool? SignificantIncident = null,
    bool? ReportedToPolice = null,
    bool? ReportedToCertSe = null,
    Guid? SupplierId = null,
    bool? CrossBorder = null,
    string? NotificationDecidedBy = null);

public sealed record GroupBody(SubjectGroup? Group, int? ApproxCount);

public sealed record AssessmentBody(RiskLevel? Risk, string? RiskReasoning, bool? Reportable, string? NotReportableReason, bool? SubjectNoticeRequired, string? SubjectNoticeNotRequiredReason, Guid? Version);

public sealed record ReportBody(DateTimeOffset? ReportedAt, string? ImyReference, string? LateReason, Guid? Version);

public sealed record AwarenessCorrectionBody(DateTimeOffset? AwareAt, string? Reason, string? LateReason, Guid? Version);

public sealed record SupplementBody(DateTimeOffset? SubmittedAt, string? Text, Guid? Version);

public sealed record NoticeBody(DateTimeOffset? SentAt, string? Method, Guid? Version);

public sealed record VersionBody(Guid? Version);

public sealed record CloseBody(string? LessonsLearned, Guid? Version);

public sealed record CybersecuritySentBody(DateTimeOffset? SentAt, Guid? Version);

/// <summary>
/// The cybersecurity act's three reports on a significant incident (NIS2 Art. 23(4)): due and sent instants; the final
/// report's due instant null until the notification is sent.
/// </summary>
public sealed record CybersecurityDto(
    DateTimeOffset? EarlyWarningDueAt, DateTimeOffset? NotificationDueAt, DateTimeOffset? FinalReportDueAt,
    DateTimeOffset? EarlyWarningSentAt, DateTimeOffset? NotificationSentAt, DateTimeOffset? FinalReportSentAt)
{
    /// <summary>Null when the breach is not a significant incident.</summary>
    public static CybersecurityDto? From(Breach b) => b.SignificantIncident
        ? new(b.EarlyWarningDueAt, b.NotificationDueAt, b.FinalReportDueAt, b.EarlyWarningSentAt, b.NotificationSentAt, b.FinalReportSentAt)
        : null;
}

/// <summary>One row: the clock in hours; no personal data.</summary>
public sealed record BreachListItemDto(
    Guid Id, string CaseNumber, string Title, BreachStatus Status, RiskLevel? Risk, bool? Reportable,
    DateTimeOffset AwareAt, DateTimeOffset ImyDeadlineAt, int HoursLeft, BreachClockState Clock, DateTimeOffset? ReportedAt, Guid Version)
{
    public static BreachListItemDto From(Breach b, DateTimeOffset now) => new(
        b.Id, b.CaseNumber, b.Title, b.Status, b.Risk, b.Reportable, b.AwareAt, b.ImyDeadlineAt, BreachClock.HoursLeft(b.AwareAt, now),
        BreachClock.StateAt(b.AwareAt, b.Reportable, b.ReportedAt, now), b.ReportedAt, b.Version);
}

public sealed record BreachSupplementDto(DateTimeOffset SubmittedAt, string Text);

public sealed record BreachEventDto(DateTimeOffset At, string ActorName, string Text);

public sealed record BreachDto(
    Guid Id, string CaseNumber, string Title, List<Guid> ControllerIds, BreachStatus Status, List<BreachStatus> NextStatuses,
    DateTimeOffset? OccurredFrom, DateTimeOffset? OccurredTo, DateTimeOffset? DiscoveredAt, DateTimeOffset AwareAt, DateTimeOffset? AwareAtAsReported, DateTimeOffset? CeasedAt,
    string Description, List<string> Types, BreachCause Cause, string? Systems, List<GroupBody> Groups, List<string> DataKinds, int? ApproxRecords,
    string? Consequences, string? MeasuresTaken, string? MeasuresProposed,
    RiskLevel? Risk, string? RiskReasoning, bool? Reportable, string? NotReportableReason,
    bool? SubjectNoticeRequired, string? SubjectNoticeNotRequiredReason, DateTimeOffset? SubjectNoticeSentAt, string? SubjectNoticeMethod,
    DateTimeOffset ImyDeadlineAt, int HoursLeft, BreachClockState Clock, DateTimeOffset? ReportedAt, string? ImyReference, string? LateReason,
    DateOnly? SupplementDueOn, DateTimeOffset? ClosedAt, Guid Version, List<BreachSupplementDto> Supplements, List<BreachEventDto> Events,
    bool SignificantIncident, CybersecurityDto? Cybersecurity, bool? ReportedToPolice, bool? ReportedToCertSe, Guid? SupplierId, bool? CrossBorder,
    string? NotificationDecidedBy, string? LessonsLearned, Guid? SupplierIncidentId)
{
    public static BreachDto From(Breach b, DateTimeOffset now, List<BreachSupplementDto> supplements, List<BreachEventDto> events) => new(
        b.Id, b.CaseNumber, b.Title, b.ControllerIds, b.Status, [.. BreachStatusRules.Next(b.Status).Order()],
        b.OccurredFrom, b.OccurredTo, b.DiscoveredAt, b.AwareAt, b.AwareAtAsReported, b.CeasedAt,
        b.Description, Names.Of(b.Types), b.Cause, b.Systems, [.. b.Groups.Select(g => new GroupBody(g.Group, g.ApproxCount))], Names.Of(b.DataKinds), b.ApproxRecords,
        b.Consequences, b.MeasuresTaken, b.MeasuresProposed,
        b.Risk, b.RiskReasoning, b.Reportable, b.NotReportableReason,
        b.SubjectNoticeRequired, b.SubjectNoticeNotRequiredReason, b.SubjectNoticeSentAt, b.SubjectNoticeMethod,
        b.ImyDeadlineAt, BreachClock.HoursLeft(b.AwareAt, now), BreachClock.StateAt(b.AwareAt, b.Reportable, b.ReportedAt, now),
        b.ReportedAt, b.ImyReference, b.LateReason, b.SupplementDueOn, b.ClosedAt, b.Version, supplements, events,
        b.SignificantIncident, CybersecurityDto.From(b), b.ReportedToPolice, b.ReportedToCertSe, b.SupplierId, b.CrossBorder,
        b.NotificationDecidedBy, b.LessonsLearned, b.SupplierIncidentId);
}

/// <summary>After a change: where the breach stands, its deadlines and the version to send next.</summary>
public sealed record BreachChangedDto(Guid Id, string CaseNumber, BreachStatus Status, DateTimeOffset ImyDeadlineAt, DateOnly? SupplementDueOn, Guid Version)
{
    public static BreachChangedDto From(Breach b) => new(b.Id, b.CaseNumber, b.Status, b.ImyDeadlineAt, b.SupplementDueOn, b.Version);
}

public sealed record BreachStatisticsDto(
    int Count, Dictionary<string, int> ByType, Dictionary<string, int> ByCause, int Reportable, int ReportedWithin72Hours,
    double? ShareWithin72Hours, double? MedianHoursToReport, int ClockRunning);
