using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Maturity;

/// <summary>
/// A self-assessment round, committee-wide (global, like the parties): one per year, opened by the e-strateg or an
/// administrator for all parties. The questions change only while it is a draft; a closed round is frozen
/// (<see cref="RoundRules"/>).
/// </summary>
public sealed class MaturityRound : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int Year { get; set; }

    /// <summary>The last day (Swedish calendar) on which a party may answer.</summary>
    public DateOnly ClosesOn { get; set; }

    public RoundStatus Status { get; set; } = RoundStatus.Draft;

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<RoundDimension> Dimensions { get; set; } = [];

    public Guid Version { get; set; }

    public IReadOnlyList<DimensionText> Texts => [.. Dimensions.Select(d => d.Text)];

    /// <summary>A draft round with the six default dimensions.</summary>
    public static MaturityRound Draft(int year, DateOnly closesOn) => new()
    {
        Year = year,
        ClosesOn = closesOn,
        Dimensions = [.. DefaultDimensions.All.Select(RoundDimension.From)],
    };
}

/// <summary>One question of a round, with what each level 1–5 means (stored in the round's JSON).</summary>
public sealed class RoundDimension
{
    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Question { get; set; }

    public string Level1 { get; set; } = string.Empty;

    public string Level2 { get; set; } = string.Empty;

    public string Level3 { get; set; } = string.Empty;

    public string Level4 { get; set; } = string.Empty;

    public string Level5 { get; set; } = string.Empty;

    public IReadOnlyList<string> Levels => [Level1, Level2, Level3, Level4, Level5];

    public DimensionText Text => new(Key, Title, Question, Levels);

    public static RoundDimension From(DimensionText t) => new()
    {
        Key = t.Key,
        Title = t.Title,
        Question = t.Question,
        Level1 = t.Levels.ElementAtOrDefault(0) ?? string.Empty,
        Level2 = t.Levels.ElementAtOrDefault(1) ?? string.Empty,
        Level3 = t.Levels.ElementAtOrDefault(2) ?? string.Empty,
        Level4 = t.Levels.ElementAtOrDefault(3) ?? string.Empty,
        Level5 = t.Levels.ElementAtOrDefault(4) ?? string.Empty,
    };
}

/// <summary>
/// A party's answer to a round: a level 1–5 and a short justification per dimension. Party-owned: other parties and the
/// committee see only the levels (through <see cref="MaturityCrossParty"/>), never the justifications.
/// </summary>
public sealed class MaturityAnswer : IPartyOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid RoundId { get; set; }

    public List<AnswerItem> Items { get; set; } = [];

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The AppUser who answered last.</summary>
    public Guid? SubmittedBy { get; set; }

    public Guid Version { get; set; }
}

/// <summary>One dimension's answer (stored in the answer's JSON).</summary>
public sealed class AnswerItem
{
    public required string Key { get; set; }

    public int Level { get; set; }

    public required string Justification { get; set; }
}

internal sealed class MaturityRoundConfiguration : IEntityTypeConfiguration<MaturityRound>
{
    public void Configure(EntityTypeBuilder<MaturityRound> b)
    {
        b.ToTable("maturity_rounds");
        b.Ignore(r => r.Texts);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.OwnsMany(r => r.Dimensions, d =>
        {
            d.ToJson();
            d.Ignore(x => x.Levels);
            d.Ignore(x => x.Text);
        });
        // One round a year: the comparison and the trend are by year.
        b.HasIndex(r => r.Year).IsUnique();
        b.HasIndex(r => new { r.Status, r.ClosesOn });
    }
}

internal sealed class MaturityAnswerConfiguration : IEntityTypeConfiguration<MaturityAnswer>
{
    public void Configure(EntityTypeBuilder<MaturityAnswer> b)
    {
        b.ToTable("maturity_answers");
        b.Property(a => a.Version).IsConcurrencyToken();
        b.OwnsMany(a => a.Items, i => i.ToJson());
        b.HasOne<MaturityRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        // PartyId leads: one answer per party and round.
        b.HasIndex(a => new { a.PartyId, a.RoundId }).IsUnique();
        // The cross-party read of a round's answers (owner connection, CrossParty only).
        b.HasIndex(a => a.RoundId);
    }
}
