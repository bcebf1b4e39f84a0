namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// The one way to ask before an irreversible action (ADR in README, "One way to do each thing"): a two-step POST that
/// works without JavaScript. The action's form posts as usual; when the post lacks <see cref="Field"/>=true, the handler
/// checks the input, changes nothing and shows the page again with this request — a warning panel
/// (<c>Features/Shared/_Confirm.cshtml</c>) stating the consequence, and a "Ja, …" button that posts the same handler
/// with the same values and <c>confirmed=true</c>. Only that second post acts. The API's equivalents do not ask.
/// </summary>
/// <param name="Handler">The page handler both posts go to, e.g. <c>Withdraw</c>.</param>
/// <param name="Heading">What is about to happen, as a question or statement, e.g. "Återkalla KS 2026/0042?".</param>
/// <param name="Consequence">The consequence in words, e.g. "21 ärenden gallras. Det går inte att ångra.".</param>
/// <param name="Yes">The confirming button, starting with "Ja, ", e.g. "Ja, gallra 21 ärenden".</param>
/// <param name="Values">The posted values the second post carries again (hidden fields).</param>
/// <param name="Action">The form's address when it is not the current page (null: the current page).</param>
public sealed record Confirmation(string Handler, string Heading, string Consequence, string Yes, IReadOnlyList<KeyValuePair<string, string?>> Values, string? Action = null)
{
    /// <summary>The form field that says the consequence was seen and accepted.</summary>
    public const string Field = "confirmed";

    /// <summary>True when the post carries <c>confirmed=true</c>.</summary>
    public static bool IsConfirmed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType && string.Equals(request.Form[Field], "true", StringComparison.OrdinalIgnoreCase);
    }
}
