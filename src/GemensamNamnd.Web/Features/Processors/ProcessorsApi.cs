using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>One of the party's processors as the API lists it.</summary>
public sealed record ProcessorDto(Guid SupplierId, string Name, string Country, bool InUse, string Status, string StatusText, Guid? AgreementId, DateOnly? ValidTo, int PendingNotices)
{
    public static ProcessorDto From(ProcessorRow r) =>
        new(r.SupplierId, r.Name, r.Country, r.InUse, r.Status.ToString(), r.Status.Swedish(), r.Current?.Id, r.Current?.ValidTo, r.PendingNotices);
}

/// <summary>A processor agreement as the API returns it.</summary>
public sealed record AgreementDto(
    Guid Id, Guid SupplierId, IReadOnlyList<Guid> ControllerIds, DateOnly? SignedOn, DateOnly ValidFrom, DateOnly? ValidTo, string Status,
    AgreementStandard Standard, string? StandardNote, string? Instructions, IReadOnlyList<SubProcessor> SubProcessors,
    IReadOnlyList<AgreementAudit> Audits, IReadOnlyList<SubProcessorNotice> Notices, Guid Version)
{
    public static AgreementDto From(ProcessorAgreement a, DateOnly today) =>
        new(a.Id, a.SupplierId, a.ControllerIds, a.SignedOn, a.ValidFrom, a.ValidTo, AgreementRules.StatusOf(a.ValidFrom, a.ValidTo, today).ToString(),
            a.Standard, a.StandardNote, a.Instructions, a.SubProcessors, a.Audits, a.Notices, a.Version);
}

/// <summary>A new agreement as the API takes it (the lists may be left out).</summary>
public sealed record AgreementBody(
    Guid? SupplierId, IReadOnlyList<Guid>? ControllerIds, DateOnly? SignedOn, DateOnly? ValidFrom, DateOnly? ValidTo, AgreementStandard? Standard,
    string? StandardNote, string? Instructions, IReadOnlyList<SubProcessor>? SubProcessors, IReadOnlyList<AgreementAudit>? Audits,
    IReadOnlyList<SubProcessorNotice>? Notices)
{
    public AgreementInput ToInput() => new(SupplierId, ControllerIds ?? [], SignedOn, ValidFrom, ValidTo, Standard, StandardNote, Instructions,
        SubProcessors ?? [], Audits ?? [], Notices ?? []);
}

/// <summary>/api/v1/{party}/processors: the party's processors with agreement status, and its agreements.</summary>
public static class ProcessorsApi
{
    public static void Map(RouteGroupBuilder party)
    {
        var group = party.MapGroup("/processors").WithTags("Personuppgiftsbiträden");
        group.MapGet("", ListAsync).RequireAuthorization(Policies.PartyMember).WithName("ListProcessors")
            .WithSummary("Partens personuppgiftsbiträden (leverantörer av system i bruk och de med avtal) med avtalsstatus: InForce, EndingSoon (inom 90 dagar), Expired, Missing");
        group.MapGet("/agreements/{id:guid}", GetAsync).RequireAuthorization(Policies.PartyMember).WithName("GetProcessorAgreement");
        group.MapPost("/agreements", CreateAsync).RequireAuthorization(Policies.PartyOversight).WithName("CreateProcessorAgreement")
            .Produces<AgreementDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Nytt personuppgiftsbiträdesavtal: leverantör, personuppgiftsansvariga, giltighet (slut tidigast vid start), mall, underbiträden, granskningar, meddelanden");
    }

    private static async Task<Ok<List<ProcessorDto>>> ListAsync(ProcessorList list, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await list.BuildAsync(Swedish.Today(clock), ct)).Select(ProcessorDto.From).ToList());

    private static async Task<Results<Ok<AgreementDto>, NotFound>> GetAsync(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.ProcessorAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? TypedResults.Ok(AgreementDto.From(a, Swedish.Today(clock)))
            : TypedResults.NotFound();

    private static async Task<IResult> CreateAsync(string party, AgreementBody body, SaveAgreement save, TimeProvider clock, CancellationToken ct) =>
        (await save.SaveAsync(null, null, body.ToInput(), ct))
            .ToHttpResult(a => TypedResults.Created($"/api/v1/{party}/processors/agreements/{a.Id}", AgreementDto.From(a, Swedish.Today(clock))));
}
