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
/// The register of requests: filtered and searched by GET query, sorted by the deadline in force or a column the user
/// chose, 50 a page, one query. A case with skyddad identitet is listed without its name (and found by it only by those
/// who may open it); only those who may open it get a link. Officers mark cases and assign them at once
/// (<see cref="AssignRequests"/>); each user keeps named filters of their own (<c>SavedFilters</c>).
/// </summary>
[Authorize(Policy = Policies.PartyMember)]
public sealed class IndexModel(
    AppDbContext db, CurrentParty currentParty, RequestViewers viewers, RequestOfficers officers, IAuthorizationService authorization, TimeProvider clock) : FormPageModel
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
        bool CanOpen,
        string? OfficerName);

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

    [BindProperty(SupportsGet = true, Name = TextSearch.Field)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.ColumnField)]
    public string? SortColumn { get; set; }

    [BindProperty(SupportsGet = true, Name = ListSort.OrderField)]
    public string? SortOrder { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int? PageParameter { get; set; }

    /// <summary>The cases marked for "Tilldela markerade".</summary>
    [BindProperty]
    public List<Guid> Ids { get; set; } = [];

    /// <summary>The officer the marked cases are assigned to.</summary>
    [BindProperty]
    public Guid? OfficerId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The user's saved filters of this list.</summary>
    public List<SavedFilters.SavedFilterRow> SavedFilters { get; private set; } = [];

    /// <summary>May mark cases and assign them (an officer of the party).</summary>
    public bool CanAssign { get; private set; }

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

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>"Tilldela markerade": every marked case to the chosen officer, or none of them; back to the same list.</summary>
    public async Task<IActionResult> OnPostAssignAsync([FromServices] Commands.AssignRequests assign, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded)
        {
            return Forbid();
        }

        var result = await assign.RunAsync(Ids, OfficerId, ct);
        ModelState.Clear();
        await LoadAsync(ct);
        if (Refusal(result) is { } refusal)
        {
            if (refusal is PageResult)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return refusal;
        }

        var officerName = Officers.Where(o => o.Id == OfficerId).Select(o => o.Name).FirstOrDefault();
        Notice = $"{Swedish.Count(result.Value, "ärende", "ärenden")} tilldelades {officerName}.";
        return LocalRedirect(PageUrl(PageNumber));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = Swedish.Today(clock);
        PageNumber = Math.Clamp(PageParameter ?? 1, 1, 10_000);
        var viewer = await viewers.CurrentAsync(ct);
        CanRegister = (await authorization.AuthorizeAsync(User, Policies.PartyOfficer)).Succeeded;
        CanAssign = CanRegister;

        Filter = new RequestFilter(Status, Right, Officer, Mine, Due, Search, SortColumn, SortOrder).Normalised();
        (Status, Right, Officer, Due, Search, SortColumn, SortOrder) = (Filter.Status, Filter.Right, Filter.Officer, Filter.Due, Filter.Search, Filter.SortColumn, Filter.SortOrder);
        Officers = await officers.ListAsync(ct);
        SavedFilters = await GemensamNamnd.Web.Features.SavedFilters.SavedFilterQueries.ForUserAsync(db, viewer.UserId, GemensamNamnd.Web.Features.SavedFilters.SavedFilterQueries.Requests, ct);
        var query = Filter.Apply(db.Requests.AsNoTracking(), Today, viewer);

        // The page's ids first (read from the index alone in the default order), then only those rows: a deep page costs
        // an index walk, not a walk over the table.
        var pageIds = Filter.Order(query, db.Users)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(r => r.Id);
        var rows = (await Filter.Order(db.Requests.AsNoTracking().Where(r => pageIds.Contains(r.Id)), db.Users)
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
                OfficerName = db.Users.Where(u => u.Id == r.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct))
            .Select(r => new Row(r.Id, r.CaseNumber, r.ReceivedAt, r.Rights, r.Status, r.EffectiveDueOn, r.RequesterName, r.ProtectedIdentity,
                viewer.MayOpen(r.ProtectedIdentity, r.AssignedOfficerId), r.OfficerName))
            .ToList();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }

    /// <summary>This list's address with the current filters and another page.</summary>
    public string PageUrl(int page) => $"/{Slug}/begaranden{Filter.ToQuery(page)}";

    /// <summary>The list sorted by <paramref name="column"/>'s header: the other direction when already sorted by it.</summary>
    public string SortUrl(string column) => $"/{Slug}/begaranden{Filter.SortedBy(Filter.Sort.Toggle(column)).ToQuery()}";

    /// <summary>The current filter's query without <c>?</c> or page, as a saved filter keeps it.</summary>
    public string SavedQuery => (Filter.ToQuery().Value ?? string.Empty).TrimStart('?');

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
