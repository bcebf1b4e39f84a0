using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GemensamNamnd.Web.Features.Parties;

/// <summary>Who am I (<c>/api/v1/me</c>) and the party I am working in (<c>/api/v1/{party}</c>).</summary>
public static class PartyApi
{
    public sealed record MembershipDto(string Party, string Slug, string Role);

    public sealed record MeDto(string DisplayName, bool GlobalAdministrator, bool EStrategist, List<MembershipDto> Memberships);

    public sealed record PartyDto(Guid Id, string Slug, string Name, string Kind, string? OrganisationNumber, string CaseNumberPrefix, bool EvesAreHolidays, string RequestClockStart, List<string> MyRoles);

    public static void MapGlobal(RouteGroupBuilder api) =>
        api.MapGet("/me", async Task<Results<Ok<MeDto>, ForbidHttpResult>> (CurrentUser currentUser) =>
            await currentUser.GetAsync() is { } u
                ? TypedResults.Ok(new MeDto(u.DisplayName, u.IsGlobalAdministrator, u.IsEStrategist,
                    [.. u.Memberships.Select(m => new MembershipDto(m.Party!.Name, m.Party.Slug, m.Role.ToString()))]))
                : TypedResults.Forbid())
            .RequireAuthorization(Policies.SignedIn).WithTags("Konto").WithName("GetMe");

    public static void Map(RouteGroupBuilder party) =>
        party.MapGet("/", async (CurrentParty currentParty, CurrentUser currentUser) =>
        {
            var p = currentParty.Required;
            var roles = await currentUser.RolesInAsync(p.Id);
            return TypedResults.Ok(new PartyDto(p.Id, p.Slug, p.Name, p.Kind.ToString(), p.OrganisationNumber, p.Settings.CaseNumberPrefix,
                p.Settings.EvesAreHolidays, p.Settings.RequestClockStart.ToString(), [.. roles.Select(r => r.ToString())]));
        }).RequireAuthorization(Policies.PartyMember).WithTags("Part").WithName("GetParty");
}
