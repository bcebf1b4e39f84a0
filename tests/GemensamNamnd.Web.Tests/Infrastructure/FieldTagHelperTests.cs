using System.Text.Encodings.Web;
using System.Text.Unicode;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// The field component as Razor runs it: the outer helper (field or field-group) first, its children (hint, input)
/// while it asks for its content, with the items the outer one left for them.
/// </summary>
public sealed class FieldTagHelperTests
{
    [Fact]
    public async Task Field_LabelForIsTheInputId_HintDescribes_NoErrorWhenValid()
    {
        var view = new ViewContext();
        var html = await RenderFieldAsync(view, new FieldTagHelper { Name = "StartsOn", Label = "Första dag", Hint = "ÅÅÅÅ-MM-DD" }, "input", [new("type", "date")]);

        Assert.Equal(
            "<label for=\"StartsOn\">Första dag</label><span class=\"hint\" id=\"StartsOn-hint\">ÅÅÅÅ-MM-DD</span>"
            + "<input id=\"StartsOn\" name=\"StartsOn\" type=\"date\" aria-describedby=\"StartsOn-hint\" />",
            html);
        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("StartsOn-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_InError_DescribedByHintAndError_Invalid_ErrorFromModelState()
    {
        var view = new ViewContext();
        view.ModelState.AddModelError("Reason", "Ange skälet.");
        var html = await RenderFieldAsync(view, new FieldTagHelper { Name = "Reason", Label = "Skäl", Hint = "Loggas." }, "textarea", []);

        Assert.Equal(
            "<label for=\"Reason\">Skäl</label><span class=\"hint\" id=\"Reason-hint\">Loggas.</span>"
            + "<textarea id=\"Reason\" name=\"Reason\" aria-describedby=\"Reason-hint Reason-error\" aria-invalid=\"true\"></textarea>"
            + "<span id=\"Reason-error\" class=\"field-error\">Ange skälet.</span>",
            html);
    }

    [Fact]
    public async Task Field_KeepsTheInputsOwnIdAndName_AndLabelsThatId()
    {
        var view = new ViewContext();
        view.ModelState.AddModelError("When-Occurred", "Datumet finns inte i kalendern.");
        var html = await RenderFieldAsync(view, new FieldTagHelper { Name = "When-Occurred", Label = "Inträffade" }, "select",
            [new("id", "When-Occurred"), new("name", "When[OccurredDate]")]);

        Assert.StartsWith("<label for=\"When-Occurred\">Inträffade</label><select id=\"When-Occurred\" name=\"When[OccurredDate]\" aria-describedby=\"When-Occurred-error\" aria-invalid=\"true\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_SingleCheckbox_LabelRightAfterIt()
    {
        var view = new ViewContext();
        var html = await RenderFieldAsync(view, new FieldTagHelper { Name = "IsActive", Label = "Aktiv" }, "input",
            [new("type", "checkbox"), new("value", "true")]);

        Assert.Equal(
            "<span class=\"check\"><input id=\"IsActive\" name=\"IsActive\" type=\"checkbox\" value=\"true\" /> <label for=\"IsActive\">Aktiv</label></span>",
            html);
    }

    [Fact]
    public async Task Group_FieldsetWithLegend_ErrorLinkedOnTheFieldset_OnlyWhenInError()
    {
        var valid = await RenderGroupAsync(new ViewContext(), new FieldGroupTagHelper { Name = "Types", Legend = "Typ av incident" });
        Assert.Equal("<fieldset><legend>Typ av incident</legend><label><input type=\"checkbox\" name=\"Types\" /> Röjande</label></fieldset>", valid);

        var view = new ViewContext();
        view.ModelState.AddModelError("Types", "Välj minst en typ.");
        var invalid = await RenderGroupAsync(view, new FieldGroupTagHelper { Name = "Types", Legend = "Typ av incident", Hint = "En eller flera." });
        Assert.Equal(
            "<fieldset aria-describedby=\"Types-hint Types-error\"><legend>Typ av incident</legend>"
            + "<span class=\"hint\" id=\"Types-hint\">En eller flera.</span><span id=\"Types-error\" class=\"field-error\">Välj minst en typ.</span>"
            + "<label><input type=\"checkbox\" name=\"Types\" /> Röjande</label></fieldset>",
            invalid);
    }

    [Fact]
    public async Task Field_HintWithMarkup_DescribesTheInput()
    {
        var view = new ViewContext();
        var field = new FieldTagHelper { Name = "PersonId", Label = "Dataskyddsombud", ViewContext = view };
        var context = Context("field");
        var output = new TagHelperOutput("field", [], async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            var hint = new TagHelperOutput("field-hint", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().AppendHtml("<a href=\"/ny\">Lägg till</a>")));
            new FieldHintTagHelper().Process(Child(context, "field-hint"), hint);
            // What Razor does after the helpers of an element ran and left its content alone.
            if (!hint.IsContentModified) hint.Content.SetHtmlContent(await hint.GetChildContentAsync());
            content.AppendHtml(Html(hint));
            content.AppendHtml(await RenderControlAsync(context, "select", []));
            return content;
        });
        await field.ProcessAsync(context, output);

        Assert.Equal(
            "<label for=\"PersonId\">Dataskyddsombud</label><span class=\"hint\" id=\"PersonId-hint\"><a href=\"/ny\">Lägg till</a></span>"
            + "<select id=\"PersonId\" name=\"PersonId\" aria-describedby=\"PersonId-hint\"></select>",
            Html(output));
    }

    private static async Task<string> RenderFieldAsync(ViewContext view, FieldTagHelper field, string control, TagHelperAttributeList attributes)
    {
        field.ViewContext = view;
        var context = Context("field");
        var output = new TagHelperOutput("field", [], async (_, _) =>
            new DefaultTagHelperContent().AppendHtml(await RenderControlAsync(context, control, attributes)));
        await field.ProcessAsync(context, output);
        return Html(output);
    }

    private static async Task<string> RenderGroupAsync(ViewContext view, FieldGroupTagHelper group)
    {
        group.ViewContext = view;
        var context = Context("field-group");
        var output = new TagHelperOutput("field-group", [], (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().AppendHtml("<label><input type=\"checkbox\" name=\"Types\" /> Röjande</label>")));
        await group.ProcessAsync(context, output);
        return Html(output);
    }

    private static Task<string> RenderControlAsync(TagHelperContext parent, string tag, TagHelperAttributeList attributes)
    {
        var output = new TagHelperOutput(tag, attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()))
        {
            TagMode = tag == "input" ? TagMode.SelfClosing : TagMode.StartTagAndEndTag,
        };
        new FieldControlTagHelper().Process(Child(parent, tag), output);
        return Task.FromResult(Html(output));
    }

    private static TagHelperContext Context(string tag) =>
        new(tag, [], new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));

    // Razor gives a child a copy of the items its parent had when the child ran.
    private static TagHelperContext Child(TagHelperContext parent, string tag) =>
        new(tag, [], new Dictionary<object, object>(parent.Items), Guid.NewGuid().ToString("N"));

    // The app writes å, ä, ö as they are (ASP.NET Core's default encoder would write &#xE5;).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Html(TagHelperOutput output)
    {
        using var writer = new StringWriter();
        output.WriteTo(writer, Encoder);
        return writer.ToString();
    }
}
