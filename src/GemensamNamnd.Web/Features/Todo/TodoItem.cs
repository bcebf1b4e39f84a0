using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;

namespace GemensamNamnd.Web.Features.Todo;

/// <summary>
/// One register's part of a user's to-do list (<c>/att-gora</c>), read from its stored deadlines. Each register
/// (requests, breaches, DPO allocations, drills, maturity rounds, impact assessments, processors) implements this once and registers it with one line in
/// <see cref="TodoExtensions"/>. A source only reads, inside one party's scope, and yields only what the viewer may open.
/// </summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> FindAsync(TodoContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What a source sees: the party's database (row-level security on), the party, the user's roles there, the request
/// viewer (the skyddad identitet rule) and the time.
/// </summary>
public sealed record TodoContext(AppDbContext Db, Party Party, IReadOnlySet<PartyRole> Roles, RequestViewer Viewer, DateTimeOffset Now, DateOnly Today)
{
    /// <summary>Handläggare and dataskyddsombud: the ones who work the cases (the registers' change policy).</summary>
    public bool IsOfficer => Roles.Contains(PartyRole.Handlaggare) || Roles.Contains(PartyRole.Dataskyddsombud);

    /// <summary>Dataskyddsombud and administrator: the follow-up of the party's DPOs and self-assessment.</summary>
    public bool IsOversight => Roles.Contains(PartyRole.Dataskyddsombud) || Roles.Contains(PartyRole.Administrator);

    /// <summary>An item due at the end of a day (Swedish time): overdue from the next midnight on.</summary>
    public TodoItem ByDay(string kind, string caseNumber, string title, DateOnly dueOn, string path) =>
        new(Party.Slug, Party.Name, kind, caseNumber, title, TodoTime.EndOf(dueOn), TodoTime.EndOf(dueOn) <= Now, path,
            TodoTime.DaysLeft(dueOn, Today), dueOn, SwedishDates.Long(dueOn));

    /// <summary>
    /// Something that should already have been done though it has no date of its own (a routine never tested, a
    /// controller that never had a DPO): due now, overdue, first in the list.
    /// </summary>
    public TodoItem AlreadyDue(string kind, string caseNumber, string title, string path) =>
        new(Party.Slug, Party.Name, kind, caseNumber, title, Now.ToUniversalTime(), true, path, "försenad", Today, null);

    /// <summary>An item due at an instant (the 72-hour clock).</summary>
    public TodoItem ByInstant(string kind, string caseNumber, string title, DateTimeOffset dueAt, string path) =>
        new(Party.Slug, Party.Name, kind, caseNumber, title, dueAt.ToUniversalTime(), dueAt <= Now, path, TodoTime.HoursLeft(dueAt, Now), null, Swedish.DateTime(dueAt));
}

/// <summary>
/// One thing due. <see cref="Title"/> says what is due and holds no personal data (it goes into the API and the
/// calendar feed too): the case number and the step, never a requester's name or what a breach is about.
/// </summary>
/// <param name="Party">The party's slug.</param>
/// <param name="Kind">Stable dotted name, register first: <c>request.overdue</c>, <c>breach.clock</c> …</param>
/// <param name="DueAt">The instant it is due: the end of the day (Swedish time) for a day deadline.</param>
/// <param name="When">"i dag", "om 3 dagar", "5 timmar kvar", "2 dagar försenad" …</param>
/// <param name="DueOn">The day, for a day deadline; null for one counted in hours.</param>
/// <param name="DueText">The deadline in words ("24 november 2026", "2 december 2026 kl. 17:57"); null when it has none of its own.</param>
public sealed record TodoItem(
    string Party,
    string PartyName,
    string Kind,
    string CaseNumber,
    string Title,
    DateTimeOffset DueAt,
    bool Overdue,
    string Url,
    string When,
    DateOnly? DueOn,
    string? DueText)
{
    /// <summary>The register, the first part of the kind: request, breach, dpo, drill, maturity, dpia or processor.</summary>
    public string Register => Kind.Split('.')[0];

    /// <summary>
    /// How urgent, for the tag: late; the 72-hour clock with under 24 hours left; a day deadline within the week (the
    /// list's horizon for requests); else nothing to point out.
    /// </summary>
    public Urgency UrgencyAt(DateTimeOffset now) =>
        Overdue ? Infrastructure.Urgency.Overdue
        : DueOn is null && DueAt - now < TimeSpan.FromHours(24) ? Infrastructure.Urgency.ClockUnder24Hours
        : DueOn is not null && DueAt - now <= TimeSpan.FromDays(7) ? Infrastructure.Urgency.DueSoon
        : Infrastructure.Urgency.None;
}

/// <summary>The registers of the to-do list, in Swedish (the filter's options).</summary>
public static class TodoRegisters
{
    public static readonly IReadOnlyList<(string Key, string Name)> All =
    [
        ("request", "Begäranden"),
        ("breach", "Incidenter"),
        ("dpo", "Dataskyddsombud"),
        ("drill", "Övningar"),
        ("maturity", "Mognad"),
        ("dpia", "Konsekvensbedömningar"),
        ("processor", "Personuppgiftsbiträden"),
    ];

    public static string Name(string key) => All.FirstOrDefault(r => r.Key == key).Name ?? key;
}

/// <summary>Due times and their words.</summary>
public static class TodoTime
{
    /// <summary>The end of <paramref name="day"/> in Sweden: the next midnight, as an instant (daylight saving by the zone).</summary>
    public static DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Swedish.TimeZone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>"i dag", "i morgon", "om 3 dagar", "1 dag försenad", "4 dagar försenad".</summary>
    public static string DaysLeft(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        0 => "i dag",
        1 => "i morgon",
        > 1 and var n => $"om {n} dagar",
        var n => $"{Swedish.Count(-n, "dag", "dagar")} försenad",
    };

    /// <summary>"5 timmar kvar", "1 timme kvar", "mindre än en timme kvar", "3 timmar försenad" (whole hours, as the clock counts them).</summary>
    public static string HoursLeft(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        if (left >= TimeSpan.Zero)
        {
            var hours = (int)Math.Floor(left.TotalHours);
            return hours == 0 ? "mindre än en timme kvar" : $"{Swedish.Count(hours, "timme", "timmar")} kvar";
        }

        return $"{Swedish.Count((int)Math.Ceiling(-left.TotalHours), "timme", "timmar")} försenad";
    }
}

/// <summary>What <c>_TodoTable.cshtml</c> shows: the items, the time they were read at, and whether to name each party.</summary>
public sealed record TodoTable(IReadOnlyList<TodoItem> Items, DateTimeOffset Now, bool ShowParty, string Caption);
