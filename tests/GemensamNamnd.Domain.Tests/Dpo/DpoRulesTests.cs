using GemensamNamnd.Domain.Dpo;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Dpo;

public class AllocationRulesTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid Social = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();

    private static AllocationFacts A(string start, string? end, DpoRole role = DpoRole.Ordinarie, Guid? person = null, params Guid[] controllers) =>
        new(Guid.NewGuid(), person ?? Person, role, controllers.Length == 0 ? [Social] : controllers, new DateSpan(D(start), end is null ? null : D(end)), 25);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(25, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(-5, false)]
    public void IsValidShare_OneToHundred(int share, bool valid) => Assert.Equal(valid, AllocationRules.IsValidShare(share));

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", true)]
    [InlineData("2026-01-01", "2026-01-01", true)] // one day
    [InlineData("2026-01-02", "2026-01-01", false)] // end before start
    [InlineData("2026-01-01", null, true)]
    public void DateSpan_IsValid_WhenEndNotBeforeStart(string start, string? end, bool valid) =>
        Assert.Equal(valid, new DateSpan(D(start), end is null ? null : D(end)).IsValid);

    [Theory]
    // Same person, role and controller: any shared day is an overlap; the last day counts.
    [InlineData("2026-01-01", "2026-06-30", "2026-06-30", "2026-12-31", true)]
    [InlineData("2026-01-01", "2026-06-30", "2026-07-01", "2026-12-31", false)]
    [InlineData("2026-01-01", null, "2030-01-01", null, true)]
    [InlineData("2026-03-01", "2026-03-31", "2026-01-01", null, true)]
    [InlineData("2026-03-01", "2026-03-31", "2026-04-01", null, false)]
    public void Overlapping_SamePersonRoleController(string s1, string? e1, string s2, string? e2, bool overlaps)
    {
        var existing = A(s1, e1);
        var candidate = A(s2, e2);
        Assert.Equal(overlaps, AllocationRules.Overlapping(candidate, [existing]).Count == 1);
    }

    [Fact]
    public void Overlapping_OtherRoleOrPersonOrController_IsNoOverlap()
    {
        var existing = A("2026-01-01", null);
        Assert.Empty(AllocationRules.Overlapping(A("2026-01-01", null, DpoRole.Ersattare), [existing]));
        Assert.Empty(AllocationRules.Overlapping(A("2026-01-01", null, person: Other), [existing]));
        Assert.Empty(AllocationRules.Overlapping(A("2026-01-01", null, DpoRole.Ordinarie, Person, School), [existing]));
        Assert.Single(AllocationRules.Overlapping(A("2026-01-01", null, DpoRole.Ordinarie, Person, School, Social), [existing]));
    }

    [Fact]
    public void Overlapping_AnEditDoesNotOverlapItself()
    {
        var existing = A("2026-01-01", null);
        Assert.Empty(AllocationRules.Overlapping(existing with { SharePercent = 50 }, [existing]));
    }
}

public class ShareTotalsTests
{
    private static (DateSpan, int) S(string start, string? end, int share) => (new DateSpan(D(start), end is null ? null : D(end)), share);

    [Fact]
    public void Timeline_SumsOverlappingAllocations_AndSplitsWhereTheSumChanges()
    {
        // The minutes' situation: one person at 25 % in four municipalities, a fifth from July.
        var timeline = ShareTotals.Timeline([
            S("2026-01-01", null, 25), S("2026-01-01", null, 25), S("2026-01-01", null, 25), S("2026-01-01", "2026-12-31", 25),
            S("2026-07-01", "2026-09-30", 25),
        ]);
        Assert.Equal(
            [new ShareSegment(new DateSpan(D("2026-01-01"), D("2026-06-30")), 100),
             new ShareSegment(new DateSpan(D("2026-07-01"), D("2026-09-30")), 125),
             new ShareSegment(new DateSpan(D("2026-10-01"), D("2026-12-31")), 100),
             new ShareSegment(new DateSpan(D("2027-01-01"), null), 75)],
            timeline);
        Assert.Equal(125, ShareTotals.On(timeline, D("2026-08-15")));
        Assert.Equal(0, ShareTotals.On(timeline, D("2025-12-31")));
        var error = Assert.Single(ShareTotals.OverAllocation(timeline));
        Assert.Equal(DpoWarningKind.OverAllocated, error.Kind);
        Assert.True(error.IsError);
        Assert.Equal("Sammanlagt 125 % av en heltidstjänst från 1 juli 2026 till 30 september 2026: mer än en heltid går inte att utföra (art. 38.2).", error.Text);
    }

