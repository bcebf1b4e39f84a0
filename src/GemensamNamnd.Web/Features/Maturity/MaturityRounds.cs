using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>How a command went: done, refused (errors; 400 for bad input, 409 for a round in the wrong state), or not found.</summary>
public sealed record RoundOutcome(List<RoundError> Errors, bool StateConflict = false, bool NotFound = false, Guid? Id = null)
{
    public bool Ok => Errors.Count == 0 && !NotFound;

    public static RoundOutcome Done(Guid id) => new([], Id: id);

    public static RoundOutcome Missing() => new([], NotFound: true);

    public static RoundOutcome Refused(string field, string message, bool state = false) => new([new RoundError(field, message)], state);

    public int StatusCode => NotFound ? 404 : StateConflict ? 409 : 400;
}

/// <summary>
/// The round commands: create a draft, edit its questions, open, close (the e-strateg or an administrator), and a
/// party's answer. Every rule is <see cref="RoundRules"/>; nothing is stored when one refuses. Changes are audited by
/// the audit interceptor.
/// </summary>
public sealed class MaturityRounds(AppDbContext db, TimeProvider clock, CurrentUser currentUser)
{
    public const string ConcurrencyMessage = "Omgången har ändrats av någon annan. Ladda om sidan och försök igen.";

    public async Task<RoundOutcome> CreateAsync(int year, DateOnly? closesOn, CancellationToken ct)
    {
        var errors = RoundRules.CheckRound(year, closesOn, DefaultDimensions.All);
        if (errors.Count > 0)
        {
            return new RoundOutcome(errors);
        }

        if (await db.MaturityRounds.AnyAsync(r => r.Year == year, ct))
        {
            return RoundOutcome.Refused("Year", $"Det finns redan en omgång för {year}.");
        }

        var round = MaturityRound.Draft(year, closesOn!.Value);
        db.MaturityRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return RoundOutcome.Done(round.Id);
    }

    public async Task<RoundOutcome> EditAsync(Guid id, Guid version, DateOnly? closesOn, IReadOnlyList<DimensionText> dimensions, CancellationToken ct)
    {
        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return RoundOutcome.Missing();
        }

        if (RoundRules.WhyNotEditQuestions(round.Status) is { } why)
        {
            return RoundOutcome.Refused(string.Empty, why, state: true);
        }

        var errors = RoundRules.CheckRound(round.Year, closesOn, dimensions);
        if (errors.Count > 0)
        {
            return new RoundOutcome(errors);
        }

        round.ClosesOn = closesOn!.Value;
        round.Dimensions = [.. dimensions.Select(RoundDimension.From)];
        return await SaveAsync(round, version, ct);
    }

    public async Task<RoundOutcome> OpenAsync(Guid id, Guid version, CancellationToken ct)
    {
        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return RoundOutcome.Missing();
        }

        if (RoundRules.WhyNotOpen(round.Status, round.ClosesOn, round.Dimensions.Count, Swedish.Today(clock)) is { } why)
        {
            return RoundOutcome.Refused(string.Empty, why, state: round.Status != RoundStatus.Draft);
        }

        round.Status = RoundStatus.Open;
        round.OpenedAt = clock.GetUtcNow();
        return await SaveAsync(round, version, ct);
    }

    public async Task<RoundOutcome> CloseAsync(Guid id, Guid version, CancellationToken ct)
    {
        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return RoundOutcome.Missing();
        }

        if (RoundRules.WhyNotClose(round.Status) is { } why)
        {
            return RoundOutcome.Refused(string.Empty, why, state: true);
        }

        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.GetUtcNow();
        return await SaveAsync(round, version, ct);
    }

    /// <summary>The current party's answer (the context is scoped to the party): created or replaced while the round is open.</summary>
    public async Task<RoundOutcome> AnswerAsync(Guid roundId, IReadOnlyList<DimensionAnswer> answers, CancellationToken ct)
    {
        var round = await db.MaturityRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return RoundOutcome.Missing();
        }

        if (RoundRules.WhyNotAnswer(round.Status, round.ClosesOn, Swedish.Today(clock)) is { } why)
        {
            return RoundOutcome.Refused(string.Empty, why, state: true);
        }

        var errors = RoundRules.CheckAnswers(round.Texts, answers);
        if (errors.Count > 0)
        {
            return new RoundOutcome(errors);
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
            return RoundOutcome.Refused(string.Empty, "Parten har just lämnat ett svar. Ladda om sidan och försök igen.", state: true);
        }

        return RoundOutcome.Done(answer.Id);
    }

    private async Task<RoundOutcome> SaveAsync(MaturityRound round, Guid version, CancellationToken ct)
    {
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RoundOutcome.Refused(string.Empty, ConcurrencyMessage, state: true);
        }

        return RoundOutcome.Done(round.Id);
    }
}
