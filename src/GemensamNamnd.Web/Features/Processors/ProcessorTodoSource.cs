using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Features.Todo;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>
/// The processors register's part of the to-do list, for the party's DPO and administrator: a processor in use without an
/// agreement in force (Art. 28(3): processing by a processor is governed by a contract, so it is already due).
/// </summary>
public sealed class ProcessorTodoSource(ProcessorList processors) : ITodoSource
{
    public const string MissingAgreement = "processor.agreement";

    public async Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken)
    {
        if (!context.IsOversight)
        {
            return [];
        }

        var rows = await processors.BuildAsync(context.Today, cancellationToken);
        return [.. rows.Where(r => r.InUse && !AgreementRules.IsInForce(r.Status))
            .Select(r => context.AlreadyDue(MissingAgreement, r.Name, "Teckna personuppgiftsbiträdesavtal med biträdet (art. 28.3)", $"/{context.Party.Slug}/personuppgiftsbitraden"))];
    }
}
