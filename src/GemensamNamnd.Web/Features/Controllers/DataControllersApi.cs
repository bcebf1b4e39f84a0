using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

/// <summary>/api/v1/{party}/controllers: the party's personuppgiftsansvariga (nämnder and bolag).</summary>
public static class DataControllersApi
{
    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/controllers").WithTags("Personuppgiftsansvariga");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListControllers");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetController");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("CreateController")
            .Produces<DataControllerDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("UpdateController")
            .Produces<DataControllerDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<DataControllerDto>>> ListAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.DataControllers.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new DataControllerDto(c.Id, c.Name, c.Kind, c.OrganisationNumber, c.IsActive, c.Version)).ToListAsync(ct));

    private static async Task<Results<Ok<DataControllerDto>, NotFound>> GetAsync(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.DataControllers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(DataControllerDto.From(c))
            : TypedResults.NotFound();

    private static async Task<IResult> CreateAsync(string party, DataControllerInput input, SaveDataController save, CancellationToken ct) =>
        (await save.SaveAsync(null, Guid.Empty, input, ct))
            .ToHttpResult(c => TypedResults.Created($"/api/v1/{party}/controllers/{c.Id}", DataControllerDto.From(c)));

    private static async Task<IResult> UpdateAsync(Guid id, DataControllerUpdate update, SaveDataController save, CancellationToken ct) =>
        (await save.SaveAsync(id, update.Version, update.Input, ct)).ToHttpResult(c => TypedResults.Ok(DataControllerDto.From(c)));
}

/// <summary>An update carries the version the client read (optimistic concurrency).</summary>
public sealed record DataControllerUpdate(string? Name, DataControllerKind? Kind, string? OrganisationNumber, bool IsActive, Guid Version)
{
    public DataControllerInput Input => new(Name, Kind, OrganisationNumber, IsActive);
}
