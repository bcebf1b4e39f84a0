using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Start;

/// <summary>The Swedish error page; status-code re-execution and the exception handler land here.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title => SwedishProblemDetails.Title(Code);

    public string Detail => InputGuard.Message(HttpContext) ?? SwedishProblemDetails.Detail(Code);

    public void OnGet(int? code) => Code = Resolve(code);

    public void OnPost(int? code) => Code = Resolve(code);

    private int Resolve(int? code)
    {
        var status = code is >= 400 and < 600 ? code.Value : 500;
        Response.StatusCode = status;
        return status;
    }
}
