using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Tests.Requests;

/// <summary>One request, many controllers: one case per controller, common time of receipt (EDPB 01/2022 §55, §159).</summary>
public class IntakeRulesTests
{
    private static readonly Guid A = Guid.Parse("0193a000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0193a000-0000-7000-8000-00000000000b");
    private static readonly Guid C = Guid.Parse("0193a000-0000-7000-8000-00000000000c");

    [Fact]
    public void WhyNot_OneControllerOrADistinctList_IsFine()
    {
        Assert.Null(IntakeRules.WhyNot(A, null));
        Assert.Null(IntakeRules.WhyNot(null, [A, B, C]));
        Assert.Equal([A, B, C], IntakeRules.Controllers(null, [A, B, C]));
        Assert.Equal([A], IntakeRules.Controllers(A, null));
    }

    [Fact]
    public void WhyNot_BothOrNeither_IsRefused()
    {
        Assert.Contains("inte båda", IntakeRules.WhyNot(A, [B]));
        Assert.Equal("Välj vilken nämnd eller vilket bolag begäran gäller.", IntakeRules.WhyNot(null, null));
    }

    [Fact]
    public void WhyNot_EmptyList_IsRefused()
    {
        Assert.Equal("Välj minst en nämnd eller ett bolag som begäran gäller.", IntakeRules.WhyNot(null, []));
    }

    [Fact]
    public void WhyNot_SameControllerTwice_IsRefused_EachControllerGetsOneCase()
    {
        Assert.Contains("två gånger", IntakeRules.WhyNot(null, [A, B, A]));
    }

    [Fact]
    public void WhyNot_EmptyGuidOrTooMany_IsRefused()
    {
        Assert.NotNull(IntakeRules.WhyNot(null, [A, Guid.Empty]));
        var many = Enumerable.Range(0, IntakeRules.MaxControllers + 1).Select(_ => Guid.NewGuid()).ToList();
        Assert.Contains("Högst", IntakeRules.WhyNot(null, many));
        Assert.Null(IntakeRules.WhyNot(null, many.Take(IntakeRules.MaxControllers).ToList()));
    }

    [Fact]
    public void CommonReceipt_ForwardingLater_KeepsTheAuthoritysTimeOfReceipt()
    {
        var received = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(received, IntakeRules.CommonReceipt(received, received.AddDays(6)));
        Assert.Equal(received, IntakeRules.CommonReceipt(received, null));
        // Reached another channel of the authority first: that earlier time counts (§55).
        Assert.Equal(received.AddHours(-2), IntakeRules.CommonReceipt(received, received.AddHours(-2)));
    }
}
