using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>One refusal: the input it concerns (the form field or JSON property name; empty for the whole) and why, in Swedish.</summary>
public sealed record Error(string Field, string Message);

/// <summary>How a command went. Every outcome but <see cref="Done"/> stored nothing.</summary>
public enum CommandStatus
{
    /// <summary>Saved.</summary>
    Done,

    /// <summary>Refused by a rule or bad input; the errors say why.</summary>
    Invalid,

    /// <summary>No such record at this party (or one the user may not know exists).</summary>
    NotFound,

    /// <summary>Someone else changed the record after the caller read it, or it is in a state that refuses the change.</summary>
    Conflict,

    /// <summary>The user may not do this to this record.</summary>
    Forbidden,
}

/// <summary>
/// The one result of a command (one class per use case, which validates and saves). The API turns it into a response
/// with <see cref="CommandResultHttp.ToProblem{T}"/>, a page into ModelState with
/// <see cref="FormPageModel.Refusal{T}(CommandResult{T}, string)"/>; expected failures are never exceptions.
/// </summary>
public sealed class CommandResult<T>
{
    private CommandResult(CommandStatus status, T? value, IReadOnlyList<Error> errors)
    {
        Status = status;
        Value = value;
        Errors = errors;
    }

    public CommandStatus Status { get; }

    /// <summary>On <see cref="CommandStatus.Done"/>: what was saved (e.g. the record with its new version).</summary>
    public T? Value { get; }

    public IReadOnlyList<Error> Errors { get; }

    public bool Ok => Status == CommandStatus.Done;

    public static CommandResult<T> Done(T value) => new(CommandStatus.Done, value, []);

    public static CommandResult<T> Invalid(string field, string message) => new(CommandStatus.Invalid, default, [new Error(field, message)]);

    public static CommandResult<T> Invalid(IEnumerable<Error> errors) => new(CommandStatus.Invalid, default, [.. errors]);

    public static CommandResult<T> NotFound() => new(CommandStatus.NotFound, default, [new Error(string.Empty, CommandMessages.NotFound)]);

    /// <summary>A concurrent edit: the one message, on the version field the form and the API carry.</summary>
    public static CommandResult<T> Conflict() => new(CommandStatus.Conflict, default, [new Error("Version", CommandMessages.Conflict)]);

    /// <summary>A state that refuses the change (e.g. a closed round): 409 with the rule's own words.</summary>
    public static CommandResult<T> Conflict(string field, string message) => new(CommandStatus.Conflict, default, [new Error(field, message)]);

    public static CommandResult<T> Forbidden(string message) => new(CommandStatus.Forbidden, default, [new Error(string.Empty, message)]);

    /// <summary>The same failure for a caller that returns another value type.</summary>
    public CommandResult<TOther> Fail<TOther>() =>
        Ok ? throw new InvalidOperationException("A done result is not a failure.") : CommandResult<TOther>.From(Status, Errors);

    /// <summary>The errors keyed by field, as ModelState and RFC 9457 validation problems carry them.</summary>
    public Dictionary<string, string[]> ErrorsByField() =>
        Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    internal static CommandResult<T> From(CommandStatus status, IReadOnlyList<Error> errors) => new(status, default, errors);
}

/// <summary>Validation collects errors, then either refuses with all of them or goes on.</summary>
public static class CommandResult
{
    public static CommandResult<T> Done<T>(T value) => CommandResult<T>.Done(value);

    /// <summary>Invalid when <paramref name="errors"/> holds any; null when the command may go on.</summary>
    public static CommandResult<T>? RefuseIfAny<T>(IReadOnlyCollection<Error> errors) =>
        errors.Count == 0 ? null : CommandResult<T>.Invalid(errors);
}

/// <summary>The Swedish words every command uses for its common failures: said once.</summary>
public static class CommandMessages
{
    public const string Conflict = "Uppgifterna har ändrats av någon annan sedan du öppnade dem. Ladda om sidan och gör ändringen igen.";

    public const string NotFound = "Uppgiften finns inte hos parten.";

    public const string InvalidTitle = "Uppgifterna är inte giltiga";
}

/// <summary>The one mapping of a command result to an API response: RFC 9457 problem details in Swedish.</summary>
public static class CommandResultHttp
{
    /// <summary><paramref name="done"/> on success; otherwise 400 (validation problem), 403, 404 or 409.</summary>
    public static IResult ToHttpResult<T>(this CommandResult<T> result, Func<T, IResult> done)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(done);
        return result.Ok ? done(result.Value!) : result.ToProblem();
    }

    /// <summary>The failure as problem details (never called on success).</summary>
    public static IResult ToProblem<T>(this CommandResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = result.Errors.Count > 0 ? result.Errors[0].Message : null;
        return result.Status switch
        {
            CommandStatus.Invalid => TypedResults.ValidationProblem(result.ErrorsByField(), title: CommandMessages.InvalidTitle),
            CommandStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: SwedishProblemDetails.Detail(404)),
            CommandStatus.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Ändringen kunde inte göras", detail: detail,
                extensions: new Dictionary<string, object?> { ["errors"] = result.ErrorsByField() }),
            CommandStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: detail),
            _ => throw new InvalidOperationException("A done result is not a problem."),
        };
    }
}

/// <summary>The one mapping of a command result to a form's ModelState.</summary>
public static class CommandResultModelState
{
    /// <summary>Puts the refusals next to their fields (with an optional prefix, e.g. "Input."), replacing the framework's English binding messages.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<Error> errors, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var group in errors.GroupBy(e => e.Field.Length == 0 ? string.Empty : prefix + e.Field))
        {
            modelState.Remove(group.Key);
            foreach (var error in group)
            {
                modelState.AddModelError(group.Key, error.Message);
            }
        }
    }
}
