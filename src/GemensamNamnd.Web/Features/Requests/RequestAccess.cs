using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>
/// Who is looking at the party's requests, for the one access rule of skyddad identitet: a case with
/// <see cref="DataSubjectRequest.ProtectedIdentity"/> may be opened only by the party's Dataskyddsombud and the assigned
/// officer; to everyone else it does not exist (404), and lists never show its name.
/// </summary>
/// <param name="UserId">The signed-in user (empty when none: an app token or an anonymous caller).</param>
/// <param name="OpensEveryCase">The party's DPO, or trusted server code with no user behind it (seed, jobs).</param>
public sealed record RequestViewer(Guid UserId, bool OpensEveryCase)
{
    /// <summary>Code that runs outside any HTTP request (demo seed, background jobs): it acts for the party itself.</summary>
    public static readonly RequestViewer System = new(Guid.Empty, true);

    /// <summary>A caller with no user of the party (an app token): opens no protected case.</summary>
    public static readonly RequestViewer Nobody = new(Guid.Empty, false);

    /// <summary>The rule, for a case already read. <see cref="RequestAccessQueries.OpenTo"/> is the same rule in SQL.</summary>
    public bool MayOpen(bool protectedIdentity, Guid? assignedOfficerId) =>
        !protectedIdentity || OpensEveryCase || (UserId != Guid.Empty && assignedOfficerId == UserId);

    public bool MayOpen(DataSubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MayOpen(request.ProtectedIdentity, request.AssignedOfficerId);
    }
}

/// <summary>Finds the <see cref="RequestViewer"/> of the current request, in the party resolved from the route.</summary>
public sealed class RequestViewers(IHttpContextAccessor http, CurrentUser currentUser, CurrentParty currentParty)
{
    public async Task<RequestViewer> CurrentAsync(CancellationToken cancellationToken = default)
    {
        // No HTTP request: the demo seed, a job or a test acting as the party; there is no user to shield the case from.
        if (http.HttpContext is null)
        {
            return RequestViewer.System;
        }

        if (await currentUser.GetAsync(cancellationToken) is not { } user || currentParty.Party is not { } party)
        {
            return RequestViewer.Nobody;
        }

        var roles = await currentUser.RolesInAsync(party.Id, cancellationToken);
        return new RequestViewer(user.Id, roles.Contains(PartyRole.Dataskyddsombud));
    }
}

/// <summary>The access rule as a query filter, for every read of more than one case and for every change.</summary>
public static class RequestAccessQueries
{
    /// <summary>Keeps only the cases <paramref name="viewer"/> may open (the same rule as <see cref="RequestViewer.MayOpen(bool, Guid?)"/>).</summary>
    public static IQueryable<DataSubjectRequest> OpenTo(this IQueryable<DataSubjectRequest> query, RequestViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.OpensEveryCase)
        {
            return query;
        }

        var userId = viewer.UserId;
        return userId == Guid.Empty
            ? query.Where(r => !r.ProtectedIdentity)
            : query.Where(r => !r.ProtectedIdentity || r.AssignedOfficerId == userId);
    }
}

/// <summary>The requirement of <see cref="Policies.OpenRequest"/>: the user may open this case.</summary>
public sealed record OpenRequestRequirement : IAuthorizationRequirement;

/// <summary>Resource-based: <c>AuthorizeAsync(User, request, Policies.OpenRequest)</c>; a refusal is shown as 404.</summary>
public sealed class OpenRequestHandler(RequestViewers viewers) : AuthorizationHandler<OpenRequestRequirement, DataSubjectRequest>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OpenRequestRequirement requirement, DataSubjectRequest resource)
    {
        if ((await viewers.CurrentAsync()).MayOpen(resource))
        {
            context.Succeed(requirement);
        }
    }
}
