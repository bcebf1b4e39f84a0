using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>How pressing a deadline or state is; each register decides it by its own rules and words.</summary>
public enum Urgency
{
    /// <summary>Nothing to point out: the words stand without a tag.</summary>
    None,

    /// <summary>Avslutad: the case is closed.</summary>
    Closed,

    /// <summary>Förlängd: the deadline is extended.</summary>
    Extended,

    /// <summary>Due within 7 days (a request), or today.</summary>
    DueSoon,

    /// <summary>The 72-hour clock has less than 24 hours left.</summary>
    ClockUnder24Hours,

    /// <summary>Försenad: the deadline has passed.</summary>
    Overdue,
}

/// <summary>
/// <c>&lt;status-tag urgency="Urgency.Overdue"&gt;7 dagar försenad&lt;/status-tag&gt;</c>: the one way a status or an
/// urgency is shown — Designsystemet's tag in the urgency's colour, always with its words (never colour alone).
/// <see cref="Urgency.None"/> renders the words alone.
/// </summary>
[HtmlTargetElement("status-tag")]
public sealed class StatusTagHelper : TagHelper
{
    public Urgency Urgency { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Urgency == Urgency.None)
        {
            output.TagName = null;
            return;
        }

        output.Attributes.SetAttribute("class", "ds-tag status-tag");
        output.Attributes.SetAttribute("data-color", Color(Urgency));
        output.Attributes.SetAttribute("data-urgency", Urgency.ToString());
    }

    /// <summary>The theme's colour for an urgency: red when late or nearly so, yellow within the week.</summary>
    public static string Color(Urgency urgency) => urgency switch
    {
        Urgency.Overdue or Urgency.ClockUnder24Hours => "danger",
        Urgency.DueSoon => "warning",
        Urgency.Extended => "info",
        _ => "neutral",
    };
}
