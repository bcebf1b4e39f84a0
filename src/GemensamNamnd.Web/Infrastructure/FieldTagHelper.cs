using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// The one accessible form field: <c>&lt;field name="X" label="…" hint="…"&gt;&lt;input /&gt;&lt;/field&gt;</c> renders the
/// <c>&lt;label for="X"&gt;</c>, the hint (<c>X-hint</c>), the wrapped input, select or textarea with <c>id</c>, <c>name</c>,
/// <c>aria-describedby</c> and <c>aria-invalid</c>, and the Swedish error from ModelState (<c>X-error</c>). The name is
/// the ModelState key and the default id and name of the input, so the error summary (<c>_Errors</c>) links to it. A
/// single checkbox or radio gets its label right after it. No wrapper element otherwise: the markup stays what the
/// forms rendered by hand.
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
        var content = await output.GetChildContentAsync();

        output.Content.SetHtmlContent(content);
        var label = FieldErrors.Label(field.Id, Label, LabelClass);
        var hint = Hint is null ? null : FieldErrors.Hint(Name, Hint);
        var error = FieldErrors.Error(field, ErrorPrefix);
        if (field.IsCheck)
        {
            // Checkbox or radio first, its label right after it, on one line (the .check rule in site.css); a span, so
            // that it stays in line in a filter row.
            output.TagName = "span";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("class", "check");
            output.PostContent.AppendHtml(" ").AppendHtml(label);
            // Hint and error below the line, as under a text input.
            if (hint is not null) output.PostElement.AppendHtml(hint);
            if (error is not null) output.PostElement.AppendHtml(error);
            return;
        }
        output.TagName = null;
        output.PreContent.AppendHtml(label);
        if (hint is not null) output.PreContent.AppendHtml(hint);
        if (error is not null) output.PostContent.AppendHtml(error);
    }
}

/// <summary>
/// A checkbox or radio group: <c>&lt;field-group name="X" legend="…" hint="…"&gt;options&lt;/field-group&gt;</c> renders
/// a <c>&lt;fieldset&gt;</c> with its <c>&lt;legend&gt;</c>, hint and error, the fieldset described by both. Other
/// attributes (e.g. <c>class</c>) go to the fieldset.
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
        var field = new FieldState(Name, FieldErrors.Message(ViewContext, Name), Hint is not null) { Claimed = true, GroupHint = Hint };
        context.Items[typeof(FieldState)] = field;
        var content = await output.GetChildContentAsync();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (field.DescribedBy(null) is { } describedBy) output.Attributes.SetAttribute("aria-describedby", describedBy);
        if (!field.LegendWritten)
        {
            if (Legend is not null) output.PreContent.AppendHtml("<legend>").Append(Legend).AppendHtml("</legend>");
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
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "hint");
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
        output.PostElement.AppendHtml(FieldGroupTagHelper.FieldGroupParts(field, field.GroupHint));
    }
}

/// <summary>The input, select or textarea of a <c>&lt;field&gt;</c>: gets its id, name and ARIA attributes.</summary>
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

/// <summary>The pieces, written as the forms wrote them by hand (attribute order included).</summary>
internal static class FieldErrors
{
    public static string? Message(ViewContext view, string key) =>
        view.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    // Encoded when written, by the app's encoder, like any Razor output.
    public static IHtmlContent Label(string id, string? text, string? cssClass)
    {
        var label = new HtmlContentBuilder().AppendHtml("<label ");
        if (cssClass is not null) label.AppendHtml("class=\"").Append(cssClass).AppendHtml("\" ");
        return label.AppendHtml("for=\"").Append(id).AppendHtml("\">").Append(text ?? "").AppendHtml("</label>");
    }

    public static IHtmlContent Hint(string name, string text) => new HtmlContentBuilder()
        .AppendHtml("<span class=\"hint\" id=\"").Append(name + "-hint").AppendHtml("\">").Append(text).AppendHtml("</span>");

    public static IHtmlContent? Error(FieldState field, string? prefix) => field.Error is null
        ? null
        : new HtmlContentBuilder().AppendHtml("<span id=\"").Append(field.Name + "-error").AppendHtml("\" class=\"field-error\">")
            .Append((prefix ?? "") + field.Error).AppendHtml("</span>");
}
