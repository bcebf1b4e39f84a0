using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// The one accessible form field, in Designsystemet's markup: <c>&lt;field name="X" label="…" hint="…"&gt;&lt;input /&gt;&lt;/field&gt;</c>
/// renders a <c>div.ds-field</c> with the <c>label.ds-label</c>, the hint (<c>X-hint</c>, the system's description), the
/// wrapped input, select or textarea (<c>ds-input</c>) with <c>id</c>, <c>name</c>, <c>aria-describedby</c> and
/// <c>aria-invalid</c>, and the Swedish error from ModelState (<c>X-error</c>, <c>ds-validation-message</c>). The name is
/// the ModelState key and the default id and name of the input, so the error summary (<c>_Errors</c>) links to it. A
/// single checkbox or radio comes first with its label right beside it (the system's grid). Other attributes (e.g.
/// <c>class</c>) go to the wrapper.
/// </summary>
[HtmlTargetElement("field", Attributes = "name")]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>The ModelState key; also the input's id and name unless the input sets its own.</summary>
    public string Name { get; set; } = "";

    public string? Label { get; set; }

    /// <summary>E.g. <c>visually-hidden</c> for a field in a table row whose header says what it is.</summary>
    public string? LabelClass { get; set; }

    /// <summary>Plain-text hint; for a hint with links use a <c>&lt;field-hint&gt;</c> child before the input.</summary>
    public string? Hint { get; set; }

    /// <summary>Text before the error message (the calculator says "Fel: ").</summary>
    public string? ErrorPrefix { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var field = new FieldState(Name, FieldErrors.Message(ViewContext, Name), Hint is not null);
        context.Items[typeof(FieldState)] = field;
        FormOrder.Register(ViewContext.HttpContext, field);
        var content = await output.GetChildContentAsync();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        FieldErrors.AddClass(output, "ds-field");
        output.Content.SetHtmlContent(content);
        var label = FieldErrors.Label(field.Id, Label, LabelClass);
        var hint = Hint is null ? null : FieldErrors.Hint(Name, Hint);
        var error = FieldErrors.Error(field, ErrorPrefix);
        if (field.IsCheck)
        {
            // Checkbox or radio first, its label beside it; hint and error under the label (the system's grid).
            output.PostContent.AppendHtml(label);
            if (hint is not null) output.PostContent.AppendHtml(hint);
            if (error is not null) output.PostContent.AppendHtml(error);
            return;
        }
        output.PreContent.AppendHtml(label);
        if (hint is not null) output.PreContent.AppendHtml(hint);
        if (error is not null) output.PostContent.AppendHtml(error);
    }
}

/// <summary>
/// A checkbox or radio group: <c>&lt;field-group name="X" legend="…" hint="…"&gt;options&lt;/field-group&gt;</c> renders
/// a <c>fieldset.ds-fieldset</c> with its <c>&lt;legend&gt;</c>, hint and error, the fieldset described by both. The
/// options are <c>&lt;field-option&gt;</c>s. Other attributes (e.g. <c>class</c>, <c>id</c>) go to the fieldset.
/// </summary>
[HtmlTargetElement("field-group", Attributes = "name")]
public sealed class FieldGroupTagHelper : TagHelper
{
    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public string Name { get; set; } = "";

    public string? Legend { get; set; }

    public string? Hint { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var field = new FieldState(Name, FieldErrors.Message(ViewContext, Name), Hint is not null)
        {
            Claimed = true,
            GroupHint = Hint,
            // The first option takes the group's name as its id (the summary links there) unless the fieldset has it.
            OptionIdTaken = output.Attributes.ContainsName("id"),
        };
        if (field.OptionIdTaken) field.Id = output.Attributes["id"].Value?.ToString() ?? Name;
        context.Items[typeof(FieldState)] = field;
        FormOrder.Register(ViewContext?.HttpContext, field);
        var content = await output.GetChildContentAsync();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        FieldErrors.AddClass(output, "ds-fieldset");
        if (field.DescribedBy(null) is { } describedBy) output.Attributes.SetAttribute("aria-describedby", describedBy);
        if (!field.LegendWritten)
        {
            if (Legend is not null) output.PreContent.AppendHtml("<legend class=\"ds-label\">").Append(Legend).AppendHtml("</legend>");
            output.PreContent.AppendHtml(FieldGroupParts(field, Hint));
        }
        output.Content.SetHtmlContent(content);
    }

