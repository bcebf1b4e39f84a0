using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>The signed-in user's own choice: reminders as they happen, or one digest a day.</summary>
public sealed class SaveReminderPreference(AppDbContext db, CurrentUser currentUser)
{
    public const string UnknownUser = "Du finns inte som användare i tjänsten.";

    public async Task<CommandResult<AppUser>> SaveAsync(bool wantsDailyDigest, CancellationToken ct)
    {
        var me = await currentUser.GetAsync(ct);
        var user = me is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == me.Id, ct);
        if (user is null)
        {
            return CommandResult<AppUser>.Forbidden(UnknownUser);
        }

        user.WantsDailyDigest = wantsDailyDigest;
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(user);
    }
}
