using GemensamNamnd.Domain.Breaches;

namespace GemensamNamnd.Domain.Tests.Breaches;

public class BreachRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset H(int hoursAgo) => Now.AddHours(-hoursAgo);

    private static List<string> Fields(IEnumerable<BreachRuleError> errors) => [.. errors.Select(e => e.Field)];

    [Fact]
    public void CheckTimes_InOrder_IsClean()
    {
        Assert.Empty(BreachRules.CheckTimes(new BreachTimes(H(50), H(40), H(30), H(29), H(20)), Now));
        Assert.Empty(BreachRules.CheckTimes(new BreachTimes(null, null, null, H(1), null), Now)); // unknown start is allowed
        Assert.Empty(BreachRules.CheckTimes(new BreachTimes(H(1), null, H(1), H(1), null), Now)); // all at the same instant
    }

    [Theory]
    [InlineData("aware before it happened", "AwareAt", "Parten kan inte ha fått kännedom om incidenten innan den inträffade.")]
    [InlineData("aware before discovered", "AwareAt", "Kännedomen kan inte ligga före upptäckten: parten får kännedom när eller efter att incidenten upptäcks.")]
    [InlineData("no awareness", "AwareAt", "Ange när parten fick kännedom om incidenten: då börjar 72-timmarsfristen (art. 33.1).")]
    [InlineData("aware in the future", "AwareAt", "Tidpunkten för kännedom kan inte ligga i framtiden.")]
    [InlineData("to before from", "OccurredTo", "Slutet av perioden då incidenten inträffade kan inte ligga före början.")]
    [InlineData("discovered before it happened", "DiscoveredAt", "Incidenten kan inte ha upptäckts innan den inträffade.")]
    [InlineData("ceased before it happened", "CeasedAt", "Incidenten kan inte ha upphört innan den inträffade.")]
    public void CheckTimes_OutOfOrder_RefusesInSwedish(string why, string field, string message)
    {
        var times = why switch
        {
            "aware before it happened" => new BreachTimes(H(10), null, null, H(11), null),
            "aware before discovered" => new BreachTimes(H(20), null, H(10), H(11), null),
            "no awareness" => new BreachTimes(H(20), null, H(10), null, null),
            "aware in the future" => new BreachTimes(null, null, null, Now.AddHours(1), null),
            "to before from" => new BreachTimes(H(10), H(11), null, H(5), null),
            "discovered before it happened" => new BreachTimes(H(10), null, H(12), H(12), null),
            _ => new BreachTimes(H(10), null, null, H(5), H(11)),
        };
        var errors = BreachRules.CheckTimes(times, Now);
        Assert.Contains(new BreachRuleError(field, message), errors);
    }

    [Fact]
    public void CheckTimes_AllowsFiveMinutesOfClockSkew()
    {
        Assert.Empty(BreachRules.CheckTimes(new BreachTimes(null, null, null, Now.AddMinutes(5), null), Now));
        Assert.NotEmpty(BreachRules.CheckTimes(new BreachTimes(null, null, null, Now.AddMinutes(6), null), Now));
    }

    public static TheoryData<BreachAssessment, string[]> Assessments() => new()
    {
        { new(RiskLevel.NoRisk, "Krypterad enhet.", false, "Ingen risk: data krypterade.", null, null), [] },
        { new(RiskLevel.NoRisk, "Osäkert.", true, null, null, null), [] }, // reporting a low risk anyway is allowed
        { new(RiskLevel.Risk, "Namn och adress.", true, null, false, null), [] },
        { new(RiskLevel.HighRisk, "Hälsouppgifter.", true, null, true, null), [] },
        { new(RiskLevel.HighRisk, "Hälsouppgifter.", true, null, false, "Art. 34.3 a: krypterat."), [] },
        // "not reportable" without reasoning (Art. 33(5))
        { new(RiskLevel.NoRisk, "Krypterad.", false, " ", null, null), ["NotReportableReason"] },
        // a risk must be reported (Art. 33(1))
        { new(RiskLevel.Risk, "Namn.", false, "Vill inte.", null, null), ["Reportable"] },
        { new(RiskLevel.HighRisk, "Hälsa.", false, "Vill inte.", true, null), ["Reportable"] },
        // high risk without an Art. 34 decision, or "no notice" without reasons
        { new(RiskLevel.HighRisk, "Hälsa.", true, null, null, null), ["SubjectNoticeRequired"] },
        { new(RiskLevel.HighRisk, "Hälsa.", true, null, false, ""), ["SubjectNoticeNotRequiredReason"] },
        // reasoning is required; risk and decision too
        { new(RiskLevel.Risk, "", true, null, null, null), ["RiskReasoning"] },
        { new(null, null, null, null, null, null), ["Risk", "RiskReasoning", "Reportable"] },
        { new((RiskLevel)9, "x", true, null, null, null), ["Risk"] },
    };

    [Theory]
    [MemberData(nameof(Assessments))]
    public void CheckAssessment_Vectors(BreachAssessment assessment, string[] fields)
    {
        var errors = BreachRules.CheckAssessment(assessment);
        Assert.Equal(fields, Fields(errors));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void CheckAssessment_TooLongText_IsRefused()
    {
        var errors = BreachRules.CheckAssessment(new(RiskLevel.Risk, new string('x', 4001), true, null, null, null));
        Assert.Equal(["RiskReasoning"], Fields(errors));
    }

    [Theory]
    // Art. 33(1): within 72 hours; later, with reasons for the delay. Never before awareness or in the future.
    [InlineData(0, null, new string[0])]
    [InlineData(72, null, new string[0])] // exactly 72 hours: on time
    [InlineData(73, null, new[] { "LateReason" })]
    [InlineData(73, "Helg och sjukdom.", new string[0])]
    [InlineData(-1, null, new[] { "ReportedAt" })] // reported before aware
    public void CheckReport_Vectors(int hoursAfterAware, string? lateReason, string[] fields)
    {
        var aware = Now.AddHours(-100);
        Assert.Equal(fields, Fields(BreachRules.CheckReport(aware, aware.AddHours(hoursAfterAware), lateReason, Now)));
    }

    [Fact]
    public void CheckReport_MissingOrFuture_IsRefused()
    {
        Assert.Equal(["ReportedAt"], Fields(BreachRules.CheckReport(H(10), null, null, Now)));
        Assert.Equal(["ReportedAt"], Fields(BreachRules.CheckReport(H(10), Now.AddHours(1), null, Now)));
    }
}