    // Hint and error follow the legend, which is the fieldset's first child.
    internal static IHtmlContent FieldGroupParts(FieldState field, string? hint)
    {
        var parts = new HtmlContentBuilder();
        if (hint is not null) parts.AppendHtml(FieldErrors.Hint(field.Name, hint));
        if (FieldErrors.Error(field, null) is { } error) parts.AppendHtml(error);
        return parts;
    }
}

/// <summary>
/// One checkbox or radio of a <c>&lt;field-group&gt;</c>:
/// <c>&lt;field-option type="radio" value="…" checked="…" label="…" /&gt;</c> (or the label as content) renders the
/// system's <c>div.ds-field</c> with the input first and its label right beside it. The name defaults to the group's;
/// the id to the group's name for the first option (the error summary links to it), else <c>name-value</c>. Other
/// attributes go to the input. An option of the group's own name is marked invalid when the group is in error.
/// </summary>
[HtmlTargetElement("field-option", Attributes = "value")]
public sealed class FieldOptionTagHelper : TagHelper
{
    /// <summary><c>checkbox</c> (default) or <c>radio</c>.</summary>
    public string Type { get; set; } = "checkbox";

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string Value { get; set; } = "";

    public bool Checked { get; set; }

    public string? Label { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var group = context.Items.TryGetValue(typeof(FieldState), out var item) ? item as FieldState : null;
        var name = Name ?? group?.Name ?? throw new InvalidOperationException("<field-option> needs a name or a <field-group>.");
        var id = Id;
        if (id is null && group is not null && !group.OptionIdTaken && name == group.Name)
        {
            id = group.Name;
            group.OptionIdTaken = true;
        }
        id ??= new string((name + "-" + Value).Select(c => char.IsLetterOrDigit(c) || c is '_' ? c : '-').ToArray());

        var input = new HtmlContentBuilder().AppendHtml("<input class=\"ds-input\" type=\"").Append(Type)
            .AppendHtml("\" id=\"").Append(id).AppendHtml("\" name=\"").Append(name)
            .AppendHtml("\" value=\"").Append(Value).AppendHtml("\"");
        if (Checked) input.AppendHtml(" checked=\"checked\"");
        foreach (var attribute in output.Attributes) input.AppendHtml(" ").AppendHtml(attribute);
        if (group?.Error is not null && name == group.Name) input.AppendHtml(" aria-invalid=\"true\"");
        input.AppendHtml(" />");

        var label = new HtmlContentBuilder().AppendHtml("<label class=\"ds-label\" for=\"").Append(id).AppendHtml("\">");
        if (Label is not null) label.Append(Label);
        else label.AppendHtml(await output.GetChildContentAsync());
        label.AppendHtml("</label>");

        output.Attributes.Clear();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-field");
        output.Content.SetHtmlContent(new HtmlContentBuilder().AppendHtml(input).AppendHtml(label));
    }
}

/// <summary>A hint with markup (e.g. a link) inside <c>&lt;field&gt;</c> or <c>&lt;field-group&gt;</c>, before the input.</summary>
[HtmlTargetElement("field-hint")]
public sealed class FieldHintTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(FieldState), out var item) || item is not FieldState field)
            throw new InvalidOperationException("<field-hint> belongs inside <field> or <field-group>.");
        field.HasHint = true;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("data-field", "description");
        output.Attributes.SetAttribute("id", field.Name + "-hint");
    }
}

/// <summary>
/// A legend with markup as the first child of <c>&lt;field-group&gt;</c> (instead of its <c>legend</c> attribute); the
/// group's hint and error follow it.
/// </summary>
[HtmlTargetElement("field-legend", ParentTag = "field-group")]
public sealed class FieldLegendTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(FieldState), out var item) || item is not FieldState field)
            throw new InvalidOperationException("<field-legend> belongs inside <field-group>.");
        field.LegendWritten = true;
        output.TagName = "legend";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds-label");
        output.PostElement.AppendHtml(FieldGroupTagHelper.FieldGroupParts(field, field.GroupHint));
    }
}

