using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// /api/v1/{party}/dpo: the party's DPO allocations, overview and persons as the party sees them;
/// /api/v1/dpo: the committee-wide persons (global administrators) and the matrix (e-strateg and administrators).
/// </summary>
public static class DpoApi
{
    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/dpo").WithTags("Dataskyddsombud");
        group.MapGet("/overview", OverviewAsync).RequireAuthorization(Policies.PartyMember).WithName("DpoOverview")
            .WithSummary("Dataskyddsombud per personuppgiftsansvarig, luckor, andelar och varningar en viss dag (date=ÅÅÅÅ-MM-DD, standard i dag)");
        group.MapGet("/allocations", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListDpoAllocations")
            .WithSummary("Partens uppdrag för dataskyddsombud, med slutdatum, IMY-datum och varningar");
        group.MapGet("/allocations/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetDpoAllocation");
        group.MapPost("/allocations", CreateAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("CreateDpoAllocation")
            .Produces<AllocationView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Nytt uppdrag: person, personuppgiftsansvariga, roll, andel 1–100 %, datum; överlapp nekas");
        group.MapPut("/allocations/{id:guid}", UpdateAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("UpdateDpoAllocation")
            .Produces<AllocationView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/persons/{id:guid}", PersonAsync).RequireAuthorization(Policies.PartyMember).WithName("GetPartyDpoPerson")
            .WithSummary("Ett av partens dataskyddsombud: kontaktuppgifter, andra roller, sammanlagd andel över tid (alla parter) och partens uppdrag");
        group.MapPut("/target", TargetAsync).RequireAuthorization(Policies.PartyAdministrator).WithName("SetDpoTarget")
            .Produces<DpoTarget>().ProducesValidationProblem()
            .WithSummary("Partens mål för andel av en heltid och en anteckning om budget");
    }

    public static void MapGlobal(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dpo").WithTags("Dataskyddsombud (nämnden)");
        group.MapGet("/persons", PersonsAsync).RequireAuthorization(Policies.EStrategist).WithName("ListDpoPersons");
        group.MapPost("/persons", CreatePersonAsync).RequireAuthorization(Policies.GlobalAdministrator).WithName("CreateDpoPerson")
            .Produces<DpoPersonDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPut("/persons/{id:guid}", UpdatePersonAsync).RequireAuthorization(Policies.GlobalAdministrator).WithName("UpdateDpoPerson")
            .Produces<DpoPersonDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/matrix", MatrixAsync).RequireAuthorization(Policies.EStrategist).WithName("DpoMatrix")
            .WithSummary("Parter × dataskyddsombud med andelar och varningar en viss dag (date=ÅÅÅÅ-MM-DD)");
        group.MapGet("/matrix.xlsx", MatrixExcelAsync).RequireAuthorization(Policies.EStrategist).WithName("DpoMatrixExcel")
            .WithSummary("Samma matris som Excel-fil");
    }

    private static async Task<Results<Ok<PartyDpoOverview>, ValidationProblem>> OverviewAsync(string? date, DpoRegister register, CancellationToken ct) =>
        DayOrToday(date, register.Today) is { } on
            ? TypedResults.Ok(await register.OverviewAsync(on, ct))
            : BadDate();

    private static async Task<Ok<List<AllocationView>>> ListAsync(DpoRegister register, CancellationToken ct) =>
        TypedResults.Ok((await register.OverviewAsync(register.Today, ct)).Allocations);

    private static async Task<Results<Ok<AllocationView>, NotFound>> GetAsync(Guid id, DpoRegister register, CancellationToken ct) =>
        (await register.OverviewAsync(register.Today, ct)).Allocations.FirstOrDefault(a => a.Id == id) is { } a
            ? TypedResults.Ok(a)
            : TypedResults.NotFound();

    private static async Task<IResult> CreateAsync(string party, AllocationInput input, DpoRegister register, CancellationToken ct)
    {
        var result = await register.SaveAllocationAsync(null, null, input, ct);
        if (!result.Ok)
        {
            return result.ToProblem();
        }

        var view = (await register.OverviewAsync(register.Today, ct)).Allocations.Single(a => a.Id == result.Value!.Id);
        return TypedResults.Created($"/api/v1/{party}/dpo/allocations/{view.Id}", view);
    }

    private static async Task<IResult> UpdateAsync(Guid id, AllocationUpdate update, DpoRegister register, CancellationToken ct)
    {
        var result = await register.SaveAllocationAsync(id, update.Version, update.Input, ct);
        return result.Ok
            ? TypedResults.Ok((await register.OverviewAsync(register.Today, ct)).Allocations.Single(a => a.Id == id))
            : result.ToProblem();
    }

    private static async Task<Results<Ok<PartyPersonView>, NotFound>> PersonAsync(Guid id, DpoRegister register, CancellationToken ct) =>
        await register.PersonAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<IResult> TargetAsync(DpoTarget body, DpoRegister register, CancellationToken ct) =>
        (await register.SaveTargetAsync(body.TargetPercent, body.BudgetNote, ct))
            .ToHttpResult(p => TypedResults.Ok(new DpoTarget(p.Settings.DpoTargetSharePercent, p.Settings.DpoBudgetNote)));

    private static async Task<Ok<List<DpoPersonDto>>> PersonsAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.DpoPersons.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new DpoPersonDto(p.Id, p.Name, p.WorkPhone, p.WorkEmail, p.EmployingPartyId, p.OtherRoles, p.IsActive, p.Version)).ToListAsync(ct));

