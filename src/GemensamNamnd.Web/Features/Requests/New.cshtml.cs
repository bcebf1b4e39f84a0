using System.Globalization;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests.Commands;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>Registers a request through <see cref="RegisterRequest"/>; its Swedish messages are shown next to the fields.</summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class NewModel(AppDbContext db, CurrentParty currentParty, RegisterRequest register, TimeProvider clock) : FormPageModel
{
    /// <summary>TempData keys read by the case page.</summary>
    public const string NoticeKey = "RequestNotice";

    public const string WarningsKey = "RequestWarnings";

    // The service names its errors by input property; these inputs have other ids on the form.
    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        [nameof(RegisterRequestInput.ReceivedAt)] = nameof(ReceivedDate),
        [nameof(RegisterRequestInput.ControllerId)] = nameof(ControllerIds),
    };

    /// <summary>ÅÅÅÅ-MM-DD, Swedish time.</summary>
    [BindProperty]
    public string? ReceivedDate { get; set; }

    /// <summary>TT:MM, Swedish time; empty today means now, a past day needs it or <see cref="ReceivedTimeUnknown"/>.</summary>
    [BindProperty]
    public string? ReceivedTime { get; set; }

    /// <summary>The time of day is not known: the start of the day counts (<see cref="ReceivedTimeInput"/>).</summary>
    [BindProperty]
    public bool ReceivedTimeUnknown { get; set; }

    [BindProperty]
    public RequestChannel? Channel { get; set; }

    /// <summary>The controllers the request is for: one case each, one intake (issue 19).</summary>
    [BindProperty]
    public List<Guid> ControllerIds { get; set; } = [];

    /// <summary>A single controller, as forms posted before the multi-select (still understood).</summary>
    [BindProperty]
    public Guid? ControllerId { get; set; }

    [BindProperty]
    public RepresentativeKind? RepresentativeKind { get; set; }

    [BindProperty]
    public string? RepresentativeName { get; set; }

    [BindProperty]
    public string? RepresentativeCheckedHow { get; set; }

    [BindProperty]
    public List<DataSubjectRights> Rights { get; set; } = [];

    [BindProperty]
    public string? RequesterName { get; set; }

    [BindProperty]
    public string? PersonalNumber { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? PostalAddress { get; set; }

    [BindProperty]
    public bool ProtectedIdentity { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public List<(Guid Id, string Name)> Controllers { get; private set; } = [];

    public string Slug => currentParty.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Today's date; no time: left empty it means now for today, and a past day asks for its time (or "okänd").
        ReceivedDate = Swedish.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadControllersAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rights = Rights.Aggregate(DataSubjectRights.None, (all, r) => all | r);
        var (received, timeUnknown, unreadable) = ReceivedTimeInput.Parse(nameof(ReceivedDate), ReceivedDate, nameof(ReceivedTime), ReceivedTime, ReceivedTimeUnknown, clock);
        var controllers = ControllerIds.Count > 0 || ControllerId is null ? ControllerIds : [ControllerId.Value];
        var input = new RegisterRequestInput(received, Channel, null, rights, RequesterName, PersonalNumber, Email, PostalAddress, ProtectedIdentity, Notes, timeUnknown,
            controllers.Count > 0 ? controllers : null, RepresentativeKind, RepresentativeName, RepresentativeCheckedHow);
        var result = await register.RunAsync(input, ct);

        // A date or time that did not parse says so, instead of the command's "when did it come in?".
        if (unreadable.Count > 0)
        {
            result = CommandResult<RegisteredRequest>.Invalid(
                result.Errors.Where(e => e.Field != nameof(RegisterRequestInput.ReceivedAt)).Concat(unreadable));
        }

        // The command validates every field; the framework's English binding messages go.
        ModelState.Clear();
        if (Refusal(Renamed(result)) is { } refusal)
        {
            await LoadControllersAsync(ct);
            return refusal;
        }

        var registered = result.Value!;
        TempData[NoticeKey] = registered.Cases.Count == 1
            ? $"Begäran är registrerad med diarienummer {registered.CaseNumber}. Sista dag att besvara den: {SwedishDates.Long(registered.DueOn)}."
            : $"Begäran är registrerad som {registered.Cases.Count} ärenden, ett per personuppgiftsansvarig: {string.Join(", ", registered.Cases.Select(c => c.CaseNumber))}. Sista dag för alla: {SwedishDates.Long(registered.DueOn)}.";
        if (registered.Warnings.Count > 0)
        {
            TempData[WarningsKey] = string.Join('\n', registered.Warnings);
        }

        return LocalRedirect($"/{Slug}/begaranden/{registered.Id}");
    }

    public bool HasRight(DataSubjectRights right) => Rights.Contains(right);

    public bool HasController(Guid id) => ControllerIds.Contains(id) || ControllerId == id;

    /// <summary>The command's errors under this form's field ids.</summary>
    private static CommandResult<RegisteredRequest> Renamed(CommandResult<RegisteredRequest> result) =>
        result.Ok ? result : CommandResult<RegisteredRequest>.Invalid(result.Errors.Select(e => e with { Field = FieldIds.GetValueOrDefault(e.Field, e.Field) }));

    private async Task LoadControllersAsync(CancellationToken ct)
    {
        var rows = await db.DataControllers.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Controllers = rows.Select(c => (c.Id, c.Name)).ToList();
    }
}
