using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GemensamNamnd.Web.Features.Administration;

/// <summary>/api/v1/{party}/users: the party's administrator manages the party's own users and their roles there.</summary>
public static class PartyUsersApi
{
    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/users").WithTags("Användare").RequireAuthorization(Policies.PartyAdministrator);
        group.MapGet("/", ListAsync).WithName("ListPartyUsers");
        group.MapPost("/", InviteAsync).WithName("InvitePartyUser")
            .Produces<PartyUserIdDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPost("/roles", AddRoleAsync).WithName("AddPartyRole")
            .Produces<PartyUserIdDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/roles/remove", RemoveRoleAsync).WithName("RemovePartyRole")
            .Produces<PartyUserIdDto>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<PartyUserRow>>> ListAsync(PartyUsers users, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(ct));

    private static async Task<IResult> InviteAsync(string party, PartyInvitation body, PartyUsers users, CancellationToken ct) =>
        (await users.InviteAsync(body, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/{party}/users", new PartyUserIdDto(id)));

    private static async Task<IResult> AddRoleAsync(PartyRoleBody body, PartyUsers users, CancellationToken ct) =>
        (await users.AddRoleAsync(body.UserId ?? Guid.Empty, body.PartyRole, ct)).ToHttpResult(u => TypedResults.Ok(new PartyUserIdDto(u)));

    private static async Task<IResult> RemoveRoleAsync(PartyMembershipBody body, PartyUsers users, CancellationToken ct) =>
        (await users.RemoveRoleAsync(body.MembershipId ?? Guid.Empty, ct)).ToHttpResult(u => TypedResults.Ok(new PartyUserIdDto(u)));
}

public sealed record PartyUserIdDto(Guid UserId);

public sealed record PartyRoleBody(Guid? UserId, PartyRole? PartyRole);

public sealed record PartyMembershipBody(Guid? MembershipId);
