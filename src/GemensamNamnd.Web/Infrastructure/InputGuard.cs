using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// Bad input refused in one place, before a page or an endpoint sees it (issue 22): a NUL character in a query string,
/// a form or a JSON string; a text longer than <see cref="MaxTextLength"/>; a form over its limits (a value over 1 MB,
/// over 1,024 fields, a body over 4 MB); a form value that is not of its field's type (an unknown choice, a number or an
/// id that is none); an unknown page handler. Each is 400, 404 or 413 with a Swedish message: problem details on the API
/// (<see cref="SwedishProblemDetails.WriteApiStatusAsync"/>), the error page in the UI (which shows <see cref="Message"/>).
/// </summary>
public static class InputGuard
{
    /// <summary>The longest text any field takes, in characters: far beyond any description, far below what hurts.</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>The largest request body (413 beyond it), in bytes.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The longest form value, in bytes as sent: a text of <see cref="MaxTextLength"/> characters fits, form-encoded.</summary>
    public const int MaxValueBytes = 1024 * 1024;

    public const string NulMessage = "Begäran innehåller ett otillåtet tecken (NUL). Ta bort det och försök igen.";

    public static readonly string TooLongMessage = $"Ett värde är längre än {MaxTextLength.ToString("N0", Swedish.Culture)} tecken.";

    public const string FormLimitMessage = "Formuläret har för många fält eller för långa värden.";

    public const string TooLargeMessage = "Begäran är för stor.";

    public const string UnreadableMessage = "Begäran kunde inte läsas: kontrollera att den är giltig JSON och att varje värde har rätt typ och form, utan otillåtna tecken.";

    private const string Key = "gn.input-refusal";

    /// <summary>An upload sets its own Swedish refusal here: a body over its limit is then 400 with it (Features/Documents).</summary>
    public const string UploadRefusalKey = "gn.upload-refusal";

    /// <summary>Answers <paramref name="status"/> with <paramref name="message"/>; the status-code pages write the body.</summary>
    public static void Refuse(HttpContext http, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Key] = message;
        http.Response.StatusCode = status;
    }

    /// <summary>Why the request was refused, when this guard refused it.</summary>
    public static string? Message(HttpContext http) => http?.Items[Key] as string;

    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary>Why a text is refused, or null.</summary>
    public static string? Check(string? text) => HasNul(text) ? NulMessage : text is { Length: > MaxTextLength } ? TooLongMessage : null;

    /// <summary>The web shell's part: the middleware and the page filter, and JSON strings checked as they are read.</summary>
    public static IServiceCollection AddInputGuard(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new GuardedStringConverter()));
        // Nothing is uploaded: the largest real body is a few long texts (each at most MaxTextLength characters, under
        // 1 MB form-encoded). Below ASP.NET's defaults (30 MB a body, 4 MB a value), a flood of large bodies is refused
        // before it is buffered, which is what held 400 MB of memory after a probe (issue 15).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueLengthLimit = MaxValueBytes);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new InputGuardPageFilter()));
        return services;
    }
}

