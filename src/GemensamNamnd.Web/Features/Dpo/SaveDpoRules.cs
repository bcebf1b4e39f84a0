using System.Globalization;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Dpo;

/// <summary>
/// The committee's independence rules (global administrators): the conflicting roles (Art. 38(6)) and the minimum
/// share (Art. 38(2)), as typed into the form; nothing is stored on an error or when someone else saved in between.
/// </summary>
public sealed class SaveDpoRules(AppDbContext db)
{
    public async Task<CommandResult<DpoRules>> SaveAsync(string? conflictingRoles, string? minimumSharePercent, Guid version, CancellationToken ct)
    {
        var roles = DpoPersonInput.Lines(conflictingRoles).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new List<Error>();
        if (roles.Count > 100 || roles.Any(r => r.Length > DpoLimits.Role))
        {
            errors.Add(new Error("ConflictingRoles", $"Högst 100 roller, var och en högst {DpoLimits.Role} tecken."));
        }

        if (!int.TryParse(minimumSharePercent?.Trim().TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minimum) || !AllocationRules.IsValidShare(minimum))
        {
            errors.Add(new Error("MinimumSharePercent", "Minsta andel ska vara ett heltal från 1 till 100 %."));
        }

        if (CommandResult.RefuseIfAny<DpoRules>(errors) is { } refused)
        {
            return refused;
        }

        var rules = await db.DpoRules.FirstOrDefaultAsync(ct);
        if (rules is null)
        {
            rules = new DpoRules();
            db.DpoRules.Add(rules);
        }
        else
        {
            db.Entry(rules).Property(r => r.Version).OriginalValue = version;
        }

        rules.ConflictingRoles = roles;
        rules.MinimumSharePercent = minimum;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<DpoRules>.Conflict();
        }

        return CommandResult.Done(rules);
    }
}
