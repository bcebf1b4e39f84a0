namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// Small additions to <see cref="CommandResult{T}"/> for pages that answer a refusal with its HTTP status (a form page
/// returns 400 or 409 with the errors, as the API would), and for validation that still collects errors keyed by field.
/// </summary>
public static class CommandResultStatus
{
    /// <summary>The status an API would answer with: 200 when done, else 400, 403, 404 or 409.</summary>
    public static int HttpStatus<T>(this CommandResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            CommandStatus.Done => StatusCodes.Status200OK,
            CommandStatus.Invalid => StatusCodes.Status400BadRequest,
            CommandStatus.NotFound => StatusCodes.Status404NotFound,
            CommandStatus.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status403Forbidden,
        };
    }

    /// <summary>Errors collected in a dictionary keyed by field, as <see cref="Error"/>s.</summary>
    public static List<Error> ToErrors(this IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.SelectMany(e => e.Value.Select(m => new Error(e.Key, m)))];
    }

    /// <summary>The same result with each error's field renamed, e.g. to the id of the form input that shows it.</summary>
    public static CommandResult<T> MapFields<T>(this CommandResult<T> result, Func<string, string> field)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(field);
        return result.Ok ? result : CommandResult<T>.From(result.Status, [.. result.Errors.Select(e => e with { Field = field(e.Field) })]);
    }
}
