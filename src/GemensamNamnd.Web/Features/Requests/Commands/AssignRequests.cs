using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Bulk assign from the list ("Tilldela markerade"): every marked case to one officer, each through
/// <see cref="AssignRequest"/> (its rules, its timeline line, one audited change per case), all or none. A case the user
/// may not open — another party's, or one with skyddad identitet — is not found, and then nothing is changed.
/// </summary>
public sealed class AssignRequests(AppDbContext db, RequestViewers viewers, RequestOfficers officers, AssignRequest assign)
{
    /// <summary>Most cases one bulk assign takes: a page of the list.</summary>
    public const int MaxCases = IndexModel.PageSize;

    /// <summary>The number of cases assigned (those already with the officer count too).</summary>
    public async Task<CommandResult<int>> RunAsync(IReadOnlyCollection<Guid>? ids, Guid? officerId, CancellationToken cancellationToken = default)
    {
        var distinct = (ids ?? []).Where(id => id != Guid.Empty).Distinct().ToList();

        // A marked case the user may not open (another party's, a protected one) does not exist for them: 404 first.
        var viewer = await viewers.CurrentAsync(cancellationToken);
        var cases = distinct.Count is 0 or > MaxCases ? [] : await db.Requests.AsNoTracking().OpenTo(viewer).Where(r => distinct.Contains(r.Id))
            .Select(r => new { r.Id, r.Version, r.CaseNumber, r.Status }).ToListAsync(cancellationToken);
        if (distinct.Count is > 0 and <= MaxCases && cases.Count != distinct.Count)
        {
            return CommandResult<int>.NotFound();
        }

        var errors = new List<Error>();
        if (distinct.Count == 0)
        {
            errors.Add(new Error("Ids", "Markera minst ett ärende att tilldela."));
        }
        else if (distinct.Count > MaxCases)
        {
            errors.Add(new Error("Ids", $"Markera högst {MaxCases} ärenden åt gången."));
        }

        if (officerId is null)
        {
            errors.Add(new Error("OfficerId", "Välj den handläggare som de markerade ärendena ska tilldelas."));
        }
        else if ((await officers.ListAsync(cancellationToken)).All(o => o.Id != officerId))
        {
            errors.Add(new Error("OfficerId", "Välj en handläggare eller ett dataskyddsombud hos parten."));
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid(errors);
        }

        var closed = cases.Where(c => RequestStatusRules.IsClosed(c.Status)).Select(c => c.CaseNumber).Order(StringComparer.Ordinal).ToList();
        if (closed.Count > 0)
        {
            return CommandResult<int>.Invalid("Ids", $"Avslutade ärenden kan inte tilldelas: {string.Join(", ", closed)}. Avmarkera dem och försök igen.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var c in cases.OrderBy(c => c.CaseNumber, StringComparer.Ordinal))
        {
            var result = await assign.RunAsync(c.Id, c.Version, officerId, cancellationToken);
            if (!result.Ok)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result.Status == CommandStatus.Invalid
                    ? CommandResult<int>.Invalid(result.Errors.Select(e => e with { Message = $"{c.CaseNumber}: {e.Message}" }))
                    : result.Fail<int>();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done(cases.Count);
    }
}
