using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// The register's filters as the list and the export read them from the query (Swedish keys: <c>status</c>,
/// <c>rattighet</c>, <c>handlaggare</c>, <c>mina</c>, <c>frist</c>). Unknown values are dropped, never an error: a
/// filter link is a bookmark.
/// </summary>
public sealed record RequestFilter(string? Status, string? Right, Guid? Officer, bool Mine, string? Due)
{
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
    };

    /// <summary>Applies a normalised filter; <paramref name="userId"/> is the signed-in user for "mine".</summary>
    public IQueryable<DataSubjectRequest> Apply(IQueryable<DataSubjectRequest> query, DateOnly today, Guid userId)
    {
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

        return query;
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
        Add("sida", page > 1 ? page.ToString(Swedish.Culture) : null);
        return query.ToQueryString();
    }
}
