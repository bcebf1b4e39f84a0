using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Deadlines;

/// <summary>
/// <c>/tidsfrister</c>: the public deadline calculator. A GET form, so a result can be linked and bookmarked; the same
/// rules and validation as <see cref="DeadlinesApi"/>.
/// </summary>
[AllowAnonymous]
public sealed class CalculatorModel(AppDbContext db, PartyDirectory directory) : FormPageModel
{
    public const string ReceivedKey = "received";
    public const string TenantKey = "tenant";

    [BindProperty(SupportsGet = true, Name = ReceivedKey)]
    public string? Received { get; set; }

    [BindProperty(SupportsGet = true, Name = TenantKey)]
    public string? Tenant { get; set; }

    /// <summary>Every active party, for the select.</summary>
    public List<Party> Parties { get; private set; } = [];

    /// <summary>The party whose calendar was used; null for the strict interpretation.</summary>
    public Party? Party { get; private set; }

    public RequestDeadline? Result { get; private set; }

    public bool EvesAreHolidays => Party?.Settings.EvesAreHolidays == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        if (!Request.Query.ContainsKey(ReceivedKey) && !Request.Query.ContainsKey(TenantKey))
        {
            return Page(); // The empty form; an empty field sent is an error.
        }

        var errors = new Dictionary<string, string[]>();
        var received = DeadlinesApi.ParseReceived(Received);
        if (received is null)
        {
            errors[ReceivedKey] = [DeadlinesApi.ReceivedError(Received)];
        }

        if (!string.IsNullOrWhiteSpace(Tenant))
        {
            Party = await DeadlinesApi.FindPartyAsync(Tenant.Trim(), directory, ct);
            if (Party is null)
            {
                errors[TenantKey] = ["Välj en part i listan, eller strikt tolkning."];
            }
        }

        AddErrors(errors);
        if (!ModelState.IsValid || received is null)
        {
            return Page();
        }

        Result = DeadlinesApi.Calculate(received.Value, Party is null ? PartyCalendar.Statutory : DeadlinesApi.CalendarOf(Party));
        return Page();
    }

    /// <summary>"7 april 2026".</summary>
    public static string Long(DateOnly date) => SwedishDates.Long(date);

    /// <summary>"2026-04-07", for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateOnly date) => date.ToString(DeadlinesApi.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
}
