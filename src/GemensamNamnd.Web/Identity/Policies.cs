using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;

namespace GemensamNamnd.Web.Identity;

/// <summary>
/// Every page and endpoint names one of these (or is explicitly anonymous); a test enumerates the routing table to
/// prove it. Party policies check the membership in the party resolved from the route.
/// </summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string PartyMember = "PartyMember";
    public const string PartyOfficer = "PartyOfficer";
    public const string PartyDpo = "PartyDpo";
    public const string PartyAdministrator = "PartyAdministrator";

    /// <summary>The DPO and the party administrator: the audit trail and other oversight.</summary>
    public const string PartyOversight = "PartyOversight";

    /// <summary>Registering a request: the party's officers, or the party's e-tjänst with an app token (<see cref="IntakeClients"/>).</summary>
    public const string PartyRequestIntake = "PartyRequestIntake";

    /// <summary>Registering a breach: the party's officers, or the party's detection system with an app token.</summary>
    public const string PartyBreachIntake = "PartyBreachIntake";

    /// <summary>Editing the party's letter templates (issue 18): the party's DPO and administrator.</summary>
    public const string PartyLetterTemplates = "PartyLetterTemplates";

    /// <summary>Resource-based, on a request: the skyddad identitet rule (<see cref="Features.Requests.OpenRequestHandler"/>).</summary>
    public const string OpenRequest = "OpenRequest";
    public const string GlobalAdministrator = "GlobalAdministrator";
    public const string EStrategist = "EStrategist";

    /// <summary>
    /// Keeping the committee-wide supplier list (<c>/leverantorer</c>, Art. 28): a global administrator or the DPO of any
    /// party (the DPO is the one who meets the suppliers' agreements). Every signed-in user may read the list
    /// (<see cref="SignedIn"/>): a supplier holds no personal data, and what a party has agreed with it is party-owned.
    /// The same people record and follow supplier incidents (<c>/leverantorsincidenter</c>), committee-level data too.
    /// </summary>
    public const string SupplierEditor = "SupplierEditor";

    public static readonly IReadOnlySet<string> PartyPolicies = new HashSet<string>(StringComparer.Ordinal)
    {
        PartyMember, PartyOfficer, PartyDpo, PartyAdministrator, PartyOversight, PartyRequestIntake, PartyBreachIntake,
        PartyLetterTemplates,
    };

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().AddRequirements(new KnownUserRequirement()));
        options.AddPolicy(PartyMember, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRoleRequirement(PartyRole.Handlaggare, PartyRole.Dataskyddsombud, PartyRole.Administrator)));
        options.AddPolicy(PartyOfficer, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRoleRequirement(PartyRole.Handlaggare, PartyRole.Dataskyddsombud)));
        options.AddPolicy(PartyDpo, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRoleRequirement(PartyRole.Dataskyddsombud)));
        options.AddPolicy(PartyAdministrator, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRoleRequirement(PartyRole.Administrator)));
        options.AddPolicy(PartyOversight, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRoleRequirement(PartyRole.Dataskyddsombud, PartyRole.Administrator)));
        options.AddPolicy(PartyLetterTemplates, p => p.RequireAuthenticatedUser().AddRequirements(new PartyRoleRequirement(PartyRole.Dataskyddsombud, PartyRole.Administrator)));
        options.AddPolicy(PartyRequestIntake, p => p.RequireAuthenticatedUser().AddRequirements(new IntakeRequirement(IntakeClients.Requests)));
        options.AddPolicy(PartyBreachIntake, p => p.RequireAuthenticatedUser().AddRequirements(new IntakeRequirement(IntakeClients.Breaches)));
        options.AddPolicy(OpenRequest, p => p.RequireAuthenticatedUser().AddRequirements(new Features.Requests.OpenRequestRequirement()));
        options.AddPolicy(GlobalAdministrator, p => p.RequireAuthenticatedUser().AddRequirements(new GlobalRoleRequirement(GlobalRole.Administrator)));
        options.AddPolicy(EStrategist, p => p.RequireAuthenticatedUser().AddRequirements(new GlobalRoleRequirement(GlobalRole.EStrategist)));
        options.AddPolicy(SupplierEditor, p => p.RequireAuthenticatedUser().AddRequirements(new SupplierEditorRequirement()));

        // Anything that forgot to name a policy still requires a signed-in user; the routing-table test catches it too.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}

public sealed record PartyRoleRequirement(params PartyRole[] Roles) : IAuthorizationRequirement;

public enum GlobalRole
{
    Administrator,
    EStrategist,
}

public sealed record GlobalRoleRequirement(GlobalRole Role) : IAuthorizationRequirement;

public sealed record KnownUserRequirement : IAuthorizationRequirement;

/// <summary>Membership in the route's party with one of the roles; the party was resolved by <see cref="PartyResolutionMiddleware"/>.</summary>
public sealed class PartyRoleHandler(CurrentParty currentParty, CurrentUser currentUser) : AuthorizationHandler<PartyRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PartyRoleRequirement requirement)
    {
        if (currentParty.Party is not { } party)
        {
            return;
        }

        var roles = await currentUser.RolesInAsync(party.Id);
        if (requirement.Roles.Any(roles.Contains))
        {
            context.Succeed(requirement);
        }
    }
}

public sealed class GlobalRoleHandler(CurrentUser currentUser) : AuthorizationHandler<GlobalRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GlobalRoleRequirement requirement)
    {
        var user = await currentUser.GetAsync();
        var holds = requirement.Role switch
        {
            GlobalRole.Administrator => user?.IsGlobalAdministrator == true,
            GlobalRole.EStrategist => user?.IsEStrategist == true || user?.IsGlobalAdministrator == true,
            _ => false,
        };
        if (holds)
        {
            context.Succeed(requirement);
        }
    }
}

public sealed record SupplierEditorRequirement : IAuthorizationRequirement;

/// <summary>A global administrator, or a user who is <see cref="PartyRole.Dataskyddsombud"/> in at least one party.</summary>
public sealed class SupplierEditorHandler(CurrentUser currentUser) : AuthorizationHandler<SupplierEditorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SupplierEditorRequirement requirement)
    {
        var user = await currentUser.GetAsync();
        if (user is not null && (user.IsGlobalAdministrator || user.Memberships.Any(m => m.Role == PartyRole.Dataskyddsombud)))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A valid sign-in from a known Entra tenant is not enough: the person must be registered here.</summary>
public sealed class KnownUserHandler(CurrentUser currentUser) : AuthorizationHandler<KnownUserRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, KnownUserRequirement requirement)
    {
        if (await currentUser.GetAsync() is not null)
        {
            context.Succeed(requirement);
        }
    }
}
