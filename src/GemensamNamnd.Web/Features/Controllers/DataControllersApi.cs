using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Controllers;

/// <summary>/api/v1/{tenant}/controllers: the party's personuppgiftsansvariga (nämnder and bolag).</summary>
public static class DataControllersApi
{
    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/controllers").WithTags("Personuppgiftsansvariga");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListControllers");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetController");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("CreateController");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("UpdateController");
    }

    private static async Task<Ok<List<DataControllerDto>>> ListAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.DataControllers.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new DataControllerDto(c.Id, c.Name, c.Kind, c.OrganisationNumber, c.IsActive, c.Version)).ToListAsync(ct));

    private static async Task<Results<Ok<DataControllerDto>, NotFound>> GetAsync(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.DataControllers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(DataControllerDto.From(c))
            : TypedResults.NotFound();

    private static async Task<Results<Created<DataControllerDto>, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> CreateAsync(
        string tenant, DataControllerInput input, AppDbContext db, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte giltiga");
        }

        if (await db.DataControllers.AnyAsync(c => c.Name == input.Name!.Trim(), ct))
        {
            return NameTaken();
        }

        var controller = new DataController { Name = string.Empty };
        input.ApplyTo(controller);
        db.DataControllers.Add(controller);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/{tenant}/controllers/{controller.Id}", DataControllerDto.From(controller));
    }

    private static async Task<Results<Ok<DataControllerDto>, NotFound, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> UpdateAsync(
        Guid id, DataControllerUpdate update, AppDbContext db, CancellationToken ct)
    {
        var errors = update.Input.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Uppgifterna är inte giltiga");
        }

        var controller = await db.DataControllers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (controller is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.DataControllers.AnyAsync(c => c.Id != id && c.Name == update.Input.Name!.Trim(), ct))
        {
            return NameTaken();
        }

        // Optimistic concurrency: the client sends the version it read.
        db.Entry(controller).Property(c => c.Version).OriginalValue = update.Version;
        update.Input.ApplyTo(controller);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 409,
                Title = "Uppgiften har ändrats",
                Detail = "Uppgiften har ändrats av någon annan. Läs in den igen och gör ändringen på nytt.",
            });
        }

        return TypedResults.Ok(DataControllerDto.From(controller));
    }

    private static Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails> NameTaken() => TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = 409,
        Title = "Namnet används redan",
        Detail = "Det finns redan en personuppgiftsansvarig med det namnet hos parten.",
    });
}

/// <summary>An update carries the version the client read (optimistic concurrency).</summary>
public sealed record DataControllerUpdate(string? Name, DataControllerKind? Kind, string? OrganisationNumber, bool IsActive, Guid Version)
{
    public DataControllerInput Input => new(Name, Kind, OrganisationNumber, IsActive);
}
