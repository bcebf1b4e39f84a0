using GemensamNamnd.Web.Identity;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>CSP (no inline script, no framing), nosniff, referrer policy. HSTS is added by UseHsts outside Development.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, SignInMethods signIn)
{
    // Sign-out posts a form that redirects to Entra; form-action must allow that origin when Entra is on.
    private readonly string _csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        (signIn.Entra ? "form-action 'self' https://login.microsoftonline.com" : "form-action 'self'");

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _csp;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