    [Fact]
    public void Timeline_ExactlyHundred_IsNotOverAllocated_AndAGapBetweenIsLeftOut()
    {
        var timeline = ShareTotals.Timeline([S("2026-01-01", "2026-01-31", 60), S("2026-01-01", "2026-01-31", 40), S("2026-03-01", "2026-03-31", 10)]);
        Assert.Equal(2, timeline.Count);
        Assert.Equal(100, timeline[0].TotalPercent);
        Assert.Equal(new DateSpan(D("2026-03-01"), D("2026-03-31")), timeline[1].Span);
        Assert.Empty(ShareTotals.OverAllocation(timeline));
    }

    [Fact]
    public void Timeline_Empty_IsEmpty() => Assert.Empty(ShareTotals.Timeline([]));
}

public class CoverageGapsTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Social = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();

    private static AllocationFacts A(string start, string? end, DpoRole role, params Guid[] controllers) =>
        new(Guid.NewGuid(), Person, role, controllers, new DateSpan(D(start), end is null ? null : D(end)), 25);

    [Fact]
    public void Find_ControllerWithoutAnyAllocation_IsOneOpenGap()
    {
        var gap = Assert.Single(CoverageGaps.Find([School], [A("2026-01-01", null, DpoRole.Ordinarie, Social)], D("2026-11-23"), D("2027-11-23")));
        Assert.Equal(new CoverageGap(School, new DateSpan(D("2026-11-23"), null)), gap);
    }

    [Fact]
    public void Find_AllocationEndingWithNoSuccessor_IsAPlannedGap_AndAHoleBetweenTwoIsClosed()
    {
        var gaps = CoverageGaps.Find([Social], [
            A("2026-01-01", "2026-12-31", DpoRole.Ordinarie, Social),
            A("2027-02-01", "2027-06-30", DpoRole.Ordinarie, Social),
        ], D("2026-11-23"), D("2027-11-23"));
        Assert.Equal([
            new CoverageGap(Social, new DateSpan(D("2027-01-01"), D("2027-01-31"))),
            new CoverageGap(Social, new DateSpan(D("2027-07-01"), null)),
        ], gaps);
    }

    [Fact]
    public void Find_ADeputyAlone_DoesNotFillTheDesignation()
    {
        // Art. 37(1)(a) asks for a designated DPO; an ersättare stands in for one.
        var gaps = CoverageGaps.Find([Social], [A("2026-01-01", null, DpoRole.Ersattare, Social)], D("2026-11-23"), D("2027-11-23"));
        Assert.Single(gaps);
    }

    [Fact]
    public void Find_OpenEndedOrdinaryCover_HasNoGap_AndOverlappingCoversAreMerged()
    {
        Assert.Empty(CoverageGaps.Find([Social, School], [
            A("2025-01-01", "2026-12-31", DpoRole.Ordinarie, Social, School),
            A("2026-06-01", null, DpoRole.Ordinarie, Social, School),
        ], D("2026-11-23"), D("2027-11-23")));
    }

    [Fact]
    public void Find_CoverStartingLater_GapUntilTheDayBefore()
    {
        var gap = Assert.Single(CoverageGaps.Find([Social], [A("2027-01-15", null, DpoRole.Ordinarie, Social)], D("2026-11-23"), D("2027-11-23")));
        Assert.Equal(new DateSpan(D("2026-11-23"), D("2027-01-14")), gap.Span);
        Assert.Equal("Soc saknar ordinarie dataskyddsombud från 23 november 2026 till 14 januari 2027 (art. 37.1 a).", FollowUp.Gap("Soc", gap.Span).Text);
    }
}

