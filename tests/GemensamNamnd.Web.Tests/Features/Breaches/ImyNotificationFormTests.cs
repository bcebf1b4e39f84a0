using GemensamNamnd.Web.Features.Breaches;

namespace GemensamNamnd.Web.Tests.Features.Breaches;

/// <summary>The versioned mapping of our fields to IMY's notification form.</summary>
public sealed class ImyNotificationFormTests
{
    [Fact]
    public void Versions_AreInOrder_WithDistinctStartDays()
    {
        var days = ImyNotificationForm.Versions.Select(v => v.AppliesFrom).ToList();
        Assert.NotEmpty(days);
        Assert.Equal(days.Order(), days);
        Assert.Equal(days.Count, days.Distinct().Count());
    }

    [Fact]
    public void EachVersion_AsksForAField_AtMostOnce_AndNamesItsSource()
    {
        Assert.All(ImyNotificationForm.Versions, v =>
        {
            var fields = v.Fields.ToList();
            Assert.Equal(fields.Count, fields.Distinct().Count());
            Assert.Matches(@"^https://(www\.|e-tjanster\.)imy\.se/", v.Source);
            Assert.All(v.Sections, s => Assert.NotEmpty(s.Questions));
        });
    }

    [Fact]
    public void TheCurrentVersion_CarriesEveryFieldWeRecordForImy()
    {
        // A field we record for IMY but the current form does not place is lost from the report: map it or remove it.
        var missing = Enum.GetValues<ImyField>().Except(ImyNotificationForm.Versions[^1].Fields).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void For_PicksTheVersionInForceOnTheDay()
    {
        var first = ImyNotificationForm.Versions[0];
        Assert.Same(first, ImyNotificationForm.For(first.AppliesFrom));
        Assert.Same(first, ImyNotificationForm.For(first.AppliesFrom.AddDays(-1))); // before any: the oldest
        Assert.Same(ImyNotificationForm.Versions[^1], ImyNotificationForm.For(new DateOnly(2099, 1, 1)));
        foreach (var (earlier, later) in ImyNotificationForm.Versions.Zip(ImyNotificationForm.Versions.Skip(1)))
        {
            Assert.Same(earlier, ImyNotificationForm.For(later.AppliesFrom.AddDays(-1)));
            Assert.Same(later, ImyNotificationForm.For(later.AppliesFrom));
        }
    }
}
