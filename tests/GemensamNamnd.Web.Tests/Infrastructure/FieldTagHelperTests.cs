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
            "<div class=\"ds-field\"><label class=\"ds-label\" for=\"StartsOn\">Första dag</label><div data-field=\"description\" id=\"StartsOn-hint\">ÅÅÅÅ-MM-DD</div>"
            + "<input id=\"StartsOn\" name=\"StartsOn\" type=\"date\" class=\"ds-input\" aria-describedby=\"StartsOn-hint\" /></div>",
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
            "<div class=\"ds-field\"><label class=\"ds-label\" for=\"Reason\">Skäl</label><div data-field=\"description\" id=\"Reason-hint\">Loggas.</div>"
            + "<textarea id=\"Reason\" name=\"Reason\" class=\"ds-input\" aria-describedby=\"Reason-hint Reason-error\" aria-invalid=\"true\"></textarea>"
            + "<div class=\"ds-validation-message\" data-field=\"validation\" data-color=\"danger\" id=\"Reason-error\">Ange skälet.</div></div>",
            html);
    }

    [Fact]
    public async Task Field_KeepsTheInputsOwnIdAndName_AndLabelsThatId()
    {
        var view = new ViewContext();
        view.ModelState.AddModelError("When-Occurred", "Datumet finns inte i kalendern.");
        var html = await RenderFieldAsync(view, new FieldTagHelper { Name = "When-Occurred", Label = "Inträffade" }, "select",
            [new("id", "When-Occurred"), new("name", "When[OccurredDate]")]);

        Assert.StartsWith("<div class=\"ds-field\"><label class=\"ds-label\" for=\"When-Occurred\">Inträffade</label><select id=\"When-Occurred\" name=\"When[OccurredDate]\" class=\"ds-input\" aria-describedby=\"When-Occurred-error\" aria-invalid=\"true\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_SingleCheckbox_LabelRightAfterIt()
    {
        var view = new ViewContext();
        var html = await RenderFieldAsync(view, new FieldTagHelper { Name = "IsActive", Label = "Aktiv" }, "input",
            [new("type", "checkbox"), new("value", "true")]);

        Assert.Equal(
            "<div class=\"ds-field\"><input id=\"IsActive\" name=\"IsActive\" type=\"checkbox\" value=\"true\" class=\"ds-input\" /><label class=\"ds-label\" for=\"IsActive\">Aktiv</label></div>",
            html);
    }

    [Fact]
    public async Task Group_FieldsetWithLegend_ErrorLinkedOnTheFieldset_OnlyWhenInError()
    {
        var valid = await RenderGroupAsync(new ViewContext(), new FieldGroupTagHelper { Name = "Types", Legend = "Typ av incident" });
        Assert.Equal("<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">Typ av incident</legend><label><input type=\"checkbox\" name=\"Types\" /> Röjande</label></fieldset>", valid);

        var view = new ViewContext();
        view.ModelState.AddModelError("Types", "Välj minst en typ.");
        var invalid = await RenderGroupAsync(view, new FieldGroupTagHelper { Name = "Types", Legend = "Typ av incident", Hint = "En eller flera." });
        Assert.Equal(
            "<fieldset class=\"ds-fieldset\" aria-describedby=\"Types-hint Types-error\"><legend class=\"ds-label\">Typ av incident</legend>"
            + "<div data-field=\"description\" id=\"Types-hint\">En eller flera.</div>"
            + "<div class=\"ds-validation-message\" data-field=\"validation\" data-color=\"danger\" id=\"Types-error\">Välj minst en typ.</div>"
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
            "<div class=\"ds-field\"><label class=\"ds-label\" for=\"PersonId\">Dataskyddsombud</label><div data-field=\"description\" id=\"PersonId-hint\"><a href=\"/ny\">Lägg till</a></div>"
            + "<select id=\"PersonId\" name=\"PersonId\" class=\"ds-input\" aria-describedby=\"PersonId-hint\"></select></div>",
            Html(output));
    }

    [Fact]
    public async Task Option_InputThenItsLabel_FirstTakesTheGroupsName_InvalidWithTheGroup()
    {
        var view = new ViewContext();
        view.ModelState.AddModelError("Risk", "Välj en risknivå.");
        var group = new FieldGroupTagHelper { Name = "Risk", Legend = "Risk", ViewContext = view };
        var context = Context("field-group");
        var output = new TagHelperOutput("field-group", [], async (_, _) => new DefaultTagHelperContent()
            .AppendHtml(await RenderOptionAsync(context, new FieldOptionTagHelper { Type = "radio", Value = "NoRisk" }, "Ingen risk"))
            .AppendHtml(await RenderOptionAsync(context, new FieldOptionTagHelper { Type = "radio", Value = "Risk", Checked = true }, "Risk")));
        await group.ProcessAsync(context, output);
        var html = Html(output);

        Assert.Contains(
            "<div class=\"ds-field\"><input class=\"ds-input\" type=\"radio\" id=\"Risk\" name=\"Risk\" value=\"NoRisk\" aria-invalid=\"true\" />"
            + "<label class=\"ds-label\" for=\"Risk\">Ingen risk</label></div>"
            + "<div class=\"ds-field\"><input class=\"ds-input\" type=\"radio\" id=\"Risk-Risk\" name=\"Risk\" value=\"Risk\" checked=\"checked\" aria-invalid=\"true\" />"
            + "<label class=\"ds-label\" for=\"Risk-Risk\">Risk</label></div></fieldset>",
            html, StringComparison.Ordinal);
        Assert.StartsWith("<fieldset class=\"ds-fieldset\" aria-describedby=\"Risk-error\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorSummary_ListsTheErrorsInTheFormsOrder_NotTheValidators()
    {
        var view = new ViewContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext() };
        // The validator's order: the name, an unknown key, the whole form, the date.
        view.ModelState.AddModelError("Name", "Ange namnet.");
        view.ModelState.AddModelError("Elsewhere", "Något annat.");
        view.ModelState.AddModelError("", "Ärendet har ändrats av någon annan.");
        view.ModelState.AddModelError("ReceivedOn", "Ange datumet.");
        // The form's order: the date (with its own id), then the name.
        await RenderFieldAsync(view, new FieldTagHelper { Name = "ReceivedOn", Label = "Datum" }, "input", [new("id", "Received-date")]);
        await RenderFieldAsync(view, new FieldTagHelper { Name = "Name", Label = "Namn" }, "input", []);

        using var writer = new StringWriter();
        new ErrorSummary(view.ModelState, view.HttpContext, "Det finns fel").WriteTo(writer, Encoder);

        Assert.Equal(
            "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" data-error-summary aria-labelledby=\"error-summary-heading\">"
            + "<h2 id=\"error-summary-heading\">Det finns fel</h2><ul>"
            + "<li>Ärendet har ändrats av någon annan.</li>"
            + "<li><a href=\"#Received-date\">Ange datumet.</a></li>"
            + "<li><a href=\"#Name\">Ange namnet.</a></li>"
            + "<li><a href=\"#Elsewhere\">Något annat.</a></li></ul></div>",
            writer.ToString());
    }

    private static async Task<string> RenderOptionAsync(TagHelperContext parent, FieldOptionTagHelper option, string label)
    {
        var output = new TagHelperOutput("field-option", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().Append(label)));
        await option.ProcessAsync(Child(parent, "field-option"), output);
        return Html(output);
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