/// <summary>The input, select or textarea of a <c>&lt;field&gt;</c>: gets its id, name, ARIA attributes and <c>ds-input</c>.</summary>
[HtmlTargetElement("input", ParentTag = "field")]
[HtmlTargetElement("select", ParentTag = "field")]
[HtmlTargetElement("textarea", ParentTag = "field")]
public sealed class FieldControlTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(FieldState), out var item) || item is not FieldState field || field.Claimed) return;
        if (output.Attributes["type"]?.Value?.ToString() is "hidden") return;
        field.Claimed = true;

        // id and name first, where the hand-written forms had them (tests and scripts read them in that order).
        var at = output.Attributes.IndexOfName("id");
        if (at >= 0) field.Id = output.Attributes[at].Value?.ToString() ?? field.Name;
        else output.Attributes.Insert(at = 0, new TagHelperAttribute("id", field.Id));
        if (!output.Attributes.ContainsName("name")) output.Attributes.Insert(at + 1, new TagHelperAttribute("name", field.Name));
        field.IsCheck = output.TagName == "input" && output.Attributes["type"]?.Value?.ToString() is "checkbox" or "radio";
        FieldErrors.AddClass(output, "ds-input");

        var own = output.Attributes["aria-describedby"]?.Value?.ToString();
        if (field.DescribedBy(own) is { } describedBy) output.Attributes.SetAttribute("aria-describedby", describedBy);
        if (field.Error is not null) output.Attributes.SetAttribute("aria-invalid", "true");
    }
}

/// <summary>What a field's parts tell each other while it renders.</summary>
internal sealed class FieldState(string name, string? error, bool hasHint)
{
    public string Name { get; } = name;
    public string Id { get; set; } = name;
    public string? Error { get; } = error;
    public bool HasHint { get; set; } = hasHint;
    public bool Claimed { get; set; }
    public bool IsCheck { get; set; }
    public bool LegendWritten { get; set; }
    public bool OptionIdTaken { get; set; }
    public string? GroupHint { get; init; }

    /// <summary>The hint and, only when in error, the error; null when neither.</summary>
    public string? DescribedBy(string? own)
    {
        var ids = new[] { own, HasHint ? Name + "-hint" : null, Error is null ? null : Name + "-error" }
            .Where(s => !string.IsNullOrWhiteSpace(s));
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }
}

/// <summary>
/// The fields of the page in the order they render, kept in the request's items, so that the error summary (written
/// later, though it stands above the form) lists the errors in the form's order and links to each field's id.
/// </summary>
internal static class FormOrder
{
    private static readonly object Key = new();

    public static void Register(HttpContext? http, FieldState field)
    {
        if (http is null) return;
        if (http.Items[Key] is not List<FieldState> fields) http.Items[Key] = fields = [];
        fields.Add(field);
    }

    public static IReadOnlyList<FieldState> Fields(HttpContext? http) =>
        http?.Items[Key] as List<FieldState> ?? [];
}

/// <summary>The pieces, in Designsystemet's markup.</summary>
internal static class FieldErrors
{
    public static string? Message(ViewContext view, string key) =>
        view.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static void AddClass(TagHelperOutput output, string cssClass)
    {
        var own = output.Attributes["class"]?.Value?.ToString();
        output.Attributes.SetAttribute("class", string.IsNullOrWhiteSpace(own) ? cssClass : cssClass + " " + own);
    }

    // Encoded when written, by the app's encoder, like any Razor output.
    public static IHtmlContent Label(string id, string? text, string? cssClass) => new HtmlContentBuilder()
        .AppendHtml("<label class=\"ds-label").Append(cssClass is null ? "" : " " + cssClass)
        .AppendHtml("\" for=\"").Append(id).AppendHtml("\">").Append(text ?? "").AppendHtml("</label>");

    public static IHtmlContent Hint(string name, string text) => new HtmlContentBuilder()
        .AppendHtml("<div data-field=\"description\" id=\"").Append(name + "-hint").AppendHtml("\">").Append(text).AppendHtml("</div>");

    public static IHtmlContent? Error(FieldState field, string? prefix) => field.Error is null
        ? null
        // A div, not the system's usual p: right after a legend a p would take the fieldset's description colour.
        : new HtmlContentBuilder().AppendHtml("<div class=\"ds-validation-message\" data-field=\"validation\" data-color=\"danger\" id=\"")
            .Append(field.Name + "-error").AppendHtml("\">").Append((prefix ?? "") + field.Error).AppendHtml("</div>");
}
