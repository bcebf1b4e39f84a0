using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// The round commands: create a draft, edit its questions, open, close (the e-strateg or an administrator), and a
/// party's answer. Every rule is <see cref="RoundRules"/>; nothing is stored when one refuses (invalid input, or a
/// conflict for a round in the wrong state). Each returns the id of the round or answer. Changes are audited by the
/// audit interceptor.
/// </summary>
public sealed class MaturityRounds(AppDbContext db, TimeProvider clock, CurrentUser currentUser)
{
    public async Task<CommandResult<Guid>> CreateAsync(int year, DateOnly? closesOn, CancellationToken ct)
    {
        var errors = RoundRules.CheckRound(year, closesOn, DefaultDimensions.All);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        if (await db.MaturityRounds.AnyAsync(r => r.Year == year, ct))
        {
            return CommandResult<Guid>.Invalid("Year", $"Det finns redan en omgång för {year}.");
        }

        var round = MaturityRound.Draft(year, closesOn!.Value);
        db.MaturityRounds.Add(round);
        return await db.TrySaveUniqueAsync(ct) ? CommandResult.Done(round.Id) : CommandResult<Guid>.Invalid("Year", $"Det finns redan en omgång för {year}.");
    }

    public async Task<CommandResult<Guid>> EditAsync(Guid id, Guid version, DateOnly? closesOn, IReadOnlyList<DimensionText> dimensions, CancellationToken ct)
    {
        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return CommandResult<Guid>.NotFound();
        }

        if (RoundRules.WhyNotEditQuestions(round.Status) is { } why)
        {
            return CommandResult<Guid>.Conflict(string.Empty, why);
        }

        var errors = RoundRules.CheckRound(round.Year, closesOn, dimensions);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        round.ClosesOn = closesOn!.Value;
        round.Dimensions = [.. dimensions.Select(RoundDimension.From)];
        return await SaveAsync(round, version, ct);
    }

    public async Task<CommandResult<Guid>> OpenAsync(Guid id, Guid version, CancellationToken ct)
    {
        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return CommandResult<Guid>.NotFound();
        }

        if (RoundRules.WhyNotOpen(round.Status, round.ClosesOn, round.Dimensions.Count, Swedish.Today(clock)) is { } why)
        {
            return round.Status == RoundStatus.Draft ? CommandResult<Guid>.Invalid(string.Empty, why) : CommandResult<Guid>.Conflict(string.Empty, why);
        }

        round.Status = RoundStatus.Open;
        round.OpenedAt = clock.GetUtcNow();
        return await SaveAsync(round, version, ct);
    }

    public async Task<CommandResult<Guid>> CloseAsync(Guid id, Guid version, CancellationToken ct)
    {
        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return CommandResult<Guid>.NotFound();
        }

        if (RoundRules.WhyNotClose(round.Status) is { } why)
        {
            return CommandResult<Guid>.Conflict(string.Empty, why);
        }

        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.GetUtcNow();
        return await SaveAsync(round, version, ct);
    }

    /// <summary>The current party's answer (the context is scoped to the party): created or replaced while the round is open.</summary>
    public async Task<CommandResult<Guid>> AnswerAsync(Guid roundId, IReadOnlyList<DimensionAnswer> answers, CancellationToken ct)
    {
        var round = await db.MaturityRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return CommandResult<Guid>.NotFound();
        }

        if (RoundRules.WhyNotAnswer(round.Status, round.ClosesOn, Swedish.Today(clock)) is { } why)
        {
            return CommandResult<Guid>.Conflict(string.Empty, why);
        }

        var errors = RoundRules.CheckAnswers(round.Texts, answers);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var answer = await db.MaturityAnswers.FirstOrDefaultAsync(a => a.RoundId == roundId, ct);
        if (answer is null)
        {
            answer = new MaturityAnswer { RoundId = roundId };
            db.MaturityAnswers.Add(answer);
        }

        answer.Items = [.. round.Dimensions.Select(d => answers.Single(a => a.Key == d.Key))
            .Select(a => new AnswerItem { Key = a.Key, Level = a.Level, Justification = a.Justification.Trim() })];
        answer.SubmittedAt = clock.GetUtcNow();
        answer.SubmittedBy = (await currentUser.GetAsync(ct))?.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<MaturityAnswer>().Any(e => e.State == EntityState.Added))
        {
            // Two people of the party answered at once: the unique (party, round) index kept one.
            return CommandResult<Guid>.Conflict(string.Empty, "Parten har just lämnat ett svar. Ladda om sidan och försök igen.");
        }

        return CommandResult.Done(answer.Id);
    }

    private async Task<CommandResult<Guid>> SaveAsync(MaturityRound round, Guid version, CancellationToken ct)
    {
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<Guid>.Conflict();
        }

        return CommandResult.Done(round.Id);
    }

    private static CommandResult<Guid> Invalid(List<RoundError> errors) => CommandResult<Guid>.Invalid(errors.Select(e => new Error(e.Field, e.Message)));
}
