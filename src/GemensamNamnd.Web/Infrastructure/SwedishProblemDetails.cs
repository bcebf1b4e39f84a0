using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>RFC 9457 problem details in Swedish on the API; a Swedish error page for the UI.</summary>
public static class SwedishProblemDetails
{
    public static string Title(int status) => status switch
    {
        400 => "Felaktig begäran",
        401 => "Du behöver logga in",
        403 => "Du har inte behörighet",
        404 => "Hittades inte",
        405 => "Metoden stöds inte",
        409 => "Konflikt",
        413 => "För stor begäran",
        415 => "Formatet stöds inte",
        422 => "Uppgifterna kunde inte sparas",
        _ when status >= 500 => "Ett oväntat fel inträffade",
        _ => "Begäran kunde inte utföras",
    };

    public static string Detail(int status) => status switch
    {
        401 => "Logga in för att fortsätta.",
        403 => "Ditt konto saknar behörighet till den här parten eller funktionen.",
        404 => "Adressen finns inte, eller så finns inte uppgiften hos den här parten.",
        _ when status >= 500 => "Försök igen om en stund. Felet är loggat.",
        _ => Title(status) + ".",
    };

    public static void Customize(ProblemDetailsOptions options) => options.CustomizeProblemDetails = ctx =>
    {
        var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
        if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title.All(c => c < 128))
        {
            ctx.ProblemDetails.Title = Title(status);
        }

        ctx.ProblemDetails.Detail ??= Detail(status);
        ctx.ProblemDetails.Instance ??= OriginalPath(ctx.HttpContext);
        ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
    };

    /// <summary>
    /// Is this a request to the API? Asked of the path the client sent: the exception handler has already rewritten
    /// <c>Request.Path</c> to the error page when it asks.
    /// </summary>
    public static bool IsApi(HttpContext http) =>
        new PathString(http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value).StartsWithSegments("/api");

    /// <summary>The path the client sent, also while the exception handler runs on the error page's path.</summary>
    public static PathString OriginalPath(HttpContext http) =>
        http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : http.Request.Path;

    /// <summary>Bodies for empty 4xx/5xx API responses.</summary>
    public static async Task WriteApiStatusAsync(StatusCodeContext context)
    {
        var writer = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = context.HttpContext.Response.StatusCode,
                Detail = InputGuard.Message(context.HttpContext)
                         ?? (context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest ? InputGuard.UnreadableMessage : null),
            },
        });
    }
}

/// <summary>
/// Unexpected failures become 500 problem details (API) or the error page (UI). Expected ones carry their status:
/// a concurrent edit is 409, a bad request 400.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            DbUpdateConcurrencyException => (409, CommandMessages.Conflict),
            BadHttpRequestException bad => (bad.StatusCode, "Begäran kunde inte läsas."),
            _ => (500, SwedishProblemDetails.Detail(500)),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Oväntat fel vid {Path}", SwedishProblemDetails.OriginalPath(httpContext));
        }

        httpContext.Response.StatusCode = status;
        if (!SwedishProblemDetails.IsApi(httpContext))
        {
            return false;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
