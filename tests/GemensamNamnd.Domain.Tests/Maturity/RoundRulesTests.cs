using GemensamNamnd.Domain.Maturity;

namespace GemensamNamnd.Domain.Tests.Maturity;

public sealed class RoundRulesTests
{
    private static readonly DateOnly Closes = new(2026, 12, 15);

    [Fact]
    public void Answers_OnlyWhileOpen_AndUpToTheClosingDayInclusive()
    {
        Assert.Null(RoundRules.WhyNotAnswer(RoundStatus.Open, Closes, Closes));
        Assert.Null(RoundRules.WhyNotAnswer(RoundStatus.Open, Closes, Closes.AddDays(-30)));
        Assert.Contains("Sista svarsdagen var 15 december 2026", RoundRules.WhyNotAnswer(RoundStatus.Open, Closes, Closes.AddDays(1)), StringComparison.Ordinal);
        Assert.Contains("inte öppnad", RoundRules.WhyNotAnswer(RoundStatus.Draft, Closes, Closes.AddDays(-1)), StringComparison.Ordinal);
        Assert.Contains("stängd", RoundRules.WhyNotAnswer(RoundStatus.Closed, Closes, Closes.AddDays(-1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Questions_EditableOnlyInDraft_AndAClosedRoundIsFrozen()
    {
        Assert.Null(RoundRules.WhyNotEditQuestions(RoundStatus.Draft));
        Assert.NotNull(RoundRules.WhyNotEditQuestions(RoundStatus.Open));
        Assert.NotNull(RoundRules.WhyNotEditQuestions(RoundStatus.Closed));
        Assert.NotNull(RoundRules.WhyNotOpen(RoundStatus.Closed, Closes, 6, Closes.AddDays(-10)));
        Assert.NotNull(RoundRules.WhyNotClose(RoundStatus.Closed));
        Assert.Null(RoundRules.WhyNotClose(RoundStatus.Open));
    }

    [Fact]
    public void Open_NeedsADraft_AFutureClosingDay_AndQuestions()
    {
        Assert.Null(RoundRules.WhyNotOpen(RoundStatus.Draft, Closes, 6, Closes));
        Assert.NotNull(RoundRules.WhyNotOpen(RoundStatus.Draft, Closes, 6, Closes.AddDays(1)));
        Assert.NotNull(RoundRules.WhyNotOpen(RoundStatus.Draft, Closes, 0, Closes.AddDays(-1)));
        Assert.NotNull(RoundRules.WhyNotOpen(RoundStatus.Open, Closes, 6, Closes.AddDays(-1)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(-3, false)]
    public void Levels_AreOneToFive(int level, bool ok)
    {
        var dims = DefaultDimensions.All.Take(1).ToList();
        var errors = RoundRules.CheckAnswers(dims, [new DimensionAnswer(dims[0].Key, level, "Rutin finns.")]);
        Assert.Equal(ok, errors.Count == 0);
    }

    [Fact]
    public void Answers_NeedEveryDimension_AndAJustification()
    {
        var dims = DefaultDimensions.All;
        var errors = RoundRules.CheckAnswers(dims, [new DimensionAnswer("requests", 3, " ")]);
        Assert.Contains(errors, e => e.Field == "Justification_requests");
        Assert.Equal(dims.Count, errors.Count); // one for the blank justification, one per missing dimension
        Assert.Contains(RoundRules.CheckAnswers(dims.Take(1).ToList(), [new DimensionAnswer("requests", 3, "x"), new DimensionAnswer("okand", 3, "x")]), e => e.Field.Length == 0);
    }

    [Fact]
    public void DefaultDimensions_AreTheSixOfTheIssue_EachWithFiveLevels()
    {
        Assert.Equal(["requests", "incidents", "dpo", "training", "records", "resilience"], DefaultDimensions.All.Select(d => d.Key));
        Assert.Empty(RoundRules.CheckRound(2026, Closes, DefaultDimensions.All));
    }

    [Fact]
    public void CheckRound_RefusesBadYearMissingDateAndBlankLevels()
    {
        var bad = new DimensionText("x", "Rubrik", "Fråga?", ["1", "2", "", "4", "5"]);
        var errors = RoundRules.CheckRound(1999, null, [bad]);
        Assert.Contains(errors, e => e.Field == "Year");
        Assert.Contains(errors, e => e.Field == "ClosesOn");
        Assert.Contains(errors, e => e.Field == "Dimensions[0].Levels");
    }

    [Fact]
    public void MeanLevel_OfAnswers() => Assert.Equal(3.17, RoundRules.MeanLevel([3, 4, 2, 3, 4, 3])); // 19 / 6 = 3.1666…
}
