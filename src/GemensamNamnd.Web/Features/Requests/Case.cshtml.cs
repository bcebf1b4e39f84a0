using System.Globalization;
using System.Security.Cryptography;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
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
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// One request: the facts, the deadline and how it was counted, the timeline. Every opening is logged as a read of
/// personal data. A case with skyddad identitet opens only for the party's DPO and the assigned officer; anyone else
/// gets 404, as for a case that does not exist (or belongs to another party: the query filter).
/// Officers (Handläggare, Dataskyddsombud) move the case on through plain POST forms, each carrying the version they
/// read; one command per use case (Features/Requests/Commands) holds the rules, and its Swedish messages are shown next
/// to the fields through <see cref="FormPageModel.Refusal{T}"/>. Administrators only read. The skyddad identitet rule is
/// <see cref="Policies.OpenRequest"/>.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class CaseModel(
    AppDbContext db,
    CurrentParty currentParty,
    PersonalIdentityNumbers personalNumbers,
    PersonalDataReadLog reads,
    RequestOfficers officers,
    AnswerGuard guard,
    AnswerRequest answer,
    IAuthorizationService authorization,
    Processing.ProcessingQueries processing,
    TimeProvider clock) : FormPageModel
{
    public const string ReadPurpose = "Visade ärendet";

    /// <summary>The version of the case the officer read; every change carries it (optimistic concurrency).</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>How the identity was confirmed, e.g. BankID.</summary>
    [BindProperty]
    public string? Method { get; set; }

    /// <summary>The e-legitimation (or "utan e-legitimation") and its assurance level (issue 19).</summary>
    [BindProperty]
    public IdentityCheck? IdentityCheck { get; set; }

    [BindProperty]
    public AssuranceLevel? AssuranceLevel { get; set; }

    /// <summary>Why the deadline is extended (art. 12.3).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>ÅÅÅÅ-MM-DD: the day the data subject was told of the extension.</summary>
    [BindProperty]
    public string? NoticeSentOn { get; set; }

    /// <summary>ÅÅÅÅ-MM-DD; today unless the officer says otherwise.</summary>
    [BindProperty]
    public string? AnsweredOn { get; set; }

    [BindProperty]
    public AnswerDelivery? Delivery { get; set; }

    /// <summary>ÅÅÅÅ-MM-DD; today unless the officer says otherwise.</summary>
    [BindProperty]
    public string? RefusedOn { get; set; }

    [BindProperty]
    public string? LegalGround { get; set; }

    /// <summary>The officer to assign; empty for no one.</summary>
    [BindProperty]
    public Guid? OfficerId { get; set; }

    /// <summary>The checklist as posted: system id → a <see cref="SystemSearchResult"/> name, or empty for not searched.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Marks { get; set; } = [];

    /// <summary>The checklist's notes as posted: system id → the note (empty for none).</summary>
    [BindProperty]
    public Dictionary<Guid, string?> SystemNotes { get; set; } = [];

    /// <summary>Why the case is answered despite the guard rails' warnings (<see cref="AnswerGuard"/>).</summary>
    [BindProperty]
    public string? AnswerReason { get; set; }

    /// <summary>
    /// The decision per right on the answer, keyed by the right ("Decisions[Access]"): a <see cref="RightDecision"/> name.
    /// Keyed by the enum, not by string: a string-keyed dictionary would bind every field of the form when none is posted.
    /// </summary>
    [BindProperty]
    public Dictionary<DataSubjectRights, string?> Decisions { get; set; } = [];

    /// <summary>The ground picked per right not granted in full: a key of <see cref="RefusalGrounds"/>.</summary>
    [BindProperty]
    public Dictionary<DataSubjectRights, string?> DecisionGrounds { get; set; } = [];

    /// <summary>The reasons per right in free text.</summary>
    [BindProperty]
    public Dictionary<DataSubjectRights, string?> DecisionTexts { get; set; } = [];

    /// <summary>The secrecy review per system: a <see cref="Domain.Requests.Disclosure"/> name, or empty for not reviewed.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Disclosures { get; set; } = [];

    /// <summary>The OSL provision per system ("26:1").</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Provisions { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> SecrecyNotes { get; set; } = [];

    /// <summary>Art. 19: a recipient to add, and its disclosure date (ÅÅÅÅ-MM-DD, optional).</summary>
    [BindProperty]
    public string? RecipientName { get; set; }

    [BindProperty]
    public string? RecipientDisclosedOn { get; set; }

    /// <summary>Art. 19: the notice of one recipient — told (date, how) or exempt (reason, note).</summary>
    [BindProperty]
    public Guid? NoticeRecipientId { get; set; }

    [BindProperty]
    public string? NoticeState { get; set; }

    [BindProperty]
    public string? NoticeToldOn { get; set; }

    [BindProperty]
    public string? NoticeHow { get; set; }

    [BindProperty]
    public string? NoticeExemption { get; set; }

    [BindProperty]
    public string? NoticeNote { get; set; }

    /// <summary>Art. 19, second sentence: when the data subject asked about the recipients, and was told.</summary>
    [BindProperty]
    public string? RecipientsAskedOn { get; set; }

    [BindProperty]
    public string? RecipientsToldOn { get; set; }

    /// <summary>The refusal ground picked from the list (<see cref="RefusalGrounds"/>); the legal ground's text adds to it.</summary>
    [BindProperty]
    public string? RefusalGroundChoice { get; set; }

    /// <summary>ÅÅÅÅ-MM-DD: the day the data subject withdrew the request.</summary>
    [BindProperty]
    public string? WithdrawnOn { get; set; }

    [BindProperty]
    public string? VoidReason { get; set; }

    [BindProperty]
    public string? ReopenReason { get; set; }

    /// <summary>"Rätta": the received date (ÅÅÅÅ-MM-DD) and time (TT:MM, or unknown), the channel and the personnummer.</summary>
    [BindProperty]
    public string? CorrectedDate { get; set; }

    [BindProperty]
    public string? CorrectedTime { get; set; }

    [BindProperty]
    public bool CorrectedTimeUnknown { get; set; }

    [BindProperty]
    public RequestChannel? CorrectedChannel { get; set; }

    [BindProperty]
    public string? CorrectedPersonalNumber { get; set; }

    [BindProperty]
    public string? CorrectionReason { get; set; }

    /// <summary>The confirmation asked before an irreversible step (<see cref="Confirmation"/>); null when none is asked.</summary>
    public Confirmation? Confirm { get; private set; }

    /// <summary>What speaks against answering now (<see cref="AnswerGuard"/>); empty when nothing does.</summary>
    public IReadOnlyList<string> AnswerWarnings { get; private set; } = [];

    /// <summary>The party's DPO: may reopen a closed case.</summary>
    public bool MayReopen { get; private set; }

    /// <summary>The party's systems in use, and any other already on the case, with this case's marks and notes.</summary>
    public List<SystemLine> Systems { get; private set; } = [];

    /// <summary>The activities of the record of processing each system carries (issue 21), by system id.</summary>
    public Dictionary<Guid, List<Processing.SystemActivity>> ActivitiesBySystem { get; private set; } = [];

    public List<(Guid Id, string Name)> Officers { get; private set; } = [];

    /// <summary>Art. 19: the recipients of the data; shown when the request asks for rectification, erasure or restriction.</summary>
    public List<RequestRecipient> Recipients { get; private set; } = [];

    /// <summary>Art. 19 is open on the answered case: the weekly reminder runs (<see cref="RecipientNotification.Outstanding"/>).</summary>
    public bool RecipientsOutstanding { get; private set; }

    /// <summary>Handläggare or Dataskyddsombud in the party: may change the case. Administrators only read.</summary>
    public bool MayChange { get; private set; }

    /// <summary>The moves the case may make from its status (<see cref="RequestStatusRules.Next"/>).</summary>
    public IReadOnlySet<RequestStatus> NextStatuses { get; private set; } = new HashSet<RequestStatus>();

    public DataSubjectRequest Case { get; private set; } = null!;

    public string ControllerName { get; private set; } = string.Empty;

    public string? AssignedOfficerName { get; private set; }

    /// <summary><c>ÅÅÅÅMMDD-****</c>, or null when no number is on file.</summary>
    public string? MaskedPersonalNumber { get; private set; }

    public RequestDeadline Deadline { get; private set; } = null!;

    public bool IsExtended { get; private set; }

    /// <summary>Why the extension form is not offered (Art. 12(3)); null when it is.</summary>
    public string? ExtensionRefusal { get; private set; }

    public DeadlineClockStart ClockRule { get; private set; }

    public DateOnly Today { get; private set; }

    public List<RequestEvent> Events { get; private set; } = [];

    public string? Notice { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAskIdentityAsync(Guid id, [FromServices] AskIdentity ask, CancellationToken ct) =>
        ChangeAsync(id, [], version => ask.RunAsync(id, version, ct),
            _ => "Kompletterande uppgifter för att bekräfta identiteten är begärda (art. 12.6).", ct);

    public Task<IActionResult> OnPostConfirmIdentityAsync(Guid id, [FromServices] ConfirmIdentity confirm, CancellationToken ct) =>
        ChangeAsync(id, [], version => confirm.RunAsync(id, version, Method, ct, IdentityCheck, AssuranceLevel),
            r => $"Identiteten är bekräftad och ärendet är under handläggning. Sista dag: {SwedishDates.Long(r.EffectiveDueOn)}.", ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, [FromServices] MoveRequest move, CancellationToken ct) =>
        ChangeAsync(id, [], version => move.RunAsync(id, version, RequestStatus.InProgress, ct),
            _ => "Handläggningen har påbörjats.", ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, [FromServices] ExtendRequest extend, CancellationToken ct)
    {
        var missing = new List<Error>();
        var noticeSentOn = ParseDate(nameof(NoticeSentOn), "Dagen den registrerade underrättades om förlängningen", NoticeSentOn, missing);
        if (noticeSentOn is null && string.IsNullOrWhiteSpace(Reason))
        {
            missing.Add(new Error(nameof(Reason), "Ange skälet till förlängningen (art. 12.3)."));
        }

        return ChangeAsync(id, missing, version => extend.RunAsync(id, version, Reason, noticeSentOn!.Value, ct),
            r => $"Fristen är förlängd med två månader (art. 12.3). Ny sista dag: {SwedishDates.Long(r.EffectiveDueOn)}.", ct);
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, [FromServices] AnswerRequest answer, CancellationToken ct)
    {
        var missing = new List<Error>();
        var answeredOn = ParseDate(nameof(AnsweredOn), "Svarsdatum", AnsweredOn, missing);
        if (Delivery is null || !Enum.IsDefined(Delivery.Value))
        {
            missing.Add(new Error(nameof(Delivery), "Välj hur svaret lämnades."));
        }

        var outcomes = new List<RightOutcomeInput>();
        foreach (var (right, value) in Decisions)
        {
            if (FormValues.Choice<RightDecision>(value) is not { } decision)
            {
                missing.Add(new Error(AnswerRequest.OutcomesField, "Välj utfall för varje rättighet i listan."));
                break;
            }

            outcomes.Add(new RightOutcomeInput(right, decision, DecisionGrounds.GetValueOrDefault(right), DecisionTexts.GetValueOrDefault(right)));
        }

        return ChangeAsync(id, missing, version => answer.RunAsync(id, version, answeredOn!.Value, Delivery!.Value, AnswerReason, outcomes, ct),
            r => r.Outcome is RequestOutcome.Granted or null
                ? $"Ärendet är besvarat {SwedishDates.Long(r.AnsweredOn!.Value)}."
                : $"Ärendet är besvarat {SwedishDates.Long(r.AnsweredOn!.Value)} med {r.Outcome.Value.Swedish()}. Den registrerade ska få skälen och upplysas om rätten att klaga hos IMY och att begära rättslig prövning (art. 12.4).", ct);
    }

    /// <summary>The secrecy review per system where data was found (OSL; <see cref="ReviewSecrecy"/>).</summary>
    public Task<IActionResult> OnPostSecrecyAsync(Guid id, [FromServices] ReviewSecrecy review, CancellationToken ct)
    {
        var missing = new List<Error>();
        var reviews = new Dictionary<Guid, SecrecyReviewInput>();
        foreach (var (systemId, value) in Disclosures)
        {
            Disclosure? disclosure = null;
            if (!string.IsNullOrEmpty(value))
            {
                if (FormValues.Choice<Disclosure>(value) is not { } parsed)
                {
                    missing.Add(new Error(ReviewSecrecy.Field, "Okänt utfall av sekretessprövningen."));
                    break;
                }

                disclosure = parsed;
            }

            reviews[systemId] = new SecrecyReviewInput(disclosure, Provisions.GetValueOrDefault(systemId), SecrecyNotes.GetValueOrDefault(systemId));
        }

        return ChangeAsync(id, missing, version => review.RunAsync(id, version, reviews, ct),
            _ => "Sekretessprövningen är sparad.", ct);
    }

    public Task<IActionResult> OnPostRecipientAsync(Guid id, [FromServices] NotifyRecipients notify, CancellationToken ct)
    {
        var missing = new List<Error>();
        var disclosedOn = string.IsNullOrWhiteSpace(RecipientDisclosedOn) ? null : ParseDate(nameof(RecipientDisclosedOn), "Utlämnat", RecipientDisclosedOn, missing);
        return ChangeAsync(id, missing, version => notify.AddAsync(id, version, new RecipientInput(RecipientName, disclosedOn), ct),
            _ => "Mottagaren är registrerad.", ct, new Dictionary<string, string> { [NotifyRecipients.Field] = nameof(RecipientName) });
    }

    public Task<IActionResult> OnPostRecipientNoticeAsync(Guid id, [FromServices] NotifyRecipients notify, CancellationToken ct)
    {
        var missing = new List<Error>();
        var state = FormValues.Choice<RecipientNoticeState>(NoticeState);
        var exemption = FormValues.Choice<RecipientExemption>(NoticeExemption);
        if (!string.IsNullOrEmpty(NoticeExemption) && exemption is null)
        {
            missing.Add(new Error(nameof(NoticeExemption), "Välj ett skäl i listan."));
        }

        var toldOn = state == RecipientNoticeState.Told && !string.IsNullOrWhiteSpace(NoticeToldOn)
            ? ParseDate(nameof(NoticeToldOn), "Underrättad den", NoticeToldOn, missing)
            : null;
        return ChangeAsync(id, missing, version => notify.RecordNoticeAsync(id, version, NoticeRecipientId ?? Guid.Empty,
                new RecipientNoticeInput(state, toldOn, NoticeHow, exemption, NoticeNote), ct),
            _ => "Underrättelsen är registrerad.", ct);
    }

    public Task<IActionResult> OnPostNoRecipientsAsync(Guid id, [FromServices] NotifyRecipients notify, CancellationToken ct) =>
        ChangeAsync(id, [], version => notify.NoRecipientsAsync(id, version, ct), _ => "Registrerat: uppgifterna har inte lämnats ut till någon mottagare.", ct);

    public Task<IActionResult> OnPostRecipientsAskedAsync(Guid id, [FromServices] NotifyRecipients notify, CancellationToken ct)
    {
        var missing = new List<Error>();
        var askedOn = ParseDate(nameof(RecipientsAskedOn), "Frågade den", RecipientsAskedOn, missing);
        var toldOn = string.IsNullOrWhiteSpace(RecipientsToldOn) ? null : ParseDate(nameof(RecipientsToldOn), "Fick besked den", RecipientsToldOn, missing);
        return ChangeAsync(id, missing, version => notify.SubjectAskedAsync(id, version, askedOn, toldOn, ct),
            _ => "Den registrerades fråga om mottagarna är registrerad.", ct);
    }

    public Task<IActionResult> OnPostRefuseAsync(Guid id, [FromServices] RefuseRequest refuse, CancellationToken ct)
    {
        var missing = new List<Error>();
        var refusedOn = ParseDate(nameof(RefusedOn), "Datum för avslaget", RefusedOn, missing);
        var ground = RefusalGrounds.Combine(RefusalGroundChoice, LegalGround, out var unknownGround);
        if (unknownGround)
        {
            missing.Add(new Error(nameof(RefusalGroundChoice), "Välj en grund i listan."));
        }
        else if (refusedOn is null && string.IsNullOrWhiteSpace(ground))
        {
            missing.Add(new Error(nameof(LegalGround), "Ange den rättsliga grunden för avslaget (art. 12.4), högst 1 000 tecken."));
        }

        return ChangeAsync(id, missing, version => refuse.RunAsync(id, version, refusedOn!.Value, ground, ct),
            _ => "Ärendet är avslaget. Den registrerade ska få skälen och upplysas om rätten att klaga hos IMY (art. 12.4).", ct);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, [FromServices] AssignRequest assign, CancellationToken ct) =>
        ChangeAsync(id, [], version => assign.RunAsync(id, version, OfficerId, ct),
            r => r.AssignedOfficerId is null ? "Ärendet har ingen tilldelad handläggare." : "Handläggaren är tilldelad.", ct);

    public Task<IActionResult> OnPostSystemsAsync(Guid id, [FromServices] SaveSystemSearches save, CancellationToken ct)
    {
        var missing = new List<Error>();
        var marks = new Dictionary<Guid, SystemSearchResult?>();
        foreach (var (systemId, value) in Marks)
        {
            if (string.IsNullOrEmpty(value))
            {
                marks[systemId] = null;
            }
            else if (FormValues.Choice<SystemSearchResult>(value) is { } result)
            {
                marks[systemId] = result;
            }
            else if (missing.Count == 0)
            {
                missing.Add(new Error("Systems", "Okänt resultat av sökningen."));
            }
        }

        return ChangeAsync(id, missing, version => save.RunAsync(id, version, marks, SystemNotes, ct),
            _ => "Checklistan över sökta system är sparad.", ct);
    }

    /// <summary>Återkalla, on the day the data subject withdrew it: asked first (<see cref="Confirmation"/>), then done.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, [FromServices] MoveRequest move, CancellationToken ct)
    {
        var missing = new List<Error>();
        var withdrawnOn = ParseDate(nameof(WithdrawnOn), "Dagen för återkallelsen", WithdrawnOn, missing);
        return ConfirmFirstAsync(id, missing,
            c => new Confirmation("Withdraw", $"Återkalla {c.CaseNumber}?",
                $"Ärendet avslutas som återkallat av den registrerade {SwedishDates.Long(withdrawnOn!.Value)}. Det är ett påstående om vad den registrerade har gjort: är begäran registrerad av misstag, makulera den i stället. Bara dataskyddsombudet kan öppna ärendet igen.",
                "Ja, återkalla ärendet", [new("Version", Version?.ToString()), new(nameof(WithdrawnOn), WithdrawnOn)]),
            version => move.WithdrawAsync(id, version, withdrawnOn!.Value, ct),
            _ => "Ärendet är återkallat och avslutat.", ct);
    }

    /// <summary>Makulera (registrerad av misstag), with a reason: asked first, then done.</summary>
    public Task<IActionResult> OnPostVoidAsync(Guid id, [FromServices] VoidRequest voiding, CancellationToken ct)
    {
        var missing = new List<Error>();
        if (string.IsNullOrWhiteSpace(VoidReason))
        {
            missing.Add(new Error(nameof(VoidReason), "Ange varför ärendet makuleras, t.ex. att det är en dubblett av ett annat ärende (högst 1 000 tecken)."));
        }

        return ConfirmFirstAsync(id, missing,
            c => new Confirmation("Void", $"Makulera {c.CaseNumber}?",
                "Ärendet avslutas som registrerat av misstag. Det räknas inte i någon statistik och inga påminnelser skickas. Bara dataskyddsombudet kan öppna det igen.",
                "Ja, makulera ärendet", [new("Version", Version?.ToString()), new(nameof(VoidReason), VoidReason)]),
            version => voiding.RunAsync(id, version, VoidReason, ct),
            _ => "Ärendet är makulerat (registrerat av misstag).", ct);
    }

    /// <summary>Återöppna a closed case, with a reason: the party's DPO only.</summary>
    public async Task<IActionResult> OnPostReopenAsync(Guid id, [FromServices] ReopenRequest reopen, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await MayOpenAsync(r))
        {
            return NotFound();
        }

        if (!await MayReopenAsync())
        {
            return Forbid();
        }

        return await ChangeAsync(id, [], version => reopen.RunAsync(id, version, ReopenReason, ct),
            x => $"Ärendet är återöppnat. Sista dag: {SwedishDates.Long(x.EffectiveDueOn)}.", ct);
    }

    /// <summary>Rätta the received time, the channel or the personnummer, with a reason.</summary>
    public Task<IActionResult> OnPostCorrectAsync(Guid id, [FromServices] CorrectRequest correct, CancellationToken ct)
    {
        var (received, unknown, errors) = ReceivedTimeInput.Parse(nameof(CorrectedDate), CorrectedDate, nameof(CorrectedTime), CorrectedTime, CorrectedTimeUnknown, clock);
        var missing = errors.ToList();
        if (received is null && missing.Count == 0)
        {
            missing.Add(new Error(nameof(CorrectedDate), "Ange när begäran kom in."));
        }

        return ChangeAsync(id, missing,
            version => correct.RunAsync(id, version, new RequestCorrection(received, unknown, CorrectedChannel, CorrectedPersonalNumber, CorrectionReason), ct),
            x => $"Uppgifterna är rättade. Sista dag: {SwedishDates.Long(x.EffectiveDueOn)}.", ct, CorrectionFields);
    }

    // CorrectRequest names its errors by its input; the form's fields have these ids.
    private static readonly Dictionary<string, string> CorrectionFields = new(StringComparer.Ordinal)
    {
        [nameof(RequestCorrection.ReceivedAt)] = nameof(CorrectedDate),
        [nameof(RequestCorrection.Channel)] = nameof(CorrectedChannel),
        [nameof(RequestCorrection.PersonalNumber)] = nameof(CorrectedPersonalNumber),
    };

    /// <summary>
    /// The first post of an irreversible step: with the input complete and not <c>confirmed=true</c>, nothing is changed
    /// and the page is shown again with the confirmation; with it, the step is done as any other change.
    /// </summary>
    private async Task<IActionResult> ConfirmFirstAsync(
        Guid id, List<Error> missing, Func<DataSubjectRequest, Confirmation> confirmation,
        Func<Guid, Task<CommandResult<DataSubjectRequest>>> run, Func<DataSubjectRequest, string> notice, CancellationToken ct)
    {
        if (missing.Count > 0 || Confirmation.IsConfirmed(Request))
        {
            return await ChangeAsync(id, missing, run, notice, ct);
        }

        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await MayOpenAsync(r))
        {
            return NotFound();
        }

        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Confirm = confirmation(Case);
        return Page();
    }

    /// <summary>
    /// The order every change follows, as in the API: the case must exist and be open to the user (else 404, as on GET),
    /// the user must be an officer (403), the form complete, then the command's rules and the version. Errors re-render
    /// the page; success redirects back to it (PRG) with a notice.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        Guid id, List<Error> missing, Func<Guid, Task<CommandResult<DataSubjectRequest>>> run, Func<DataSubjectRequest, string> notice, CancellationToken ct,
        IReadOnlyDictionary<string, string>? fieldIds = null)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await MayOpenAsync(r))
        {
            return NotFound();
        }

        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        // The command validates; the framework's English binding messages go.
        ModelState.Clear();
        if (Version is null)
        {
            missing.AddRange(CommandResult<DataSubjectRequest>.Conflict().Errors);
        }

        var result = CommandResult.RefuseIfAny<DataSubjectRequest>(missing) ?? await run(Version!.Value);
        if (fieldIds is not null && !result.Ok && result.Status == CommandStatus.Invalid)
        {
            result = CommandResult<DataSubjectRequest>.Invalid(result.Errors.Select(e => e with { Field = fieldIds.GetValueOrDefault(e.Field, e.Field) }));
        }

        if (Refusal(result) is { } refusal)
        {
            return refusal is NotFoundResult || !await LoadAsync(id, ct) ? NotFound() : refusal;
        }

        TempData[NewModel.NoticeKey] = notice(result.Value!);
        return LocalRedirect($"/{Slug}/begaranden/{id}");
    }

    private async Task<bool> MayOpenAsync(DataSubjectRequest r) =>
        (await authorization.AuthorizeAsync(User, r, Policies.OpenRequest)).Succeeded;

    private async Task<bool> MayChangeAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;

    private async Task<bool> MayReopenAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.PartyDpo)).Succeeded;

    /// <summary>A required date of a form (<see cref="FormValues"/>); its error, if any, goes to <paramref name="errors"/>.</summary>
    private DateOnly? ParseDate(string field, string label, string? text, List<Error> errors)
    {
        var (value, error) = FormValues.ParseDate(field, label, text, clock);
        if (error is not null)
        {
            errors.Add(error);
        }

        return value;
    }

    /// <summary>Loads the case for showing; false when it does not exist or is not open to the user.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Requests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { Request = r, Controller = db.DataControllers.Where(c => c.Id == r.ControllerId).Select(c => c.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (found is null || !await MayOpenAsync(found.Request))
        {
            return false;
        }

        // Logged before anything of the case is shown.
        await reads.RecordAsync("DataSubjectRequest", id, ReadPurpose, ct);

        Case = found.Request;
        ControllerName = found.Controller ?? "okänd";
        Today = Swedish.Today(clock);
        ClockRule = Case.ClockRule;
        var startsAt = ClockRule == DeadlineClockStart.IdentityConfirmed && Case.IdentityConfirmedAt is not null
            ? DeadlineClockStart.IdentityConfirmed
            : DeadlineClockStart.Receipt;
        Deadline = RequestDeadlines.Calculate(Case.ClockStartOn, Case.Calendar, startsAt);
        IsExtended = Case.EffectiveDueOn == Case.ExtendedDueOn && Case.ExtendedDueOn != Case.DueOn;
        MaskedPersonalNumber = Mask(Case.PersonalNumberProtected);

        if (Case.AssignedOfficerId is { } officerId)
        {
            AssignedOfficerName = await db.Users.AsNoTracking().Where(u => u.Id == officerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }

        Events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);

        var marks = await db.SystemSearches.AsNoTracking().Where(s => s.RequestId == id).ToListAsync(ct);
        var marked = marks.Select(m => m.SystemId).ToList();
        var systems = await db.PartySystems.AsNoTracking().Where(s => s.IsActive || marked.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        Systems = systems.Select(s =>
        {
            var mark = marks.FirstOrDefault(m => m.SystemId == s.Id);
            return new SystemLine(s.Id, s.Name, mark?.Result, mark?.MarkedBy, mark?.MarkedAt, mark?.Note, mark?.Disclosure, mark?.OslProvision, mark?.SecrecyNote);
        }).ToList();
        ActivitiesBySystem = await processing.BySystemAsync([.. Systems.Select(s => s.Id)], ct);

        if (RecipientNotification.Concerns(Case.Rights))
        {
            Recipients = await db.RequestRecipients.AsNoTracking().Where(x => x.RequestId == id).OrderBy(x => x.RecordedAt).ToListAsync(ct);
            RecipientsOutstanding = Case.Status == RequestStatus.Answered && RecipientNotification.Outstanding(
                RecipientNotification.CarriedOut(Case.Outcomes.Select(o => o.ToInput())), Case.NoRecipientsRecordedAt is not null, [.. Recipients.Select(x => x.State)]);
        }

        MayChange = await MayChangeAsync();
        if (MayChange)
        {
            Officers = await officers.ListAsync(ct);
            AnswerWarnings = await guard.WarningsAsync(Case, ct);
            if (Decisions.Count == 0)
            {
                // The answer form starts from what the secrecy review says of the right of access; every other right granted.
                var fromReview = await answer.AccessFromSecrecyReviewAsync(Case.Id, ct);
                foreach (var o in RightOutcomes.Complete(Case.Rights, fromReview))
                {
                    Decisions[o.Right] = o.Decision.ToString();
                    DecisionGrounds[o.Right] = o.GroundKey;
                    DecisionTexts[o.Right] = o.GroundText;
                }
            }
        }

        MayReopen = RequestStatusRules.IsClosed(Case.Status) && await MayReopenAsync();

        NextStatuses = RequestStatusRules.Next(Case.Status);
        ExtensionRefusal = Extension.WhyNotOffered(ExtendRequest.CaseOf(Case), Today);
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        NoticeSentOn ??= today;
        AnsweredOn ??= today;
        RefusedOn ??= today;
        WithdrawnOn ??= today;
        var received = Swedish.ToLocal(Case.ReceivedAt);
        CorrectedDate ??= received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (CorrectedTime is null && !CorrectedTimeUnknown)
        {
            CorrectedTime = Case.ReceivedTimeUnknown ? null : received.ToString("HH:mm", CultureInfo.InvariantCulture);
            CorrectedTimeUnknown = Case.ReceivedTimeUnknown;
        }

        CorrectedChannel ??= Case.Channel;

        Notice = TempData[NewModel.NoticeKey] as string;
        Warnings = (TempData[NewModel.WarningsKey] as string)?.Split('\n') ?? [];
        return true;
    }

    private string? Mask(string? protectedValue)
    {
        if (protectedValue is null)
        {
            return null;
        }

        try
        {
            return PersonalIdentityNumber.TryParse(personalNumbers.Unprotect(protectedValue), Today, out var number, out _)
                ? number.Masked
                : "kan inte visas";
        }
        catch (CryptographicException)
        {
            return "kan inte visas";
        }
    }

    /// <summary>One system of the checklist: the search, and the secrecy review of what it found.</summary>
    public sealed record SystemLine(
        Guid Id, string Name, SystemSearchResult? Result, string? MarkedBy, DateTimeOffset? MarkedAt, string? Note,
        Disclosure? Disclosure, string? OslProvision, string? SecrecyNote);
}
