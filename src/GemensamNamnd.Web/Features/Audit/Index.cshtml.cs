using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Audit;

/// <summary>
/// /{party}/logg: the party's changes and reads of personal data as Swedish sentences, newest first, filtered by case
/// number, person, dates and kind. Changed fields are named; text values never shown (<see cref="AuditChanges"/>).
/// </summary>
[Authorize(Policy = Policies.PartyOversight)]
public sealed class IndexModel(AuditTimeline timeline, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<AuditLine> Rows { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Actors { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    [BindProperty(SupportsGet = true, Name = "arende")]
    public string? CaseNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "vem")]
    public string? ActorId { get; set; }

    [BindProperty(SupportsGet = true, Name = "fran")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "typ")]
    public AuditKind? Kind { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "sida")] int? page, CancellationToken ct)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 1_000);
        var from = DateFilter("fran", "Från och med", From);
        var to = DateFilter("till", "Till och med", To);
        Actors = await timeline.ActorsAsync(ct);
        var filter = new AuditFilter(CaseNumber, ActorId, from, to, Kind);
        (Rows, HasMore) = await timeline.PageAsync(filter, PageNumber, PageSize, ct);
    }

    /// <summary>This page's address with the same filters and another page number.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["arende"] = CaseNumber,
            ["vem"] = ActorId,
            ["fran"] = From,
            ["till"] = To,
            ["typ"] = Kind?.ToString(),
            ["sida"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    public static string KindName(AuditKind kind) => kind switch
    {
        AuditKind.Created => "Registrerat eller lagt till",
        AuditKind.Modified => "Ändrat",
        AuditKind.Deleted => "Borttaget",
        _ => "Läst personuppgifter",
    };

    private DateOnly? DateFilter(string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var date = FormValues.Date(text);
        if (date is null || !FormValues.InRange(date.Value, clock))
        {
            ModelState.AddModelError(field, date is null ? FormValues.InvalidDate(label) : FormValues.DateOutOfRange(label, FormValues.MaxYear(clock)));
            return null;
        }

        return date;
    }
}
