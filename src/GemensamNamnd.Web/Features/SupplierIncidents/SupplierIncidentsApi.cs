using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.SupplierIncidents;

/// <summary>
/// Supplier incidents for integrations (e.g. the committee's incident intake): committee level, no party in the route,
/// the same people as the pages (<see cref="Policies.SupplierEditor"/>). Each party's progress is status only, read
/// through <see cref="SupplierIncidentParties.ProgressAsync"/>: never a case number or content.
/// </summary>
public static class SupplierIncidentsApi
{
    public static void MapGlobal(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/supplier-incidents").WithTags("Leverantörsincidenter (nämnden)").RequireAuthorization(Policies.SupplierEditor);
        group.MapGet("/", ListAsync).WithName("ListSupplierIncidents");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSupplierIncident").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RecordAsync).WithName("RecordSupplierIncident")
            .WithSummary("Registrerar en leverantörsincident och skapar ett utkast i varje berörd parts incidentregister")
            .Produces<SupplierIncidentDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPost("/{id:guid}/updates", UpdateAsync).WithName("PushSupplierIncidentUpdate")
            .WithSummary("Lägger leverantörens uppdatering i händelseloggen på varje utkast")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<SupplierIncidentSummaryDto>>> ListAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<SupplierIncident>().AsNoTracking().OrderByDescending(i => i.RecordedAt).Take(500)
            .Select(i => new SupplierIncidentSummaryDto(i.Id, i.SupplierId, i.Title, i.SupplierAwareAt, i.RecordedAt, i.PartyIds.Count)).ToListAsync(ct));

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, SupplierIncidentParties parties, CancellationToken ct) =>
        await db.Set<SupplierIncident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
            ? TypedResults.Ok(await SupplierIncidentDto.ReadAsync(incident, parties, ct))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Leverantörsincidenten finns inte.");

    private static async Task<IResult> RecordAsync(SupplierIncidentInput body, RecordSupplierIncident record, SupplierIncidentParties parties, CancellationToken ct)
    {
        var result = await record.RunAsync(body, ct);
        return result.Ok
            ? TypedResults.Created($"/api/v1/supplier-incidents/{result.Value!.Id}", await SupplierIncidentDto.ReadAsync(result.Value, parties, ct))
            : result.ToProblem();
    }

    private static async Task<IResult> UpdateAsync(Guid id, SupplierUpdateBody body, PushSupplierUpdate push, CancellationToken ct) =>
        (await push.RunAsync(id, body.Text, ct)).ToHttpResult(u => TypedResults.Ok(new SupplierUpdateDto(u.Id, u.At, u.Text)));
}

public sealed record SupplierUpdateBody(string? Text);

public sealed record SupplierUpdateDto(Guid Id, DateTimeOffset At, string Text);

public sealed record SupplierIncidentSummaryDto(Guid Id, Guid SupplierId, string Title, DateTimeOffset SupplierAwareAt, DateTimeOffset RecordedAt, int Parties);

/// <summary>One affected party's draft: its status and whether it is reported to IMY (null status: no draft yet).</summary>
public sealed record PartyProgressDto(Guid PartyId, BreachStatus? Status, bool ReportedToImy);

public sealed record SupplierIncidentDto(
    Guid Id, Guid SupplierId, string Title, string Description, DateTimeOffset SupplierAwareAt, DateTimeOffset PartiesToldAt,
    DateTimeOffset RecordedAt, IReadOnlyList<PartyProgressDto> Parties)
{
    public static async Task<SupplierIncidentDto> ReadAsync(SupplierIncident i, SupplierIncidentParties parties, CancellationToken ct) =>
        new(i.Id, i.SupplierId, i.Title, i.Description, i.SupplierAwareAt, i.PartiesToldAt, i.RecordedAt,
            [.. (await parties.ProgressAsync(i.Id, i.PartyIds, ct)).Select(p => new PartyProgressDto(p.PartyId, p.Status, p.Reported))]);
}
