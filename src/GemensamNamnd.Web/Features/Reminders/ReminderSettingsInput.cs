using System.Globalization;
using System.Net.Mail;
using GemensamNamnd.Web.Data;

namespace GemensamNamnd.Web.Features.Reminders;

/// <summary>The reminder part of a party's settings as entered in the administration form: parsed, or errors in Swedish.</summary>
public sealed record ReminderSettingsInput(List<int> RequestReminderDays, List<string> ExtraAddresses, string? MailFrom)
{
    public const int MaxExtraAddresses = 20;

    public static ReminderSettingsInput Parse(string? reminderDays, int overdueEvery, int noticeDays, int identityDays, string? extraAddresses, string? mailFrom, Dictionary<string, string[]> errors)
    {
        var days = Numbers(reminderDays, 0, 365, "RequestReminderDays", "dagar", errors);
        if (days.Count > 10)
        {
            errors["RequestReminderDays"] = ["Högst tio påminnelser före sista dag."];
        }

        if (overdueEvery is < 1 or > 365)
        {
            errors["RequestOverdueReminderEveryDays"] = ["Ange 1–365 dagar."];
        }

        if (noticeDays is < 0 or > 30)
        {
            errors["ExtensionNoticeReminderDays"] = ["Ange 0–30 dagar."];
        }

        if (identityDays is < 1 or > 90)
        {
            errors["IdentityCheckReminderDays"] = ["Ange 1–90 dagar."];
        }

        var addresses = new List<string>();
        foreach (var line in (extraAddresses ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IsAddress(line))
            {
                addresses.Add(line);
            }
            else
            {
                errors["ReminderExtraAddresses"] = [$"”{Shorten(line)}” är inte en giltig e-postadress."];
            }
        }

        if (addresses.Count > MaxExtraAddresses)
        {
            errors["ReminderExtraAddresses"] = [$"Högst {MaxExtraAddresses} adresser."];
        }

        var from = string.IsNullOrWhiteSpace(mailFrom) ? null : mailFrom.Trim();
        if (from is not null && !IsAddress(from))
        {
            errors["MailFrom"] = ["Avsändaradressen är inte en giltig e-postadress."];
        }

        return new(days.OrderDescending().ToList(), addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), from);
    }

    /// <summary>
    /// Hours after awareness of a breach at which to remind while no report or decision is made (1–72, at most ten).
    /// The reminder at 72 hours ("försenad", Art. 33(1)) is sent whatever is entered.
    /// </summary>
    public static List<int> ParseBreachHours(string? hours, Dictionary<string, string[]> errors)
    {
        var parsed = Numbers(hours, 1, 72, "BreachReminderHours", "timmar", errors);
        if (parsed.Count > 10)
        {
            errors["BreachReminderHours"] = ["Högst tio påminnelser före 72 timmar."];
        }

        return [.. parsed.Order()];
    }

    /// <summary>A comma- or space-separated list of whole numbers within [min, max], without repeats.</summary>
    private static List<int> Numbers(string? text, int min, int max, string field, string unit, Dictionary<string, string[]> errors)
    {
        var numbers = new List<int>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                numbers.Add(n);
            }
            else
            {
                errors[field] = [$"”{Shorten(part)}” är inte ett antal {unit} ({min}–{max})."];
            }
        }

        return [.. numbers.Distinct()];
    }

    /// <summary>One plain address (no display name, no list), as MailKit will send to it.</summary>
    public static bool IsAddress(string value) =>
        value.Length <= Limits.Email && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && string.IsNullOrEmpty(parsed.DisplayName);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
