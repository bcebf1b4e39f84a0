using System.Security.Claims;
using Microsoft.Identity.Web;

namespace GemensamNamnd.Web.Identity;

/// <summary>Who is acting, for the audit trail: the signed-in user, or a named system process.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private string? _system;

    public void UseSystem(string name) => _system = name;

    public string Id => _system ?? Describe(http.HttpContext?.User) ?? "anonym";

    public string DisplayName => _system ?? http.HttpContext?.User.FindFirstValue("name") ?? Id;

    private static string? Describe(ClaimsPrincipal? user)
    {
        var key = UserKey.From(user);
        return key is null ? null : $"{key.Value.PartyId}/{key.Value.ObjectId}";
    }
}

/// <summary>The stable key of a signed-in user: Entra <c>tid</c> + <c>oid</c>.</summary>
public readonly record struct UserKey(Guid PartyId, Guid ObjectId)
{
    public static UserKey? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return Guid.TryParse(user.GetTenantId(), out var tid) && Guid.TryParse(user.GetObjectId(), out var oid)
            ? new UserKey(tid, oid)
            : null;
    }
}
