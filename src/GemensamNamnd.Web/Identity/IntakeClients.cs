using System.Security.Claims;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;

namespace GemensamNamnd.Web.Identity;

/// <summary>
/// A party's own system registering cases with an Entra client-credentials token — an e-tjänst submitting requests, a
/// detection system (SIEM, DLP) submitting breaches: an application token (no <c>scp</c>) carrying the register's app
/// role (<see cref="Requests"/>, <see cref="Breaches"/>), whose client id (<c>azp</c>, or <c>appid</c> in v1 tokens) the
/// global administrator has mapped to exactly one party (<see cref="PartySettings.IntakeClientIds"/>). The role alone is
/// not enough: without the mapping a system of one party could register cases at another; the mapping alone is not
/// enough either: an e-tjänst for requests cannot register breaches.
/// </summary>
public static class IntakeClients
{
    /// <summary>App role of an e-tjänst that submits data subject requests.</summary>
    public const string Requests = "Intake.Requests";

    /// <summary>App role of a system that submits personal data breaches it has detected.</summary>
    public const string Breaches = "Intake.Breaches";

    /// <summary>The system's client id when <paramref name="user"/> is an application token with <paramref name="appRole"/>; else null.</summary>
    public static Guid? ClientId(ClaimsPrincipal user, string appRole)
    {
        if (user.HasClaim(c => c.Type is "scp" or "http://schemas.microsoft.com/identity/claims/scope"))
        {
            return null;
        }

        var hasRole = user.Claims.Any(c => c.Type is "roles" or ClaimTypes.Role && c.Value == appRole);
        var client = user.FindFirstValue("azp") ?? user.FindFirstValue("appid");
        return hasRole && Guid.TryParse(client, out var id) ? id : null;
    }

    /// <summary>The client id of a system with <paramref name="appRole"/> mapped to the route's party, or null.</summary>
    public static Guid? MappedClientId(ClaimsPrincipal user, Party? party, string appRole) =>
        party is not null && ClientId(user, appRole) is { } id && party.Settings.IntakeClientIds.Contains(id) ? id : null;
}

/// <summary>An officer of the route's party, or the party's own system with the register's app role (<see cref="IntakeClients"/>).</summary>
public sealed record IntakeRequirement(string AppRole) : IAuthorizationRequirement;

public sealed class IntakeHandler(CurrentParty currentParty, CurrentUser currentUser) : AuthorizationHandler<IntakeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, IntakeRequirement requirement)
    {
        if (currentParty.Party is not { } party)
        {
            return;
        }

        if (IntakeClients.MappedClientId(context.User, party, requirement.AppRole) is not null)
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
