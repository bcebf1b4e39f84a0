using System.Globalization;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>/{party}/paminnelser: the party's administrator sets when the party's reminders go out and to whom besides.</summary>
[Authorize(Policy = Policies.PartyAdministrator)]
public sealed class PartySettingsModel(CurrentParty currentParty, SavePartyReminderSettings save) : FormPageModel
{
    public string PartyName => currentParty.Required.Name;

    [BindProperty] public string? RequestReminderDays { get; set; }
    [BindProperty] public int RequestOverdueReminderEveryDays { get; set; }
    [BindProperty] public int ExtensionNoticeReminderDays { get; set; }
    [BindProperty] public int IdentityCheckReminderDays { get; set; }
    [BindProperty] public string? BreachReminderHours { get; set; }
    [BindProperty] public int SupplementReminderDays { get; set; }
    [BindProperty] public string? ReminderExtraAddresses { get; set; }
    [BindProperty] public string? MailFrom { get; set; }

    [TempData] public string? Notice { get; set; }

    public void OnGet()
    {
        var s = currentParty.Required.Settings;
        RequestReminderDays = string.Join(", ", s.RequestReminderDays.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        RequestOverdueReminderEveryDays = s.RequestOverdueReminderEveryDays;
        ExtensionNoticeReminderDays = s.ExtensionNoticeReminderDays;
        IdentityCheckReminderDays = s.IdentityCheckReminderDays;
        BreachReminderHours = string.Join(", ", s.BreachReminderHours.Select(h => h.ToString(CultureInfo.InvariantCulture)));
        SupplementReminderDays = s.SupplementReminderDays;
        ReminderExtraAddresses = string.Join("\n", s.ReminderExtraAddresses);
        MailFrom = s.MailFrom;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.SaveAsync(new PartyReminderSettingsInput(RequestReminderDays, RequestOverdueReminderEveryDays, ExtensionNoticeReminderDays,
            IdentityCheckReminderDays, BreachReminderHours, SupplementReminderDays, ReminderExtraAddresses, MailFrom), ct);
        if (!result.Ok)
        {
            return Refusal(result)!;
        }

        Notice = "Påminnelseinställningarna är sparade.";
        return LocalRedirect($"/{currentParty.Required.Slug}/paminnelser");
    }
}
