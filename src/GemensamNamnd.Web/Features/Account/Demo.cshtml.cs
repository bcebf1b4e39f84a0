using System.Security.Claims;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Account;

/// <summary>Demo sign-in: enabled only by configuration, and only in Development or Demo (start-up refuses it elsewhere).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class DemoModel(SignInMethods methods, IHostEnvironment environment, AppDbContext db) : PageModel
{
    public sealed record DemoUserRow(Guid Id, string DisplayName, string Roles);

    public List<DemoUserRow> Users { get; private set; } = [];

    public string ReturnUrl { get; private set; } = "/";

    private bool Available => methods.Demo && DemoOptions.AllowedIn(environment);

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (!Available)
        {
            return NotFound();
        }

        ReturnUrl = LocalUrl.OrHome(Url, returnUrl);
        var users = await db.Users.AsNoTracking().Include(u => u.Memberships).ThenInclude(m => m.Party).OrderBy(u => u.DisplayName).ToListAsync();
        Users = [.. users.Select(u => new DemoUserRow(u.Id, u.DisplayName, Describe(u)))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId, string? returnUrl)
    {
        if (!Available)
        {
            return NotFound();
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && !u.IsDisabled);
        if (user is null)
        {
            return NotFound();
        }

        var identity = new ClaimsIdentity(
            [
                new Claim("tid", user.EntraTenantId.ToString()),
                new Claim("oid", user.EntraObjectId.ToString()),
                new Claim("name", user.DisplayName),
                new Claim("demo", "true"),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme, "name", "roles");
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(LocalUrl.OrHome(Url, returnUrl));
    }

    private static string Describe(AppUser u)
    {
        var parts = u.Memberships.Where(m => m.Party is not null).GroupBy(m => m.Party!.Name)
            .Select(g => $"{string.Join(" och ", g.Select(m => m.Role.Swedish()))} i {g.Key}").ToList();
        if (u.IsEStrategist)
        {
            parts.Add("E-strateg (hela nämnden)");
        }

        if (u.IsGlobalAdministrator)
        {
            parts.Add("Global administratör");
        }

        return string.Join("; ", parts);
    }
}
