using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// A page with a form. Page models bind and render; the command of the use case validates and saves, and its
/// <see cref="CommandResult{T}"/> comes back here through <see cref="Refusal{T}"/>, the one way to show a refusal.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public string? Error(string key) => HasError(key) ? ModelState[key]!.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Null when the command was done; otherwise what to answer: 404 for a record that is not there, else this page with
    /// the Swedish errors next to their fields (<paramref name="prefix"/> for a bound object, e.g. "Input.").
    /// </summary>
    protected IActionResult? Refusal<T>(CommandResult<T> result, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case CommandStatus.Done:
                return null;
            case CommandStatus.NotFound:
                return NotFound();
            default:
                ModelState.AddErrors(result.Errors, prefix);
                return Page();
        }
    }

    /// <summary>Errors found by the page itself (e.g. a value that did not bind), shown the same way.</summary>
    protected void AddErrors(IEnumerable<Error> errors, string prefix = "") => ModelState.AddErrors(errors, prefix);

    protected void AddErrors(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ModelState.AddErrors(errors.ToErrors());
    }
}
