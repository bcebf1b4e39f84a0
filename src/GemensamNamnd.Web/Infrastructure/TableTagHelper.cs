using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;table&gt;</c> in a view is Designsystemet's table (<c>ds-table</c>, compact, zebra rows) inside a
/// <c>.table-scroll</c> wrapper: a table wider than the screen scrolls inside it, its first column sticky, and the page
/// itself never scrolls sideways (down to 320 px). <c>wwwroot/js/table-scroll.js</c> makes a wrapper that does scroll
/// a focusable, named region so it can be scrolled by keyboard. <c>scroll="false"</c> leaves a table unwrapped.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableTagHelper : TagHelper
{
    /// <summary>False: no scroll wrapper (a table already inside one).</summary>
    public bool Scroll { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.AddClass("ds-table", HtmlEncoder.Default);
        if (!output.Attributes.ContainsName("data-size"))
        {
            output.Attributes.SetAttribute("data-size", "sm");
        }

        if (!output.Attributes.ContainsName("data-zebra"))
        {
            output.Attributes.SetAttribute("data-zebra", "true");
        }

        if (Scroll)
        {
            output.PreElement.AppendHtml("<div class=\"table-scroll\" data-table-scroll>");
            output.PostElement.AppendHtml("</div>");
        }
    }
}