/// <summary>The query string and the form, read and checked once before routing; a refused request goes no further.</summary>
public sealed class InputGuardMiddleware(RequestDelegate next, ILogger<InputGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // The error page re-executed for a refusal sees the same form: it is not checked again.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            await next(http);
            return;
        }

        var refusal = http.Request.Query.SelectMany(q => q.Value.Append(q.Key)).Select(InputGuard.Check).FirstOrDefault(m => m is not null);
        if (refusal is null && http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                refusal = form.SelectMany(f => f.Value.Append(f.Key)).Select(InputGuard.Check).FirstOrDefault(m => m is not null);
            }
            catch (InvalidDataException e)
            {
                // The framework's own form reader refuses a NUL ("invalid characters") and a form over its limits.
                var message = e.InnerException is InvalidOperationException ? InputGuard.NulMessage : InputGuard.FormLimitMessage;
                logger.LogInformation("Begäran avvisad vid {Path}: {Reason}", http.Request.Path, message);
                RefuseUnreadForm(http, StatusCodes.Status400BadRequest, message);
                return;
            }
            catch (BadHttpRequestException e)
            {
                var upload = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? http.Items[InputGuard.UploadRefusalKey] as string : null;
                var message = upload ?? (e.StatusCode == StatusCodes.Status413PayloadTooLarge ? InputGuard.TooLargeMessage : InputGuard.FormLimitMessage);
                logger.LogInformation("Begäran avvisad vid {Path}: {Reason}", http.Request.Path, message);
                RefuseUnreadForm(http, upload is null ? e.StatusCode : StatusCodes.Status400BadRequest, message);
                return;
            }
        }

        if (refusal is not null)
        {
            logger.LogInformation("Begäran avvisad vid {Path}: {Reason}", http.Request.Path, refusal);
            InputGuard.Refuse(http, StatusCodes.Status400BadRequest, refusal);
            return;
        }

        await next(http);
    }

    /// <summary>The error page that answers must not read the unreadable form again: it sees an empty one.</summary>
    private static void RefuseUnreadForm(HttpContext http, int status, string message)
    {
        http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        InputGuard.Refuse(http, status, message);
    }
}

/// <summary>
/// A page: an unknown handler is 404 (never the page rendered without its handler); on a post, a value that did not bind
/// to its field's type (an unknown choice, a number, an id or a date that is none) is 400 with a Swedish message — pages
/// clear the framework's English binding messages, so without this such a value would be silently dropped.
/// </summary>
public sealed class InputGuardPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Razor Pages falls back to the unnamed handler (or none) for a handler name it does not know: that is 404 here.
        var asked = context.RouteData.Values["handler"] as string ?? context.HttpContext.Request.Query["handler"].FirstOrDefault();
        var unknown = !string.IsNullOrEmpty(asked) && !string.Equals(context.HandlerMethod?.Name, asked, StringComparison.OrdinalIgnoreCase);
        if (unknown || (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0))
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && FirstUnbound(context) is { } key)
        {
            InputGuard.Refuse(context.HttpContext, StatusCodes.Status400BadRequest, $"Fältet {key} har ett värde som inte är ett giltigt val eller inte har rätt form.");
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        await next();
    }

    /// <summary>The first posted field whose value did not convert to its type (the framework put an error on it).</summary>
    private static string? FirstUnbound(PageHandlerExecutingContext context)
    {
        var types = context.ActionDescriptor.BoundProperties.Concat(context.HandlerMethod?.Parameters ?? [])
            .GroupBy(p => p.BindingInfo?.BinderModelName ?? p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().ParameterType, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState == ModelValidationState.Invalid && entry.RawValue is not null && TypeOf(key, types) is { } type && type != typeof(string))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The type a ModelState key binds to ("Input.Delivery", "Types[0]", "Marks[id]"), or null when unknown.</summary>
    private static Type? TypeOf(string key, Dictionary<string, Type> roots)
    {
        var parts = key.Split('.');
        var root = parts[0];
        var bracket = root.IndexOf('[', StringComparison.Ordinal);
        if (!roots.TryGetValue(bracket >= 0 ? root[..bracket] : root, out var type))
        {
            return null;
        }

        type = Element(type, bracket >= 0);
        foreach (var part in parts.Skip(1))
        {
            var b = part.IndexOf('[', StringComparison.Ordinal);
            var property = type.GetProperty(b >= 0 ? part[..b] : part);
            if (property is null)
            {
                return null;
            }

            type = Element(property.PropertyType, b >= 0);
        }

        return Element(type, indexed: false);
    }

    private static Type Element(Type type, bool indexed)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            var arguments = type.GetGenericArguments();
            type = arguments[^1];
        }
        else if (type.IsArray)
        {
            type = type.GetElementType()!;
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }
}

/// <summary>Every JSON string an API body carries: a NUL or a text over <see cref="InputGuard.MaxTextLength"/> makes the body unreadable (400).</summary>
public sealed class GuardedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return InputGuard.Check(text) is { } refusal ? throw new JsonException(refusal) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
