using System.Text.Encodings.Web;
using System.Text.Unicode;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>Status and urgency: the register's rule decides the urgency, the tag shows it in colour and always in words.</summary>
public sealed class StatusTagTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(-7, RequestStatus.InProgress, "7 dagar försenad", Urgency.Overdue)]
    [InlineData(-1, RequestStatus.InProgress, "1 dag försenad", Urgency.Overdue)]
    [InlineData(0, RequestStatus.Registered, "förfaller i dag", Urgency.DueSoon)]
    [InlineData(7, RequestStatus.Extended, "7 dagar kvar", Urgency.DueSoon)]
    [InlineData(8, RequestStatus.InProgress, "8 dagar kvar", Urgency.None)]
    [InlineData(-3, RequestStatus.Answered, "avslutad", Urgency.Closed)]
    public void RequestDeadline_WordsAndUrgency(int daysLeft, RequestStatus status, string words, Urgency urgency)
    {
        var due = Today.AddDays(daysLeft);
        Assert.Equal(words, RequestWords.DaysLeft(due, Today, status));
        Assert.Equal(urgency, RequestWords.DeadlineUrgency(due, Today, status));
    }

    [Fact]
    public void RequestStatus_ExtendedAndClosedStandOut()
    {
        Assert.Equal(Urgency.Extended, RequestWords.StatusUrgency(RequestStatus.Extended));
        Assert.Equal(Urgency.Closed, RequestWords.StatusUrgency(RequestStatus.Answered));
        Assert.Equal(Urgency.None, RequestWords.StatusUrgency(RequestStatus.InProgress));
    }

    [Theory]
    [InlineData(Urgency.Overdue, "danger")]
    [InlineData(Urgency.ClockUnder24Hours, "danger")]
    [InlineData(Urgency.DueSoon, "warning")]
    [InlineData(Urgency.Extended, "info")]
    [InlineData(Urgency.Closed, "neutral")]
    public async Task Tag_IsTheSystemsTagInTheUrgencysColour_WithTheWords(Urgency urgency, string color)
    {
        var html = await RenderAsync(urgency, "7 dagar försenad");
        Assert.Equal($"<span class=\"ds-tag status-tag\" data-color=\"{color}\" data-urgency=\"{urgency}\">7 dagar försenad</span>", html);
    }

    [Fact]
    public async Task NoUrgency_TheWordsAlone()
    {
        Assert.Equal("18 dagar kvar", await RenderAsync(Urgency.None, "18 dagar kvar"));
    }

    private static async Task<string> RenderAsync(Urgency urgency, string words)
    {
        var context = new TagHelperContext("status-tag", [], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("status-tag", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetContent(words)));
        var helper = new StatusTagHelper { Urgency = urgency };
        helper.Process(context, output);
        var encoder = HtmlEncoder.Create(UnicodeRanges.All);
        output.Content.SetHtmlContent((await output.GetChildContentAsync()).GetContent(encoder));
        using var writer = new StringWriter();
        output.WriteTo(writer, encoder);
        return writer.ToString();
    }
}
