using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>A page with a form: the shared way to show Swedish validation messages next to their fields.</summary>
public abstract class FormPageModel : PageModel
{
    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public string? Error(string key) => HasError(key) ? ModelState[key]!.Errors[0].ErrorMessage : null;

    protected void AddErrors(IDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
        {
            // Replace the framework's English binding messages with ours.
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }
}
