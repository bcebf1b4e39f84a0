using GemensamNamnd.Domain.Identity;

namespace GemensamNamnd.Domain.Tests.Identity;

/// <summary>
/// Anything shaped like a personnummer or samordningsnummer (folkbokföringslagen 18 §, 18 a §) — 10 or 12 digits, with
/// or without separator, any check digit — is found in free text that leaves the register (issue 22).
/// </summary>
public sealed class PersonalNumberShapeTests
{
    [Theory]
    [InlineData("20151101-1234", true)] // wrong check digit: still a personnummer in public
    [InlineData("201511011234", true)]
    [InlineData("151101-1234", true)]
    [InlineData("1511011234", true)]
    [InlineData("151101+1234", true)] // 100 years or older
    [InlineData("151101 1234", true)]
    [InlineData("151101–1234", true)] // en dash, as a word processor writes it
    [InlineData("19811218-9876", true)] // valid check digit
    [InlineData("Brev till 811218-9876 skickades fel.", true)]
    [InlineData("Kontakt: Sven (19121212-1212), tfn", true)]
    [InlineData("820561-1234", true)] // samordningsnummer: day + 60
    [InlineData("19820591-1234", true)]
    [InlineData("18991231-0000", true)]
    [InlineData("IMY-2026-0042; 850709-1234", true)]
    [InlineData("0701234567", true)] // a mobile number without spaces has the same shape: refused
    [InlineData("556677-8899", false)] // organisationsnummer: month 66
    [InlineData("212000-0142", false)] // a municipality's organisationsnummer
    [InlineData("Telefon 063-14 30 00.", false)]
    [InlineData("Mobil 070-123 45 67", false)]
    [InlineData("Diarienummer KS 2026/0042, 340 elever berörda.", false)]
    [InlineData("DI-2026-12345", false)]
    [InlineData("821301-1234", false)] // month 13
    [InlineData("820532-1234", false)] // day 32
    [InlineData("820500-1234", false)] // day 00
    [InlineData("820592-1234", false)] // day 92
    [InlineData("21511011234", false)] // 11 digits
    [InlineData("1201511011234", false)] // 13 digits
    [InlineData("15110112345", false)] // 11 digits
    [InlineData("17151101-1234", false)] // century 17
    [InlineData("151101-12345", false)]
    [InlineData("151101/1234", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Contains_FindsTheShape_WhateverTheCheckDigit(string? text, bool expected) =>
        Assert.Equal(expected, PersonalNumberShape.Contains(text));
}
