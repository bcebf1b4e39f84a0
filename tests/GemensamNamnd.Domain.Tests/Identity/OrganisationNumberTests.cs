using GemensamNamnd.Domain.Identity;

namespace GemensamNamnd.Domain.Tests.Identity;

public class OrganisationNumberTests
{
    [Theory]
    // Lag (1974:174): ten digits, Luhn check digit, third digit 2 or more.
    [InlineData("212000-2627", true)] // a municipality (21xxxx = kommun)
    [InlineData("202100-5448", true)] // a state authority
    [InlineData("556012-5790", true)] // an aktiebolag
    [InlineData("5560125790", true)] // without the dash
    [InlineData(" 556012-5790 ", true)] // surrounding whitespace
    [InlineData("212000-2600", false)] // wrong check digit
    [InlineData("811218-9876", false)] // a personnummer: Luhn-valid but third digit 1
    [InlineData("556012-579", false)]
    [InlineData("55601-25790", false)]
    [InlineData("556012+5790", false)]
    [InlineData("55601A-5790", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Input_ReturnsExpected(string? input, bool expected)
    {
        Assert.Equal(expected, OrganisationNumber.IsValid(input));
    }
}
