using GemensamNamnd.Web.Features.Reminders;

namespace GemensamNamnd.Web.Tests.Reminders;

/// <summary>Bad input in the party's reminder settings is refused with a Swedish message, field by field.</summary>
public sealed class ReminderSettingsInputTests
{
    private static (ReminderSettingsInput Input, Dictionary<string, string[]> Errors) Parse(
        string? days = "7, 2, 0", int overdue = 7, int notice = 3, int identity = 7, string? extra = null, string? from = null)
    {
        var errors = new Dictionary<string, string[]>();
        return (ReminderSettingsInput.Parse(days, overdue, notice, identity, extra, from, errors), errors);
    }

    [Fact]
    public void GoodInput_IsParsed_DaysDistinctAndDescending_AddressesTrimmed()
    {
        var (input, errors) = Parse(days: "0;7 2,7", extra: " registrator@ostersund.se \nREGISTRATOR@ostersund.se\n\nDpo@krokom.se", from: "dataskydd@ostersund.se");
        Assert.Empty(errors);
        Assert.Equal([7, 2, 0], input.RequestReminderDays);
        Assert.Equal(["registrator@ostersund.se", "Dpo@krokom.se"], input.ExtraAddresses);
        Assert.Equal("dataskydd@ostersund.se", input.MailFrom);
    }

    [Theory]
    [InlineData("7, -2", null, null, "RequestReminderDays")]
    [InlineData("sju", null, null, "RequestReminderDays")]
    [InlineData("400", null, null, "RequestReminderDays")]
    [InlineData("7", "inte en adress", null, "ReminderExtraAddresses")]
    [InlineData("7", "Anna <anna@x.se>", null, "ReminderExtraAddresses")]
    [InlineData("7", "a@x.se, b@x.se", null, "ReminderExtraAddresses")]
    [InlineData("7", null, "noreply", "MailFrom")]
    public void BadInput_IsRefused_OnItsField(string days, string? extra, string? from, string field)
    {
        var (_, errors) = Parse(days: days, extra: extra, from: from);
        Assert.Contains(field, errors.Keys);
    }

    [Theory]
    [InlineData(0, 3, 7, "RequestOverdueReminderEveryDays")]
    [InlineData(7, 31, 7, "ExtensionNoticeReminderDays")]
    [InlineData(7, -1, 7, "ExtensionNoticeReminderDays")]
    [InlineData(7, 3, 0, "IdentityCheckReminderDays")]
    public void NumbersOutOfRange_AreRefused(int overdue, int notice, int identity, string field)
    {
        var (_, errors) = Parse(overdue: overdue, notice: notice, identity: identity);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void TooManyExtraAddresses_AreRefused()
    {
        var (_, errors) = Parse(extra: string.Join('\n', Enumerable.Range(1, 21).Select(i => $"a{i}@x.se")));
        Assert.Contains("ReminderExtraAddresses", errors.Keys);
    }
}
