using GemensamNamnd.Domain.Processing;

namespace GemensamNamnd.Domain.Tests.Processing;

public class ProcessingRulesTests
{
    [Theory]
    // Likelihood × severity, 1–4 each: 1–2 low, 3–4 medium, 6–8 high, 9–16 very high.
    [InlineData(1, 1, RiskGrade.Low)]
    [InlineData(1, 2, RiskGrade.Low)]
    [InlineData(1, 3, RiskGrade.Medium)]
    [InlineData(2, 2, RiskGrade.Medium)]
    [InlineData(1, 4, RiskGrade.Medium)]
    [InlineData(2, 3, RiskGrade.High)]
    [InlineData(2, 4, RiskGrade.High)]
    [InlineData(3, 3, RiskGrade.VeryHigh)]
    [InlineData(4, 4, RiskGrade.VeryHigh)]
    public void Matrix_PlacesTheProduct(int likelihood, int severity, RiskGrade grade) =>
        Assert.Equal(grade, RiskMatrix.Level(likelihood, severity));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 5)]
    public void Matrix_RefusesValuesOutsideOneToFour(int likelihood, int severity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMatrix.Level(likelihood, severity));

    [Theory]
    [InlineData(RiskGrade.Medium, false)]
    [InlineData(RiskGrade.High, true)]
    [InlineData(RiskGrade.VeryHigh, true)]
    public void PriorConsultation_WhenTheResidualRiskStaysHigh(RiskGrade residual, bool required) =>
        Assert.Equal(required, RiskMatrix.RequiresPriorConsultation(residual));

    [Fact]
    public void Screening_TwoCriteriaOrMore_RequiresAnAssessment()
    {
        Assert.False(DpiaScreening.Screen([], []).Required);
        Assert.False(DpiaScreening.Screen([Wp248Criterion.LargeScale], []).Required);
        var two = DpiaScreening.Screen([Wp248Criterion.LargeScale, Wp248Criterion.VulnerableSubjects], []);
        Assert.True(two.Required);
        Assert.Equal(2, two.CriteriaMet);
        Assert.Contains("2 av de nio kriterierna i IMY:s förteckning", two.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Screening_AMandatoryKind_RequiresAnAssessmentAlone()
    {
        var result = DpiaScreening.Screen([], [MandatoryDpiaKind.EmployeeMonitoring]);
        Assert.True(result.Required);
        Assert.Contains("IMY:s exempel", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Screening_CountsACriterionOnce() =>
        Assert.False(DpiaScreening.Screen([Wp248Criterion.LargeScale, Wp248Criterion.LargeScale], []).Required);

    [Fact]
    public void LegalBasis_HasExactlySixBasesAToF()
    {
        Assert.Equal(["art. 6.1 a", "art. 6.1 b", "art. 6.1 c", "art. 6.1 d", "art. 6.1 e", "art. 6.1 f"], Enum.GetValues<LegalBasis>().Select(b => b.Article()));
        Assert.Equal("art. 9.2 h", SpecialCategoryCondition.HealthAndSocialCare.Article());
    }
}

public class RecordIndicatorRulesTests
{
    [Fact]
    public void Records_ShareOverControllerActivities_AndOverRequiredAssessments()
    {
        var r = GemensamNamnd.Domain.Maturity.RecordIndicatorRules.Records(
        [
            new(false, true, true, true),
            new(false, false, true, false),
            new(false, true, false, false),
            new(true, false, true, true), // a processor's record: no basis of its own, but its required assessment counts
        ]);
        Assert.Equal(3, r.Activities);
        Assert.Equal(2.0 / 3, r.ShareWithLegalBasis!.Value, 6);
        Assert.Equal(3, r.DpiaRequired);
        Assert.Equal(2.0 / 3, r.ShareDpiaDone!.Value, 6);
        Assert.Null(GemensamNamnd.Domain.Maturity.RecordIndicatorRules.Records([]).ShareWithLegalBasis);
    }
}
