using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GemensamNamnd.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInMethods methods) : PageModel
{
    public SignInMethods Methods => methods;

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = LocalUrl.OrHome(Url, returnUrl);
}

/// <summary>Starts the OpenID Connect sign-in with Entra ID.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class EntraSignInModel(SignInMethods methods) : PageModel
{
    public IActionResult OnGet(string? returnUrl) => methods.Entra
        ? Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(Url, returnUrl) }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();
}

public static class LocalUrl
{
    /// <summary>Only local return URLs: no open redirect.</summary>
    public static string OrHome(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
