using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// The error summary (Designsystemet's <c>ds-error-summary</c>), one link per error to its field, in the order the
/// fields appear in the form rather than the order the validator added the errors. It stands above the form but is
/// written when the page is written, after every <c>&lt;field&gt;</c> registered itself (<see cref="FormOrder"/>).
/// Errors without a key (about the whole form) come first; keys no field claimed come last, in the validator's order.
/// <c>tabindex="-1"</c> lets <c>forms.js</c> move the focus to it after a failed post.
/// </summary>
public sealed class ErrorSummary(ModelStateDictionary modelState, HttpContext http, string heading) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        if (modelState.IsValid) return;
        var fields = FormOrder.Fields(http);
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select((e, index) =>
            {
                var at = e.Key.Length == 0 ? -1 : IndexOf(fields, e.Key);
                var rank = e.Key.Length == 0 ? -1 : at < 0 ? int.MaxValue : at;
                var target = at >= 0 ? fields[at].Id : e.Key;
                return (rank, index, target, e.Value!.Errors);
            })
            .OrderBy(e => e.rank).ThenBy(e => e.index);

        writer.Write("<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" data-error-summary aria-labelledby=\"error-summary-heading\">");
        writer.Write("<h2 id=\"error-summary-heading\">");
        encoder.Encode(writer, heading);
        writer.Write("</h2><ul>");
        foreach (var (_, _, target, list) in errors)
        {
            foreach (var error in list)
            {
                writer.Write("<li>");
                if (target.Length > 0)
                {
                    writer.Write("<a href=\"#");
                    encoder.Encode(writer, target);
                    writer.Write("\">");
                    encoder.Encode(writer, error.ErrorMessage);
                    writer.Write("</a>");
                }
                else encoder.Encode(writer, error.ErrorMessage);
                writer.Write("</li>");
            }
        }
        writer.Write("</ul></div>");
    }

    private static int IndexOf(IReadOnlyList<FieldState> fields, string key)
    {
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Name == key) return i;
        return -1;
    }
}
