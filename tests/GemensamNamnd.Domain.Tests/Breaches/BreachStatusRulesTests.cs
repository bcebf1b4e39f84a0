using GemensamNamnd.Domain.Breaches;

namespace GemensamNamnd.Domain.Tests.Breaches;

public class BreachStatusRulesTests
{
    // Art. 33(5): assessed before closing; Art. 33(1): report after assessment; Art. 33(4): supplements after the report.
    private static readonly BreachStatus[] Order =
        [BreachStatus.Registered, BreachStatus.Assessed, BreachStatus.ReportedToImy, BreachStatus.Supplemented, BreachStatus.Closed];

    private static readonly string[] Table =
    [
        //                   to: Reg Ass Rep Sup Clo
        /* Registered    */ "     .   X   .   .   .",
        /* Assessed      */ "     .   X   X   .   X",
        /* ReportedToImy */ "     .   .   .   X   X",
        /* Supplemented  */ "     .   .   .   X   X",
        /* Closed        */ "     .   .   .   .   .",
    ];

    public static TheoryData<BreachStatus, BreachStatus, bool> EveryPair()
    {
        var data = new TheoryData<BreachStatus, BreachStatus, bool>();
        for (var row = 0; row < Order.Length; row++)
        {
            var cells = Table[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var column = 0; column < Order.Length; column++)
            {
                data.Add(Order[row], Order[column], cells[column] == "X");
            }
        }

        return data;
    }

    [Fact]
    public void Table_CoversEveryStatus() => Assert.Equal(Enum.GetValues<BreachStatus>(), Order);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanMove_EveryPair_MatchesTable(BreachStatus from, BreachStatus to, bool allowed)
    {
        Assert.Equal(allowed, BreachStatusRules.CanMove(from, to));
        Assert.Equal(allowed, BreachStatusRules.WhyNot(from, to) is null);
    }

    [Theory]
    [InlineData(BreachStatus.Registered, BreachStatus.ReportedToImy, "Incidenten ska först riskbedömas och beslut fattas om anmälan (art. 33.1 och 33.5).")]
    [InlineData(BreachStatus.Registered, BreachStatus.Closed, "Incidenten ska först riskbedömas och beslut fattas om anmälan (art. 33.1 och 33.5).")]
    [InlineData(BreachStatus.Assessed, BreachStatus.Supplemented, "Bara en incident som är anmäld till IMY kan kompletteras (art. 33.4).")]
    [InlineData(BreachStatus.ReportedToImy, BreachStatus.Assessed, "Bedömningen kan inte ändras efter anmälan till IMY; lämna en komplettering i stället (art. 33.4).")]
    [InlineData(BreachStatus.Supplemented, BreachStatus.ReportedToImy, "Incidenten är redan anmäld till IMY; lämna en komplettering i stället (art. 33.4).")]
    [InlineData(BreachStatus.Closed, BreachStatus.Assessed, "En avslutad incident kan inte ändras.")]
    [InlineData(BreachStatus.Registered, BreachStatus.Registered, "Från Registrerad kan incidenten gå till: Bedömd.")]
    public void WhyNot_Disallowed_ExplainsInSwedish(BreachStatus from, BreachStatus to, string expected) =>
        Assert.Equal(expected, BreachStatusRules.WhyNot(from, to));

    [Theory]
    [InlineData(BreachStatus.Registered, true)]
    [InlineData(BreachStatus.Assessed, true)]
    [InlineData(BreachStatus.ReportedToImy, false)]
    [InlineData(BreachStatus.Supplemented, false)]
    [InlineData(BreachStatus.Closed, false)]
    public void CanAssess_OnlyBeforeTheReport(BreachStatus status, bool expected) =>
        Assert.Equal(expected, BreachStatusRules.CanAssess(status));

    [Fact]
    public void Names_AreSwedish_AndUndefinedThrows()
    {
        Assert.Equal(["Registrerad", "Bedömd", "Anmäld till IMY", "Kompletterad", "Avslutad"], Order.Select(s => s.Swedish()));
        Assert.Throws<ArgumentOutOfRangeException>(() => BreachStatusRules.Next((BreachStatus)99));
        Assert.All(Enum.GetValues<BreachCause>(), c => Assert.False(string.IsNullOrEmpty(c.Swedish())));
        Assert.All(Enum.GetValues<SubjectGroup>(), g => Assert.False(string.IsNullOrEmpty(g.Swedish())));
        Assert.All(BreachNames.Each((DataKinds)511), k => Assert.False(string.IsNullOrEmpty(k.Swedish())));
        Assert.Equal("Konfidentialitet, Tillgänglighet", (BreachTypes.Confidentiality | BreachTypes.Availability).SwedishList());
    }
}
