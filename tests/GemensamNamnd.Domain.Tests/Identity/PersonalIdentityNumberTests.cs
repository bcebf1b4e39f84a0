using GemensamNamnd.Domain.Identity;
using static GemensamNamnd.Domain.Tests.TestDates;

namespace GemensamNamnd.Domain.Tests.Identity;

public class PersonalIdentityNumberTests
{
    // All cases are judged on this day; expected values were computed by hand (Luhn) and `date`.
    private static readonly DateOnly Today = D("2026-06-01");

    private const string FormatError = "Personnumret har fel format. Skriv ÅÅÅÅMMDD-NNNN.";
    private const string DateError = "Datumet i personnumret finns inte.";
    private const string FutureError = "Födelsedatumet ligger i framtiden.";
    private const string CheckDigitError = "Kontrollsiffran stämmer inte.";

    [Theory]
    // Folkbokföringslagen 18 §: every accepted spelling normalises to YYYYMMDD-NNNC.
    [InlineData("19811218-9876", "19811218-9876", "1981-12-18")]
    [InlineData("198112189876", "19811218-9876", "1981-12-18")]
    [InlineData("811218-9876", "19811218-9876", "1981-12-18")]
    [InlineData("8112189876", "19811218-9876", "1981-12-18")]
    [InlineData("  811218-9876\t", "19811218-9876", "1981-12-18")] // surrounding whitespace trimmed
    [InlineData("20000229-1235", "20000229-1235", "2000-02-29")] // 2000 is a leap year
    [InlineData("000229-1235", "20000229-1235", "2000-02-29")]
    [InlineData("260601-1233", "20260601-1233", "2026-06-01")] // born today: not in the future
    public void TryParse_ValidNumber_NormalisesValueAndBirthDate(string input, string value, string birthDate)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var pin, out var error));
        Assert.Null(error);
        Assert.Equal(value, pin.Value);
        Assert.Equal(D(birthDate), pin.BirthDate);
        Assert.False(pin.IsCoordinationNumber);
    }

    [Theory]
    // Skatteverket: a 10-digit number with '-' means under 100 in today's year, '+' means 100 or
    // older; the sign changes in the year the person turns 100. Today is 2026-06-01.
    [InlineData("120101-1234", "2012-01-01")]
    [InlineData("120101+1234", "1912-01-01")]
    [InlineData("450505-1237", "1945-05-05")]
    [InlineData("450505+1237", "1845-05-05")]
    [InlineData("260101-1238", "2026-01-01")] // born this year
    [InlineData("260101+1238", "1926-01-01")] // turns 100 this year
    [InlineData("261224+1238", "1926-12-24")] // turns 100 later this year: already '+'
    [InlineData("991231-1231", "1999-12-31")]
    [InlineData("010101-1237", "2001-01-01")]
    public void TryParse_TenDigits_InfersCenturyFromSeparator(string input, string birthDate)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var pin, out _));
        Assert.Equal(D(birthDate), pin.BirthDate);
    }

    [Theory]
    // Folkbokföringslagen 18 a §: a samordningsnummer adds 60 to the day of birth (day 61–91);
    // the check digit is computed over the day as written.
    [InlineData("19811278-9873", "19811278-9873", "1981-12-18")]
    [InlineData("811278-9873", "19811278-9873", "1981-12-18")]
    [InlineData("190961-1236", "20190961-1236", "2019-09-01")]
    [InlineData("000289-1232", "20000289-1232", "2000-02-29")] // leap day + 60
    public void TryParse_CoordinationNumber_SubtractsSixtyFromDay(string input, string value, string birthDate)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, Today, out var pin, out var error), error);
        Assert.True(pin.IsCoordinationNumber);
        Assert.Equal(value, pin.Value);
        Assert.Equal(D(birthDate), pin.BirthDate);
    }

    [Theory]
    [InlineData(null, "Personnummer saknas. Skriv ÅÅÅÅMMDD-NNNN.")]
    [InlineData("", "Personnummer saknas. Skriv ÅÅÅÅMMDD-NNNN.")]
    [InlineData("   ", "Personnummer saknas. Skriv ÅÅÅÅMMDD-NNNN.")]
    [InlineData("abc", FormatError)]
    [InlineData("811218-987", FormatError)] // nine digits
    [InlineData("811218-98765", FormatError)]
    [InlineData("19811218+9876", FormatError)] // '+' only with the 2-digit year
    [InlineData("811218 9876", FormatError)]
    [InlineData("811218–9876", FormatError)] // en dash, not a hyphen
    [InlineData("81121-89876", FormatError)] // dash in the wrong place
    [InlineData("1981121-89876", FormatError)]
    [InlineData("8112189876x", FormatError)]
    [InlineData("٨١١٢١٨-٩٨٧٦", FormatError)] // non-ASCII digits
    [InlineData("20230230-1235", DateError)] // 30 February does not exist (Luhn-valid digits)
    [InlineData("010229-1234", DateError)] // 2001 is not a leap year
    [InlineData("19000229-1234", DateError)] // 1900 is not a leap year (Gregorian)
    [InlineData("19811318-9875", DateError)] // month 13
    [InlineData("19810100-9879", DateError)] // day 00
    [InlineData("19810160-9876", DateError)] // day 60 is neither a day nor a samordningsnummer day
    [InlineData("810291-1230", DateError)] // samordningsnummer for 31 February
    [InlineData("810192-1230", DateError)] // day 92 − 60 = 32
    [InlineData("20300101-1232", FutureError)]
    [InlineData("260602-1232", FutureError)] // tomorrow
    [InlineData("261224-1238", FutureError)] // '-' in 2026 means born 2026
    [InlineData("811218-9875", CheckDigitError)]
    [InlineData("19811218-9870", CheckDigitError)]
    [InlineData("811278-9876", CheckDigitError)] // samordningsnummer: Luhn over the day as written
    public void TryParse_InvalidNumber_ReturnsSwedishError(string? input, string expected)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out var pin, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, pin);
    }

    [Fact]
    public void Parse_InvalidCheckDigit_ThrowsFormatExceptionWithMessage()
    {
        var ex = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse("811218-9875", Today));
        Assert.Equal(CheckDigitError, ex.Message);
    }

    [Fact]
    public void Parse_ValidNumber_ReturnsSameAsTryParse()
    {
        var pin = PersonalIdentityNumber.Parse("8112189876", Today);
        Assert.True(PersonalIdentityNumber.TryParse("19811218-9876", Today, out var other, out _));
        Assert.Equal(other, pin);
    }

    [Theory]
    [InlineData("811218-9876", "19811218-****")]
    [InlineData("811278-9873", "19811278-****")]
    public void Masked_ValidNumber_HidesLastFourDigits(string input, string masked)
    {
        Assert.Equal(masked, PersonalIdentityNumber.Parse(input, Today).Masked);
    }

    [Fact]
    public void ToString_ValidNumber_ReturnsValue()
    {
        Assert.Equal("19811218-9876", PersonalIdentityNumber.Parse("811218-9876", Today).ToString());
    }

    [Fact]
    public void Default_Value_IsEmptyNotNull()
    {
        PersonalIdentityNumber pin = default;
        Assert.Equal(string.Empty, pin.Value);
        Assert.Equal(string.Empty, pin.Masked);
    }
}
