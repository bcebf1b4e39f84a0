using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests;

// ToLower() inside the queries is translated to SQL lower(), not run with the current culture; the term comes lowered.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>
/// The register's filters as the list and the export read them from the query (Swedish keys: <c>status</c>,
/// <c>rattighet</c>, <c>handlaggare</c>, <c>mina</c>, <c>frist</c>, the search <c>sok</c> and the sort <c>sortera</c>,
/// <c>ordning</c>). Unknown values are dropped, never an error: a filter link is a bookmark.
/// </summary>
public sealed record RequestFilter(
    string? Status, string? Right, Guid? Officer, bool Mine, string? Due, string? Search = null, string? SortColumn = null, string? SortOrder = null)
{
    /// <summary>Sort keys of the list's columns.</summary>
    public const string SortCaseNumber = "diarienummer";

    public const string SortReceived = "mottagen";

    public const string SortDue = "sista-dag";

    public const string SortOfficer = "handlaggare";

    public static readonly string[] SortColumns = [SortCaseNumber, SortReceived, SortDue, SortOfficer];

    /// <summary>The list's own order: the deadline in force, soonest first.</summary>
    public static readonly ListSort DefaultSort = new(SortDue, false);

    /// <summary>The sort in force (the default when none or an unknown one was asked for).</summary>
    public ListSort Sort => ListSort.Parse(SortColumn, SortOrder, SortColumns, DefaultSort);

    public const string DueWithinWeek = "7dagar";

    /// <summary>"Förfaller inom 7 dagar": the deadline is today or within this many days.</summary>
    public const int DueWithinWeekDays = 7;

    public const string DueOverdue = "forsenade";

    /// <summary>Every case, closed ones too; an empty status means the open cases.</summary>
    public const string AllStatuses = "alla";

    /// <summary>The same filter with every unknown value dropped.</summary>
    public RequestFilter Normalised() => this with
    {
        Status = Status == AllStatuses || Enum.GetNames<RequestStatus>().Contains(Status) ? Status : null,
        Right = Right != nameof(DataSubjectRights.None) && Enum.GetNames<DataSubjectRights>().Contains(Right) ? Right : null,
        Officer = Officer == Guid.Empty ? null : Officer,
        Due = Due is DueWithinWeek or DueOverdue ? Due : null,
        Search = TextSearch.Normalise(Search),
        SortColumn = SortColumns.Contains(SortColumn) && (SortColumn != DefaultSort.Column || SortOrder == ListSort.DescendingValue) ? SortColumn : null,
        SortOrder = SortColumns.Contains(SortColumn) && SortOrder == ListSort.DescendingValue ? SortOrder : null,
    };

    /// <summary>
    /// Applies a normalised filter; <paramref name="viewer"/> is the signed-in user for "mine" and for the search: a case
    /// with skyddad identitet matches on its name only for a viewer who may open it (<see cref="RequestViewer.MayOpen(bool, Guid?)"/>).
    /// </summary>
    public IQueryable<DataSubjectRequest> Apply(IQueryable<DataSubjectRequest> query, DateOnly today, RequestViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        if (Status is null)
        {
            query = query.Where(r => !RequestStatusRules.Closed.Contains(r.Status));
        }
        else if (Status != AllStatuses)
        {
            var status = Enum.Parse<RequestStatus>(Status);
            query = query.Where(r => r.Status == status);
        }

        if (Right is not null)
        {
            var right = Enum.Parse<DataSubjectRights>(Right);
            query = query.Where(r => (r.Rights & right) != DataSubjectRights.None);
        }

        if (Mine)
        {
            query = query.Where(r => r.AssignedOfficerId == userId);
        }
        else if (Officer is { } officer)
        {
            query = query.Where(r => r.AssignedOfficerId == officer);
        }

        switch (Due)
        {
            case DueWithinWeek:
                var weekAhead = today.AddDays(DueWithinWeekDays);
                query = query.Where(r => !RequestStatusRules.Closed.Contains(r.Status) && r.EffectiveDueOn >= today && r.EffectiveDueOn <= weekAhead);
                break;
            case DueOverdue:
                query = query.Where(r => !RequestStatusRules.Closed.Contains(r.Status) && r.EffectiveDueOn < today);
                break;
        }

        if (Search is { } term)
        {
            var pattern = TextSearch.Contains(term);
            var opensEvery = viewer.OpensEveryCase;
            var user = userId == Guid.Empty ? (Guid?)null : userId;
            query = query.Where(r => EF.Functions.Like(r.CaseNumber.ToLower(), pattern, TextSearch.Escape)
                || ((!r.ProtectedIdentity || opensEvery || (user != null && r.AssignedOfficerId == user))
                    && EF.Functions.Like(r.RequesterName.ToLower(), pattern, TextSearch.Escape)));
        }

        return query;
    }

    /// <summary>
    /// The rows in the sort in force, each key followed by the case number and id so a page is stable; the officer's
    /// name comes from <paramref name="users"/> (unassigned last when ascending).
    /// </summary>
    public IOrderedQueryable<DataSubjectRequest> Order(IQueryable<DataSubjectRequest> query, IQueryable<Identity.AppUser> users)
    {
        var sort = Sort;
        var ordered = (sort.Column, sort.Descending) switch
        {
            (SortCaseNumber, false) => query.OrderBy(r => r.CaseNumber),
            (SortCaseNumber, true) => query.OrderByDescending(r => r.CaseNumber),
            (SortReceived, false) => query.OrderBy(r => r.ReceivedAt),
            (SortReceived, true) => query.OrderByDescending(r => r.ReceivedAt),
            (SortOfficer, false) => query.OrderBy(r => r.AssignedOfficerId == null).ThenBy(r => users.Where(u => u.Id == r.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefault()),
            (SortOfficer, true) => query.OrderBy(r => r.AssignedOfficerId == null).ThenByDescending(r => users.Where(u => u.Id == r.AssignedOfficerId).Select(u => u.DisplayName).FirstOrDefault()),
            (_, true) => query.OrderByDescending(r => r.EffectiveDueOn),
            _ => query.OrderBy(r => r.EffectiveDueOn),
        };
        return sort.Descending ? ordered.ThenByDescending(r => r.CaseNumber).ThenBy(r => r.Id) : ordered.ThenBy(r => r.CaseNumber).ThenBy(r => r.Id);
    }

    /// <summary>The same filter sorted by <paramref name="sort"/> (the default sort leaves no key in the query).</summary>
    public RequestFilter SortedBy(ListSort sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        return this with
        {
            SortColumn = sort == DefaultSort ? null : sort.Column,
            SortOrder = sort == DefaultSort || !sort.Descending ? null : ListSort.DescendingValue,
        };
    }

    /// <summary>The query string of this filter, with a page number when past the first.</summary>
    public QueryString ToQuery(int page = 1)
    {
        var query = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                query.Add(key, value);
            }
        }

        Add("status", Status);
        Add("rattighet", Right);
        Add("handlaggare", Officer?.ToString());
        Add("mina", Mine ? "true" : null);
        Add("frist", Due);
        Add(TextSearch.Field, Search);
        Add(ListSort.ColumnField, SortColumn);
        Add(ListSort.OrderField, SortOrder);
        Add("sida", page > 1 ? page.ToString(Swedish.Culture) : null);
        return query.ToQueryString();
    }
}
