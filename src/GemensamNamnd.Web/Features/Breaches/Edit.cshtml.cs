using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Breaches;

/// <summary>
/// Registers a breach (<c>…/incidenter/ny</c>) or edits its facts (<c>…/incidenter/{id}/andra</c>) through
/// <see cref="SaveBreach"/>; its Swedish messages are shown next to the fields. Times are written in Swedish time.
/// </summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class EditModel(AppDbContext db, CurrentParty currentParty, SaveBreach save, TimeProvider clock) : FormPageModel
{
    public const string NoticeKey = "BreachNotice";

    /// <summary>The times on the form: the input's property → the form's date field.</summary>
    public static readonly (string Property, string Label, string Hint)[] Times =
    [
        (nameof(BreachInput.OccurredFrom), "Inträffade från", "Lämna tomt om det är okänt."),
        (nameof(BreachInput.OccurredTo), "Inträffade till", "Lämna tomt om det är okänt eller pågår."),
        (nameof(BreachInput.DiscoveredAt), "Upptäcktes", "När någon först märkte incidenten."),
        (nameof(BreachInput.AwareAt), "Parten fick kännedom", "När parten med rimlig säkerhet visste att en personuppgiftsincident inträffat. Då börjar 72-timmarsfristen (art. 33.1)."),
        (nameof(BreachInput.CeasedAt), "Upphörde", "När incidenten upphörde eller stoppades. Lämna tomt om den pågår."),
    ];

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public Guid? Version { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public List<Guid> ControllerIds { get; set; } = [];

    /// <summary>Date (ÅÅÅÅ-MM-DD) and time (TT:MM) per time on the form, keyed "{Property}Date" and "{Property}Time".</summary>
    [BindProperty]
    public Dictionary<string, string?> When { get; set; } = [];

    [BindProperty]
    public string? ReportedInternallyBy { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<BreachTypes> Types { get; set; } = [];

    [BindProperty]
    public BreachCause? Cause { get; set; }

    [BindProperty]
    public string? Systems { get; set; }

    [BindProperty]
    public List<SubjectGroup> Groups { get; set; } = [];

    /// <summary>Approximate number per group, keyed by the group's name.</summary>
    [BindProperty]
    public Dictionary<string, string?> Counts { get; set; } = [];

    [BindProperty]
    public List<DataKinds> Kinds { get; set; } = [];

    [BindProperty]
    public string? ApproxRecords { get; set; }

    [BindProperty]
    public string? Consequences { get; set; }

    [BindProperty]
    public string? MeasuresTaken { get; set; }

    [BindProperty]
    public string? MeasuresProposed { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactDetails { get; set; }

    /// <summary>Betydande incident enligt cybersäkerhetslagen (2025:1506).</summary>
    [BindProperty]
    public bool SignificantIncident { get; set; }

    [BindProperty]
    public bool? ReportedToPolice { get; set; }

    [BindProperty]
    public bool? ReportedToCertSe { get; set; }

    [BindProperty]
    public Guid? SupplierId { get; set; }

    [BindProperty]
    public bool? CrossBorder { get; set; }

    [BindProperty]
    public string? NotificationDecidedBy { get; set; }

    public List<(Guid Id, string Name)> Controllers { get; private set; } = [];

    /// <summary>The committee's suppliers, for "personuppgiftsbiträde inblandat".</summary>
    public List<(Guid Id, string Name)> Suppliers { get; private set; } = [];

    public string? CaseNumber { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            var (date, time) = BreachWords.ToForm(clock.GetUtcNow());
            When[nameof(BreachInput.AwareAt) + "Date"] = date;
            When[nameof(BreachInput.AwareAt) + "Time"] = time;
        }
        else
        {
            var b = await db.Breaches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (b is null)
            {
                return NotFound();
            }

            if (BreachStatusRules.IsClosed(b.Status))
            {
                return LocalRedirect($"/{Slug}/incidenter/{b.Id}");
            }

            Fill(b);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The service validates every field; the framework's English binding messages go.
        ModelState.Clear();
        var formErrors = new Dictionary<string, string[]>();
        DateTimeOffset? Time(string property)
        {
            var at = BreachWords.FromForm(When.GetValueOrDefault(property + "Date"), When.GetValueOrDefault(property + "Time"), out var ok);
            if (!ok)
            {
                formErrors[property] = ["Skriv datum som ÅÅÅÅ-MM-DD och klockslag som TT:MM."];
            }

            return at;
        }

        var groups = new List<AffectedGroup>();
        foreach (var group in Enum.GetValues<SubjectGroup>())
        {
            var raw = Counts.GetValueOrDefault(group.ToString())?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
            int? count = null;
            if (!string.IsNullOrWhiteSpace(raw))
            {
                if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    count = n;
                }
                else
                {
                    formErrors[$"Count-{group}"] = [$"Ange antalet {group.Swedish().ToLower(Swedish.Culture)} som ett heltal."];
                }
            }

            if (Groups.Contains(group) || count is not null)
            {
                groups.Add(new AffectedGroup { Group = group, ApproxCount = count });
            }
        }

        int? records = null;
        if (!string.IsNullOrWhiteSpace(ApproxRecords))
        {
            if (int.TryParse(ApproxRecords.Replace(" ", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                records = n;
            }
            else
            {
                formErrors[nameof(ApproxRecords)] = ["Ange antalet poster som ett heltal."];
            }
        }

        var input = new BreachInput(
            Title, ControllerIds, Time(nameof(BreachInput.OccurredFrom)), Time(nameof(BreachInput.OccurredTo)), Time(nameof(BreachInput.DiscoveredAt)),
            Time(nameof(BreachInput.AwareAt)), Time(nameof(BreachInput.CeasedAt)), ReportedInternallyBy, Description,
            Types.Aggregate(BreachTypes.None, (all, t) => all | t), Cause, Systems, groups,
            Kinds.Aggregate(DataKinds.None, (all, k) => all | k), records, Consequences, MeasuresTaken, MeasuresProposed, ContactName, ContactDetails,
            new BreachIncidentFacts(SignificantIncident, ReportedToPolice, ReportedToCertSe, SupplierId, CrossBorder, NotificationDecidedBy));

        if (formErrors.Count > 0)
        {
            // Show the form's own errors together with every error the command would give, at once.
            var all = formErrors.ToErrors();
            all.AddRange((await save.CheckAsync(input, Id, ct)).Where(e => !formErrors.ContainsKey(e.Field)));
            return await RefuseAsync(CommandResult<Breach>.Invalid(all), ct);
        }

        var result = Id is { } id
            ? await save.UpdateAsync(id, Version ?? Guid.Empty, input, ct)
            : await save.CreateAsync(input, ct);
        if (!result.Ok)
        {
            return await RefuseAsync(result, ct);
        }

        var b = result.Value!;
        TempData[NoticeKey] = Id is null
            ? $"Incidenten är registrerad med diarienummer {b.CaseNumber}. Anmäl till IMY senast {BreachWords.When(b.ImyDeadlineAt)} om den är anmälningspliktig."
            : "Uppgifterna är sparade.";
        return LocalRedirect($"/{Slug}/incidenter/{b.Id}");
    }

    private async Task<IActionResult> RefuseAsync(CommandResult<Breach> result, CancellationToken ct)
    {
        if (result.Status != CommandStatus.NotFound)
        {
            await LoadAsync(ct);
        }

        return Refusal(result.MapFields(FieldId))!;
    }

    /// <summary>The form field an error belongs to: times have their date field.</summary>
    public static string FieldId(string key) => Times.Any(t => t.Property == key) ? $"When_{key}Date" : key == nameof(BreachInput.DataKinds) ? nameof(Kinds) : key;

    public string? Value(string key) => When.GetValueOrDefault(key);

    private void Fill(Breach b)
    {
        (Version, Title, ControllerIds, ReportedInternallyBy, Description, Cause, Systems) =
            (b.Version, b.Title, b.ControllerIds, b.ReportedInternallyBy, b.Description, b.Cause, b.Systems);
        CaseNumber = b.CaseNumber;
        foreach (var (property, at) in new[]
        {
            (nameof(BreachInput.OccurredFrom), b.OccurredFrom), (nameof(BreachInput.OccurredTo), b.OccurredTo),
            (nameof(BreachInput.DiscoveredAt), b.DiscoveredAt), (nameof(BreachInput.AwareAt), (DateTimeOffset?)b.AwareAt),
            (nameof(BreachInput.CeasedAt), b.CeasedAt),
        })
        {
            var (date, time) = BreachWords.ToForm(at);
            When[property + "Date"] = date;
            When[property + "Time"] = time;
        }

        Types = [.. BreachNames.Each(b.Types)];
        Groups = [.. b.Groups.Select(g => g.Group)];
        Counts = b.Groups.ToDictionary(g => g.Group.ToString(), g => g.ApproxCount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Kinds = [.. BreachNames.Each(b.DataKinds)];
        ApproxRecords = b.ApproxRecords?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (Consequences, MeasuresTaken, MeasuresProposed, ContactName, ContactDetails) = (b.Consequences, b.MeasuresTaken, b.MeasuresProposed, b.ContactName, b.ContactDetails);
        (SignificantIncident, ReportedToPolice, ReportedToCertSe, SupplierId, CrossBorder, NotificationDecidedBy) =
            (b.SignificantIncident, b.ReportedToPolice, b.ReportedToCertSe, b.SupplierId, b.CrossBorder, b.NotificationDecidedBy);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.DataControllers.AsNoTracking().Where(c => c.IsActive || ControllerIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Controllers = rows.Select(c => (c.Id, c.Name)).ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(x => x.IsActive || x.Id == SupplierId).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct);
        Suppliers = suppliers.Select(x => (x.Id, x.Name)).ToList();
        if (Id is { } id && CaseNumber is null)
        {
            CaseNumber = await db.Breaches.AsNoTracking().Where(b => b.Id == id).Select(b => b.CaseNumber).FirstOrDefaultAsync(ct);
        }
    }
}
