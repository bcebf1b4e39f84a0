using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GemensamNamnd.Web.Features.Todo;

/// <summary><c>/att-gora/kalender</c>: the user's secret calendar address — made, renewed (the old stops working) or turned off.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CalendarModel(CurrentUser currentUser, CalendarFeeds feeds) : PageModel
{
    public bool HasFeed { get; private set; }

    /// <summary>The new address, shown once right after it was made (it is not stored in plain text).</summary>
    public string? NewAddress { get; private set; }

    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await currentUser.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        HasFeed = await feeds.ExistsAsync(me.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        if (await currentUser.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        var secret = await feeds.RenewAsync(me.Id, ct);
        NewAddress = $"{Request.Scheme}://{Request.Host}{CalendarFeeds.PathOf(secret)}";
        HasFeed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await currentUser.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        await feeds.RevokeAsync(me.Id, ct);
        Revoked = true;
        return Page();
    }
}
