using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The register of requests: filtered by GET query, sorted by the deadline in force, 50 a page, one query. A case with
/// skyddad identitet is listed without its name; only those who may open it get a link.
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(
    AppDbContext db, CurrentParty currentParty, RequestViewers viewers, RequestOfficers officers, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        Guid Id,
        string CaseNumber,
        DateTimeOffset ReceivedAt,
        DataSubjectRights Rights,
        RequestStatus Status,
        DateOnly EffectiveDueOn,
        string? RequesterName,
        bool ProtectedIdentity,
        bool CanOpen);

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "rattighet")]
    public string? Right { get; set; }

    [BindProperty(SupportsGet = true, Name = "handlaggare")]
    public Guid? Officer { get; set; }

    [BindProperty(SupportsGet = true, Name = "mina")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "frist")]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int? PageParameter { get; set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public RequestFilter Filter { get; private set; } = new(null, null, null, false, null);

    /// <summary>The party's officers, for the officer filter.</summary>
    public List<(Guid Id, string Name)> Officers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanRegister { get; private set; }

    public string Slug => currentParty.Required.Slug;

    public string PartyName => currentParty.Required.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Swedish.Today(clock);
        PageNumber = Math.Clamp(PageParameter ?? 1, 1, 10_000);
        var viewer = await viewers.CurrentAsync(ct);
        CanRegister = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;

        Filter = new RequestFilter(Status, Right, Officer, Mine, Due).Normalised();
        (Status, Right, Officer, Due) = (Filter.Status, Filter.Right, Filter.Officer, Filter.Due);
        Officers = await officers.ListAsync(ct);
        var query = Filter.Apply(db.Requests.AsNoTracking(), Today, viewer.UserId);

        // The page's ids first (read from the index alone), then only those rows: a deep page costs an index walk, not
        // a walk over the table.
        var pageIds = query
            .OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.CaseNumber).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(r => r.Id);
        var rows = (await db.Requests.AsNoTracking().Where(r => pageIds.Contains(r.Id))
            .OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.CaseNumber).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.CaseNumber,
                r.ReceivedAt,
                r.Rights,
                r.Status,
                r.EffectiveDueOn,
                // Skyddad identitet: the name never leaves the database for the list.
                RequesterName = r.ProtectedIdentity ? null : r.RequesterName,
                r.ProtectedIdentity,
                r.AssignedOfficerId,
            })
            .ToListAsync(ct))
            .Select(r => new Row(r.Id, r.CaseNumber, r.ReceivedAt, r.Rights, r.Status, r.EffectiveDueOn, r.RequesterName, r.ProtectedIdentity,
                viewer.MayOpen(r.ProtectedIdentity, r.AssignedOfficerId)))
            .ToList();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>This list's address with the current filters and another page.</summary>
    public string PageUrl(int page) => $"/{Slug}/begaranden{Filter.ToQuery(page)}";

    /// <summary>The export's address with the current filters: the file in <paramref name="format"/>, or without it the form (personnummer, for the DPO).</summary>
    public string ExportUrl(string? format = null)
    {
        var query = Filter.ToQuery();
        return $"/{Slug}/begaranden/export{(format is null ? query : query.Add(Exports.FormatField, format))}";
    }
}

/// <summary>How the request pages put dates and deadlines into words.</summary>
public static class RequestWords
{
    /// <summary>"3 dagar kvar", "1 dag kvar", "förfaller i dag", "1 dag försenad", "7 dagar försenad"; "avslutad" when closed.</summary>
    public static string DaysLeft(DateOnly due, DateOnly today, RequestStatus status)
    {
        return DaysRemaining(due, today, status) switch
        {
            null => "avslutad",
            0 => "förfaller i dag",
            1 => "1 dag kvar",
            int days and > 1 => string.Create(Swedish.Culture, $"{days} dagar kvar"),
            -1 => "1 dag försenad",
            int days => string.Create(Swedish.Culture, $"{-days} dagar försenad"),
        };
    }

    /// <summary>
    /// How pressing the deadline is, for its tag: overdue, due within the week (the list's filter "Förfaller inom 7
    /// dagar", <see cref="RequestFilter.DueWithinWeek"/>), closed — the rules of <see cref="IsOverdue"/> and
    /// <see cref="RequestStatusRules"/>, only put in a colour. An extension shows on the status (<see cref="StatusUrgency"/>).
    /// </summary>
    public static Urgency DeadlineUrgency(DateOnly due, DateOnly today, RequestStatus status) => DaysRemaining(due, today, status) switch
    {
        null => Urgency.Closed,
        < 0 => Urgency.Overdue,
        <= RequestFilter.DueWithinWeekDays => Urgency.DueSoon,
        _ => Urgency.None,
    };

    /// <summary>The tag for a status itself: extended and closed stand out, the others read as words.</summary>
    public static Urgency StatusUrgency(RequestStatus status) =>
        RequestStatusRules.IsClosed(status) ? Urgency.Closed
        : status == RequestStatus.Extended ? Urgency.Extended
        : Urgency.None;

    /// <summary>Days until the deadline in force (negative when overdue); null once the case is closed.</summary>
    public static int? DaysRemaining(DateOnly due, DateOnly today, RequestStatus status) =>
        RequestStatusRules.IsClosed(status) ? null : due.DayNumber - today.DayNumber;

    public static bool IsOverdue(DateOnly due, DateOnly today, RequestStatus status) =>
        !RequestStatusRules.IsClosed(status) && due < today;

    /// <summary>"Registerutdrag (art. 15), Radering (art. 17)".</summary>
    public static string Rights(DataSubjectRights rights) => string.Join(", ", rights.Each().Select(r => r.Swedish()));

    /// <summary>ISO date for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Swedish.Culture);

    /// <summary>"brev" → "Brev": a mid-sentence name at the start of a label.</summary>
    public static string Capitalised(string text) =>
        text.Length == 0 ? text : text[..1].ToUpper(Swedish.Culture) + text[1..];
}
