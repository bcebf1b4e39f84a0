using System.Globalization;
using System.Security.Cryptography;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Identity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.PersonalData;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// One request: the facts, the deadline and how it was counted, the timeline. Every opening is logged as a read of
/// personal data. A case with skyddad identitet opens only for the party's DPO and the assigned officer; anyone else
/// gets 404, as for a case that does not exist (or belongs to another party: the query filter).
/// Officers (Handläggare, Dataskyddsombud) move the case on through plain POST forms, each carrying the version they
/// read; <see cref="ChangeRequest"/> holds the rules and its Swedish messages are shown next to the fields. Administrators
/// only read.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class CaseModel(
    AppDbContext db,
    TenantContext tenant,
    CurrentUser currentUser,
    PersonalIdentityNumbers personalNumbers,
    PersonalDataReadLog reads,
    ChangeRequest change,
    IAuthorizationService authorization,
    TimeProvider clock) : FormPageModel
{
    public const string ReadPurpose = "Visade ärendet";

    /// <summary>The version of the case the officer read; every change carries it (optimistic concurrency).</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>How the identity was confirmed, e.g. BankID.</summary>
    [BindProperty]
    public string? Method { get; set; }

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

    /// <summary>The party's systems in use, and any other already on the case, with this case's marks.</summary>
    public List<(Guid Id, string Name, SystemSearchResult? Result, string? MarkedBy, DateTimeOffset? MarkedAt)> Systems { get; private set; } = [];

    public List<(Guid Id, string Name)> Officers { get; private set; } = [];

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

    public DeadlineClockStart ClockRule { get; private set; }

    public DateOnly Today { get; private set; }

    public List<RequestEvent> Events { get; private set; } = [];

    public string? Notice { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public string Slug => tenant.Required.Slug;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAskIdentityAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], version => change.AskIdentityAsync(id, version, ct),
            _ => "Kompletterande uppgifter för att bekräfta identiteten är begärda (art. 12.6).", ct);

    public Task<IActionResult> OnPostConfirmIdentityAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], version => change.ConfirmIdentityAsync(id, version, Method, ct),
            r => $"Identiteten är bekräftad och ärendet är under handläggning. Sista dag: {SwedishDates.Long(r.EffectiveDueOn)}.", ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], version => change.MoveAsync(id, version, RequestStatus.InProgress, ct),
            _ => "Handläggningen har påbörjats.", ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>();
        var noticeSentOn = ParseDate(NoticeSentOn);
        if (noticeSentOn is null)
        {
            missing[nameof(NoticeSentOn)] = ["Ange den dag den registrerade underrättades om förlängningen (ÅÅÅÅ-MM-DD)."];
            if (string.IsNullOrWhiteSpace(Reason))
            {
                missing[nameof(Reason)] = ["Ange skälet till förlängningen (art. 12.3)."];
            }
        }

        return ChangeAsync(id, missing, version => change.ExtendAsync(id, version, Reason, noticeSentOn!.Value, ct),
            r => $"Fristen är förlängd med två månader (art. 12.3). Ny sista dag: {SwedishDates.Long(r.EffectiveDueOn)}.", ct);
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>();
        var answeredOn = ParseDate(AnsweredOn);
        if (answeredOn is null)
        {
            missing[nameof(AnsweredOn)] = ["Ange svarsdatum (ÅÅÅÅ-MM-DD)."];
        }

        if (Delivery is null || !Enum.IsDefined(Delivery.Value))
        {
            missing[nameof(Delivery)] = ["Välj hur svaret lämnades."];
        }

        return ChangeAsync(id, missing, version => change.AnswerAsync(id, version, answeredOn!.Value, Delivery!.Value, ct),
            r => $"Ärendet är besvarat {SwedishDates.Long(r.AnsweredOn!.Value)}.", ct);
    }

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>();
        var refusedOn = ParseDate(RefusedOn);
        if (refusedOn is null)
        {
            missing[nameof(RefusedOn)] = ["Ange datum för avslaget (ÅÅÅÅ-MM-DD)."];
            if (string.IsNullOrWhiteSpace(LegalGround))
            {
                missing[nameof(LegalGround)] = ["Ange den rättsliga grunden för avslaget (art. 12.4), högst 1 000 tecken."];
            }
        }

        return ChangeAsync(id, missing, version => change.RefuseAsync(id, version, refusedOn!.Value, LegalGround, ct),
            _ => "Ärendet är avslaget. Den registrerade ska få skälen och upplysas om rätten att klaga hos IMY (art. 12.4).", ct);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], version => change.AssignAsync(id, version, OfficerId, ct),
            r => r.AssignedOfficerId is null ? "Ärendet har ingen tilldelad handläggare." : "Handläggaren är tilldelad.", ct);

    public Task<IActionResult> OnPostSystemsAsync(Guid id, CancellationToken ct)
    {
        var missing = new Dictionary<string, string[]>();
        var marks = new Dictionary<Guid, SystemSearchResult?>();
        foreach (var (systemId, value) in Marks)
        {
            if (string.IsNullOrEmpty(value))
            {
                marks[systemId] = null;
            }
            else if (Enum.TryParse<SystemSearchResult>(value, out var result) && Enum.IsDefined(result) && !int.TryParse(value, out _))
            {
                marks[systemId] = result;
            }
            else
            {
                missing["Systems"] = ["Okänt resultat av sökningen."];
            }
        }

        return ChangeAsync(id, missing, version => change.RecordSystemSearchesAsync(id, version, marks, ct),
            _ => "Checklistan över sökta system är sparad.", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, [], version => change.WithdrawAsync(id, version, ct),
            _ => "Ärendet är återkallat och avslutat.", ct);

    /// <summary>
    /// The order every change follows, as in the API: the case must exist and be open to the user (else 404, as on GET),
    /// the user must be an officer (403), the form complete, then the rules and the version. Errors re-render the page;
    /// success redirects back to it (PRG) with a notice.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        Guid id, Dictionary<string, string[]> missing, Func<Guid, Task<ChangeResult>> run, Func<DataSubjectRequest, string> notice, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await RequestsApi.CanOpenAsync(r, currentUser, tenant, ct))
        {
            return NotFound();
        }

        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        // The service validates; the framework's English binding messages go.
        ModelState.Clear();
        if (Version is null)
        {
            missing[nameof(Version)] = [ChangeRequest.ConcurrencyMessage];
        }

        if (missing.Count > 0)
        {
            return await ShowErrorsAsync(id, missing, ct);
        }

        var result = await run(Version!.Value);
        switch (result.Outcome)
        {
            case ChangeOutcome.Done:
                TempData[NewModel.NoticeKey] = notice(result.Request!);
                return LocalRedirect($"/{Slug}/begaranden/{id}");
            case ChangeOutcome.NotFound:
                return NotFound();
            default:
                return await ShowErrorsAsync(id, result.Errors, ct);
        }
    }

    private async Task<IActionResult> ShowErrorsAsync(Guid id, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        AddErrors(errors);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> MayChangeAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Loads the case for showing; false when it does not exist or is not open to the user.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Requests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { Request = r, Controller = db.DataControllers.Where(c => c.Id == r.ControllerId).Select(c => c.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (found is null || !await RequestsApi.CanOpenAsync(found.Request, currentUser, tenant, ct))
        {
            return false;
        }

        var party = tenant.Required;

        // Logged before anything of the case is shown.
        await reads.RecordAsync("DataSubjectRequest", id, ReadPurpose, ct);

        Case = found.Request;
        ControllerName = found.Controller ?? "okänd";
        Today = Swedish.Today(clock);
        ClockRule = party.Settings.RequestClockStart;
        var startsAt = ClockRule == DeadlineClockStart.IdentityConfirmed && Case.IdentityConfirmedAt is not null
            ? DeadlineClockStart.IdentityConfirmed
            : DeadlineClockStart.Receipt;
        Deadline = RequestDeadlines.Calculate(Case.ClockStartOn, new PartyCalendar(party.Settings.EvesAreHolidays), startsAt);
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
            return (s.Id, s.Name, mark?.Result, mark?.MarkedBy, mark?.MarkedAt);
        }).ToList();

        MayChange = await MayChangeAsync();
        if (MayChange)
        {
            Officers = await change.OfficersAsync(ct);
        }

        NextStatuses = RequestStatusRules.Next(Case.Status);
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        NoticeSentOn ??= today;
        AnsweredOn ??= today;
        RefusedOn ??= today;

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
}