    private static async Task<IResult> CreatePersonAsync(DpoPersonInput input, DpoRegister register, CancellationToken ct) =>
        (await register.SavePersonAsync(null, null, input, asGlobalAdministrator: true, ct))
            .ToHttpResult(p => TypedResults.Created($"/api/v1/dpo/persons/{p.Id}", DpoPersonDto.From(p)));

    private static async Task<IResult> UpdatePersonAsync(Guid id, DpoPersonUpdate update, DpoRegister register, CancellationToken ct) =>
        (await register.SavePersonAsync(id, update.Version, update.Input, asGlobalAdministrator: true, ct))
            .ToHttpResult(p => TypedResults.Ok(DpoPersonDto.From(p)));

    private static async Task<Results<Ok<MatrixDto>, ValidationProblem>> MatrixAsync(string? date, DpoMatrix matrix, TimeProvider clock, CancellationToken ct) =>
        DayOrToday(date, Swedish.Today(clock)) is { } on
            ? TypedResults.Ok(MatrixDto.From(await matrix.BuildAsync(on, ct)))
            : BadDate();

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> MatrixExcelAsync(string? date, DpoMatrix matrix, TimeProvider clock, CancellationToken ct) =>
        DayOrToday(date, Swedish.Today(clock)) is { } on
            ? TypedResults.File(DpoMatrix.ToExcel(await matrix.BuildAsync(on, ct)), Spreadsheet.XlsxContentType, MatrixFileName(on))
            : BadDate();

    public static string MatrixFileName(DateOnly on) => $"dataskyddsombud-{on.ToString("yyyy-MM-dd", Swedish.Culture)}.xlsx";

    /// <summary>
    /// The day asked for (ÅÅÅÅ-MM-DD, read by <see cref="FormValues"/>), or today when absent; null when unreadable or
    /// outside <see cref="FormValues.MinYear"/>…next year (year 9999 never reaches the date arithmetic).
    /// </summary>
    public static DateOnly? DayOrToday(string? text, DateOnly today) =>
        string.IsNullOrWhiteSpace(text) ? today
        : FormValues.Date(text) is { } day && FormValues.CheckRange("date", "Datum", day, today) is null ? day : null;

    private static ValidationProblem BadDate() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [$"Ange datum som ÅÅÅÅ-MM-DD, mellan år {FormValues.MinYear} och nästa år."] }, title: CommandMessages.InvalidTitle);
}

/// <summary>An update carries the version the client read (optimistic concurrency).</summary>
public sealed record AllocationUpdate(
    Guid? PersonId, DpoRole? Role, List<Guid>? ControllerIds, int? SharePercent, DateOnly? StartsOn, DateOnly? EndsOn,
    string? ReportsTo, ReportingLevel? ReportingLevel, DateOnly? ImyReportedOn, string? PublicWebPage, Guid? Version)
{
    public AllocationInput Input => new(PersonId, Role, ControllerIds, SharePercent, StartsOn, EndsOn, ReportsTo, ReportingLevel, ImyReportedOn, PublicWebPage);
}

public sealed record DpoPersonUpdate(string? Name, string? WorkPhone, string? WorkEmail, Guid? EmployingPartyId, List<string>? OtherRoles, bool IsActive, Guid? Version)
{
    public DpoPersonInput Input => new(Name, WorkPhone, WorkEmail, EmployingPartyId, OtherRoles, IsActive);
}

public sealed record DpoTarget(int? TargetPercent, string? BudgetNote);

public sealed record DpoPersonDto(Guid Id, string Name, string? WorkPhone, string? WorkEmail, Guid? EmployingPartyId, List<string> OtherRoles, bool IsActive, Guid Version)
{
    public static DpoPersonDto From(DpoPerson p) => new(p.Id, p.Name, p.WorkPhone, p.WorkEmail, p.EmployingPartyId, p.OtherRoles, p.IsActive, p.Version);
}

public sealed record MatrixCellDto(Guid PartyId, Guid PersonId, int TotalPercent, string Text, List<WarningView> Warnings);

public sealed record MatrixDto(DateOnly On, List<MatrixParty> Parties, List<MatrixPerson> Persons, List<MatrixCellDto> Cells)
{
    public static MatrixDto From(CommitteeMatrix m) =>
        new(m.On, m.Parties, m.Persons, [.. m.Cells.Select(c => new MatrixCellDto(c.PartyId, c.PersonId, c.TotalPercent, c.Text, c.Warnings))]);
}