public class IndependenceTests
{
    [Theory]
    // Art. 38(6): the committee's default list; case, spaces and hyphens do not matter.
    [InlineData("IT-chef", true)]
    [InlineData("it chef", true)]
    [InlineData("Biträdande IT-chef", true)]
    [InlineData("Kommunjurist", true)] // IMY reprimanded a region whose DPO was also its lawyer
    [InlineData("Chefsjurist", true)]
    [InlineData("Kommundirektör", true)]
    [InlineData("Regiondirektör", true)]
    [InlineData("HR-chef", true)]
    [InlineData("Säkerhetschef", true)]
    [InlineData("Ekonomichef", true)]
    [InlineData("Arkivarie", false)]
    [InlineData("Informationssäkerhetssamordnare", false)]
    [InlineData("  ", false)]
    public void ConflictingRoles_DefaultList(string role, bool conflicts)
    {
        var warnings = Independence.ConflictingRoles([role], IndependencePolicy.Default);
        Assert.Equal(conflicts, warnings.Count == 1);
        Assert.All(warnings, w => Assert.Equal("art. 38.6", w.Article));
    }

    [Fact]
    public void ConflictingRoles_AdministeredList_IsTheOneUsed()
    {
        var policy = new IndependencePolicy(["Arkivarie"], 20);
        Assert.Single(Independence.ConflictingRoles(["Kommunarkivarie", "IT-chef"], policy));
        Assert.Equal(
            "Rollen ”IT-chef” kan ge en intressekonflikt med uppdraget som dataskyddsombud (jfr IT-chef) (art. 38.6).",
            Independence.ConflictingRoles(["IT-chef"], IndependencePolicy.Default)[0].Text);
    }

    [Fact]
    public void ReportingLine_BelowHighestManagement_Warns_Art38_3()
    {
        Assert.Null(Independence.ReportingLine(ReportingLevel.HighestManagement, "Kommunstyrelsen"));
        var w = Independence.ReportingLine(ReportingLevel.BelowHighestManagement, "Kanslichefen");
        Assert.Equal("Dataskyddsombudet rapporterar till Kanslichefen, som är under den högsta ledningen (art. 38.3).", w!.Text);
    }

    [Theory]
    [InlineData(19, true)]
    [InlineData(20, false)]
    [InlineData(100, false)]
    public void Share_BelowMinimum_Warns_Art38_2(int share, bool warns)
    {
        var w = Independence.Share(share, IndependencePolicy.Default);
        Assert.Equal(warns, w is not null);
        Assert.True(w is null || w.Article == "art. 38.2");
    }
}

public class FollowUpTests
{
    [Theory]
    // Art. 37(7): IMY told within 14 days of the start; warned from the 15th day, only for the ordinary DPO.
    [InlineData("2026-11-01", null, "2026-11-15", DpoRole.Ordinarie, false)]
    [InlineData("2026-11-01", null, "2026-11-16", DpoRole.Ordinarie, true)]
    [InlineData("2026-11-01", "2026-11-03", "2026-11-23", DpoRole.Ordinarie, false)]
    [InlineData("2026-11-01", null, "2026-11-23", DpoRole.Ersattare, false)]
    public void ImyNotTold_After14Days(string start, string? reported, string today, DpoRole role, bool warns)
    {
        var w = FollowUp.ImyNotTold(role, new DateSpan(D(start), null), reported is null ? null : D(reported), D(today));
        Assert.Equal(warns, w is not null);
        Assert.True(w is null || w.Article == "art. 37.7");
    }

    [Fact]
    public void ImyNotTold_AnEndedAllocation_IsNoLongerFlagged() =>
        Assert.Null(FollowUp.ImyNotTold(DpoRole.Ordinarie, new DateSpan(D("2026-01-01"), D("2026-06-30")), null, D("2026-11-23")));

    [Theory]
    [InlineData("2026-11-23", true)] // today
    [InlineData("2026-12-23", true)] // 30 days
    [InlineData("2026-12-24", false)]
    [InlineData("2026-11-22", false)] // already ended
    public void EndingSoon_Within30Days(string end, bool warns) =>
        Assert.Equal(warns, FollowUp.EndingSoon(new DateSpan(D("2026-01-01"), D(end)), D("2026-11-23")) is not null);

    [Fact]
    public void BelowTarget_OnlyWithATarget()
    {
        Assert.Null(FollowUp.BelowTarget(10, null));
        Assert.Null(FollowUp.BelowTarget(50, 50));
        Assert.Equal("Partens sammanlagda andel 25 % är under målet 50 % (art. 38.2).", FollowUp.BelowTarget(25, 50)!.Text);
    }
}
