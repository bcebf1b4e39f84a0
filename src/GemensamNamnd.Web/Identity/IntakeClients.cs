using System.Security.Claims;
using GemensamNamnd.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace GemensamNamnd.Web.Identity;

/// <summary>
/// A party's e-tjänst registering requests with an Entra client-credentials token: an application token (no <c>scp</c>)
/// carrying the app role <see cref="AppRole"/>, whose client id (<c>azp</c>, or <c>appid</c> in v1 tokens) the global
/// administrator has mapped to exactly one party (<see cref="PartySettings.IntakeClientIds"/>). The role alone is not
/// enough: without the mapping an e-tjänst of one party could register cases at another.
/// </summary>
public static class IntakeClients
{
    public const string AppRole = "Intake.Requests";

    /// <summary>The e-tjänst's client id when <paramref name="user"/> is an application token with the intake role; else null.</summary>
    public static Guid? ClientId(ClaimsPrincipal user)
    {
        if (user.HasClaim(c => c.Type is "scp" or "http://schemas.microsoft.com/identity/claims/scope"))
        {
            return null;
        }

        var hasRole = user.Claims.Any(c => c.Type is "roles" or ClaimTypes.Role && c.Value == AppRole);
        var client = user.FindFirstValue("azp") ?? user.FindFirstValue("appid");
        return hasRole && Guid.TryParse(client, out var id) ? id : null;
    }

    /// <summary>The client id of an e-tjänst mapped to the route's party, or null.</summary>
    public static Guid? MappedClientId(ClaimsPrincipal user, Party? party) =>
        party is not null && ClientId(user) is { } id && party.Settings.IntakeClientIds.Contains(id) ? id : null;
}

/// <summary>An officer of the route's party, or the party's own e-tjänst (<see cref="IntakeClients"/>).</summary>
public sealed record IntakeRequirement : IAuthorizationRequirement;

public sealed class IntakeHandler(TenantContext tenant, CurrentUser currentUser) : AuthorizationHandler<IntakeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, IntakeRequirement requirement)
    {
        if (tenant.Party is not { } party)
        {
            return;
        }

        if (IntakeClients.MappedClientId(context.User, party) is not null)
        {
            context.Succeed(requirement);
            return;
        }

        var roles = await currentUser.RolesInAsync(party.Id);
        if (roles.Contains(PartyRole.Handlaggare) || roles.Contains(PartyRole.Dataskyddsombud))
        {
            context.Succeed(requirement);
        }
    }
}
