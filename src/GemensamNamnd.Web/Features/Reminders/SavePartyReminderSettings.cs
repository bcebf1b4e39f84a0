using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>The current party's reminder settings as its administrator's form sends them (the same fields as Administration → part).</summary>
public sealed record PartyReminderSettingsInput(
    string? RequestReminderDays,
    int RequestOverdueReminderEveryDays,
    int ExtensionNoticeReminderDays,
    int IdentityCheckReminderDays,
    string? BreachReminderHours,
    int SupplementReminderDays,
    string? ReminderExtraAddresses,
    string? MailFrom);

/// <summary>
/// The party's administrator sets the party's own reminder settings, without the global administrator: only those
/// fields, only of the current party; validated as the administration form validates them (<see cref="ReminderSettingsInput"/>).
/// </summary>
public sealed class SavePartyReminderSettings(AppDbContext db, CurrentParty currentParty)
{
    public async Task<CommandResult<Guid>> SaveAsync(PartyReminderSettingsInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var reminders = ReminderSettingsInput.Parse(input.RequestReminderDays, input.RequestOverdueReminderEveryDays, input.ExtensionNoticeReminderDays,
            input.IdentityCheckReminderDays, input.ReminderExtraAddresses, input.MailFrom, errors);
        var breachHours = ReminderSettingsInput.ParseBreachHours(input.BreachReminderHours, errors);
        if (input.SupplementReminderDays is < 0 or > 27)
        {
            errors[nameof(input.SupplementReminderDays)] = ["Ange 0–27 dagar (kompletteringen ska in inom fyra veckor)."];
        }

        if (errors.Count > 0)
        {
            return CommandResult<Guid>.Invalid(errors.SelectMany(e => e.Value.Select(m => new Error(e.Key, m))));
        }

        var partyId = currentParty.Required.Id;
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == partyId, ct);
        if (party is null)
        {
            return CommandResult<Guid>.NotFound();
        }

        // Field by field: the party's other settings keep their values.
        party.Settings.RequestReminderDays = reminders.RequestReminderDays;
        party.Settings.RequestOverdueReminderEveryDays = input.RequestOverdueReminderEveryDays;
        party.Settings.ExtensionNoticeReminderDays = input.ExtensionNoticeReminderDays;
        party.Settings.IdentityCheckReminderDays = input.IdentityCheckReminderDays;
        party.Settings.ReminderExtraAddresses = reminders.ExtraAddresses;
        party.Settings.MailFrom = reminders.MailFrom;
        party.Settings.BreachReminderHours = breachHours;
        party.Settings.SupplementReminderDays = input.SupplementReminderDays;
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(party.Id);
    }
}
