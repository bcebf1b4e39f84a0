using System.Net;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>Administration → part: the breach reminder hours and the drill interval, saved field by field.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PartyEditTests(AppFactory app)
{
    private const string Slug = "ragunda";

    [PostgresFact]
    public async Task TheAdministrator_SetsBreachReminderHoursAndDrillInterval_AndSettingsNotOnTheFormKeepTheirValues()
    {
        var party = await PartyAsync();
        await ChangeAsync(p => p.Settings.DpoBudgetNote = "Budget enligt samverkansavtalet");
        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var url = $"/admin/parter/{party.Id}";
        Assert.Contains("name=\"DrillIntervalMonths\" value=\"12\"", await admin.GetStringAsync(url), StringComparison.Ordinal);

        var response = await PostAsync(admin, url, Form(party, hours: "36, 12 ,12", drillMonths: "24"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await PartyAsync();
        Assert.Equal([12, 36], saved.Settings.BreachReminderHours);
        Assert.Equal(24, saved.Settings.DrillIntervalMonths);
        Assert.Equal("Budget enligt samverkansavtalet", saved.Settings.DpoBudgetNote);
        Assert.Equal(party.Settings.RequestReminderDays, saved.Settings.RequestReminderDays);

        // Back to the defaults, so other tests see the seeded party.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, url, Form(saved, hours: "24, 48, 66, 72", drillMonths: "12"))).StatusCode);
    }

    [PostgresTheory]
    [InlineData("0, 24", "12", "BreachReminderHours")]
    [InlineData("24, 80", "12", "BreachReminderHours")]
    [InlineData("ett dygn", "12", "BreachReminderHours")]
    [InlineData("24", "0", "DrillIntervalMonths")]
    [InlineData("24", "61", "DrillIntervalMonths")]
    [InlineData("24", "12", "SupplementReminderDays")]
    public async Task BadInput_IsRefusedInSwedish_AndNothingIsSaved(string hours, string drillMonths, string field)
    {
        var party = await PartyAsync();
        using var admin = app.ClientFor(AppFactory.Demo("admin"));
        var form = Form(party, hours, drillMonths);
        if (field == "SupplementReminderDays")
        {
            form[field] = "30";
        }

        var response = await PostAsync(admin, $"/admin/parter/{party.Id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        Assert.Matches(field switch { "DrillIntervalMonths" => "1–60", "SupplementReminderDays" => "0–27", _ => "1–72" }, html);
        var after = await PartyAsync();
        Assert.Equal(party.Settings.BreachReminderHours, after.Settings.BreachReminderHours);
        Assert.Equal(party.Settings.DrillIntervalMonths, after.Settings.DrillIntervalMonths);
    }

    [PostgresFact]
    public async Task OnlyAGlobalAdministrator_ReachesTheForm()
    {
        var party = await PartyAsync();
        using var partyAdmin = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.Forbidden, (await partyAdmin.GetAsync($"/admin/parter/{party.Id}")).StatusCode);
    }

    private static Dictionary<string, string> Form(Party p, string hours, string drillMonths) => new()
    {
        ["Name"] = p.Name,
        ["Slug"] = p.Slug,
        ["Kind"] = p.Kind.ToString(),
        ["OrganisationNumber"] = p.OrganisationNumber ?? string.Empty,
        ["EntraTenantIds"] = string.Join('\n', p.EntraTenantIds),
        ["IntakeClientIds"] = string.Join('\n', p.Settings.IntakeClientIds),
        ["CaseNumberPrefix"] = p.Settings.CaseNumberPrefix,
        ["RequestClockStart"] = p.Settings.RequestClockStart.ToString(),
        ["RequestRetentionMonths"] = p.Settings.RequestRetentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["BreachRetentionMonths"] = p.Settings.BreachRetentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RequestReminderDays"] = string.Join(", ", p.Settings.RequestReminderDays),
        ["RequestOverdueReminderEveryDays"] = p.Settings.RequestOverdueReminderEveryDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ExtensionNoticeReminderDays"] = p.Settings.ExtensionNoticeReminderDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IdentityCheckReminderDays"] = p.Settings.IdentityCheckReminderDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ReminderExtraAddresses"] = string.Join('\n', p.Settings.ReminderExtraAddresses),
        ["MailFrom"] = p.Settings.MailFrom ?? string.Empty,
        ["IsActive"] = p.IsActive ? "true" : "false",
        ["BreachReminderHours"] = hours,
        ["DrillIntervalMonths"] = drillMonths,
        ["SupplementReminderDays"] = p.Settings.SupplementReminderDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<Party> PartyAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Parties.AsNoTracking().SingleAsync(p => p.Slug == Slug);
    }

    private async Task ChangeAsync(Action<Party> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        change(await db.Parties.SingleAsync(p => p.Slug == Slug));
        await db.SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = Token().Match(await client.GetStringAsync(url)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
