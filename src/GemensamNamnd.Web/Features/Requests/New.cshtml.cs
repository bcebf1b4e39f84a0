using System.Globalization;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>Registers a request through <see cref="RegisterRequest"/>; its Swedish messages are shown next to the fields.</summary>
[Authorize(Policy = Policies.PartyOfficer)]
public sealed class NewModel(AppDbContext db, TenantContext tenant, RegisterRequest register, TimeProvider clock) : FormPageModel
{
    /// <summary>TempData keys read by the case page.</summary>
    public const string NoticeKey = "RequestNotice";

    public const string WarningsKey = "RequestWarnings";

    // The service names its errors by input property; these inputs have other ids on the form.
    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        [nameof(RegisterRequestInput.ReceivedAt)] = nameof(ReceivedDate),
    };

    /// <summary>ÅÅÅÅ-MM-DD, Swedish time.</summary>
    [BindProperty]
    public string? ReceivedDate { get; set; }

    /// <summary>TT:MM, Swedish time.</summary>
    [BindProperty]
    public string? ReceivedTime { get; set; }

    [BindProperty]
    public RequestChannel? Channel { get; set; }

    [BindProperty]
    public Guid? ControllerId { get; set; }

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

    public string Slug => tenant.Required.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = Swedish.ToLocal(clock.GetUtcNow());
        ReceivedDate = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ReceivedTime = now.ToString("HH:mm", CultureInfo.InvariantCulture);
        await LoadControllersAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rights = Rights.Aggregate(DataSubjectRights.None, (all, r) => all | r);
        var input = new RegisterRequestInput(ParseReceived(), Channel, ControllerId, rights, RequesterName, PersonalNumber, Email, PostalAddress, ProtectedIdentity, Notes);
        var (registered, errors) = await register.RunAsync(input, ct);
        if (registered is null)
        {
            // The service validates every field; the framework's English binding messages go.
            ModelState.Clear();
            AddErrors(errors.ToDictionary(e => FieldIds.GetValueOrDefault(e.Key, e.Key), e => e.Value));
            await LoadControllersAsync(ct);
            return Page();
        }

        TempData[NoticeKey] = $"Begäran är registrerad med diarienummer {registered.CaseNumber}. Sista dag att besvara den: {SwedishDates.Long(registered.DueOn)}.";
        if (registered.Warnings.Count > 0)
        {
            TempData[WarningsKey] = string.Join('\n', registered.Warnings);
        }

        return LocalRedirect($"/{Slug}/begaranden/{registered.Id}");
    }

    public bool HasRight(DataSubjectRights right) => Rights.Contains(right);

    /// <summary>The date and time as written on the form, in Swedish time; null when either does not parse.</summary>
    private DateTimeOffset? ParseReceived()
    {
        if (!DateOnly.TryParseExact(ReceivedDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var time = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(ReceivedTime) &&
            !TimeOnly.TryParseExact(ReceivedTime.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local));
    }

    private async Task LoadControllersAsync(CancellationToken ct)
    {
        var rows = await db.DataControllers.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        Controllers = rows.Select(c => (c.Id, c.Name)).ToList();
    }
}
