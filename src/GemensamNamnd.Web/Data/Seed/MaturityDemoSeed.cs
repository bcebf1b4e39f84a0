using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Calendar;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Maturity;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data.Seed;

/// <summary>
/// Two closed self-assessment rounds (the two years before this one), answered by every party, so the e-strateg's
/// comparison, heat map and trend show something on first run. The levels are fixed per party and dimension and rise a
/// little in the later year where the committee's minutes say work was done (Östersund's request process, Region's DPO).
/// Last year's register data too (closed requests and breaches, different per party), so the measured comparison of
/// last year has figures above the suppression threshold; they are marked with <see cref="Note"/>.
/// Runs once (skipped when any round exists); with <c>Demo:Cases</c> only, like the other demo cases.
/// </summary>
public static class MaturityDemoSeed
{
    /// <summary>The note on last year's demo requests (to tell them from the register's own demo cases).</summary>
    public const string Note = "Demo: fjolårets ärenden för mognadsjämförelsen.";

    // Levels of the earlier year, dimension by dimension (requests, incidents, dpo, training, records, resilience).
    private static readonly Dictionary<string, int[]> Base = new(StringComparer.Ordinal)
    {
        ["region-jh"] = [3, 3, 4, 3, 4, 4],
        ["berg"] = [2, 2, 2, 1, 2, 2],
        ["bracke"] = [2, 3, 2, 2, 2, 2],
        ["harjedalen"] = [2, 2, 2, 2, 3, 2],
        ["krokom"] = [2, 1, 2, 2, 2, 3],
        ["ragunda"] = [1, 1, 2, 2, 1, 2],
        ["stromsund"] = [2, 2, 1, 2, 2, 2],
        ["are"] = [3, 2, 2, 3, 2, 3],
        ["ostersund"] = [4, 3, 2, 3, 3, 3],
    };

    private static readonly string[] Why =
    [
        "Saknas i dag; behöver tas fram.",
        "Finns delvis men är inte känt i organisationen.",
        "Rutin finns och följs i de flesta förvaltningar.",
        "Följs upp årligen; förbättringar genomförs.",
        "Väl etablerat och utvärderat.",
    ];

    public static async Task EnsureAsync(AppDbContext db, PartyScope partyScope, CancellationToken ct)
    {
        if (await db.MaturityRounds.AnyAsync(ct))
        {
            return;
        }

        var parties = await db.Parties.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        if (parties.Count == 0)
        {
            return;
        }

        var today = await partyScope.RunAsync(parties[0].Id, sp => Task.FromResult(Swedish.Today(sp.GetRequiredService<TimeProvider>())), ct);
        var rounds = new[] { today.Year - 2, today.Year - 1 }.Select(year =>
        {
            var r = MaturityRound.Draft(year, new DateOnly(year, 11, 30));
            r.Status = RoundStatus.Closed;
            r.OpenedAt = new DateTimeOffset(year, 10, 1, 8, 0, 0, TimeSpan.Zero);
            r.ClosedAt = new DateTimeOffset(year, 12, 1, 8, 0, 0, TimeSpan.Zero);
            return r;
        }).ToList();
        db.MaturityRounds.AddRange(rounds);
        await db.SaveChangesAsync(ct);

        foreach (var (party, index) in parties.Select((p, i) => (p, i)))
        {
            var levels = Base.TryGetValue(party.Slug, out var known) ? known : [.. Enumerable.Range(0, 6).Select(d => 1 + ((index + d) % 4))];
            await partyScope.RunAsync(party.Id, async sp =>
            {
                var partyDb = sp.GetRequiredService<AppDbContext>();
                foreach (var (round, later) in rounds.Select((r, i) => (r, i == 1)))
                {
                    partyDb.MaturityAnswers.Add(new MaturityAnswer
                    {
                        RoundId = round.Id,
                        SubmittedAt = new DateTimeOffset(round.Year, 11, 15, 9, 0, 0, TimeSpan.Zero),
                        Items = [.. round.Dimensions.Select((d, i) =>
                        {
                            // The later year: one step up on every other dimension (never above 5).
                            var level = Math.Min(RoundRules.MaxLevel, levels[i % levels.Length] + (later && (i + index) % 2 == 0 ? 1 : 0));
                            return new AnswerItem { Key = d.Key, Level = level, Justification = Why[level - 1] };
                        })],
                    });
                }

                await partyDb.SaveChangesAsync(ct);
                await LastYearsCasesAsync(partyDb, party, index, today.Year - 1, ct);
            }, ct);
        }

    }

    /// <summary>
    /// 8–32 closed requests and 6–9 breaches in <paramref name="year"/>: parties further down the list answer later and
    /// report more slowly, so the bars differ. Deadlines are computed by the real rule (Art. 12(3), Reg. 1182/71).
    /// </summary>
    private static async Task LastYearsCasesAsync(AppDbContext db, GemensamNamnd.Web.Parties.Party party, int index, int year, CancellationToken ct)
    {
        var controller = await db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (controller == Guid.Empty)
        {
            return;
        }

        var calendar = new PartyCalendar(party.Settings.EvesAreHolidays);
        var prefix = party.Settings.CaseNumberPrefix;
        var count = 8 + (index * 3);
        for (var i = 0; i < count; i++)
        {
            var receivedOn = new DateOnly(year, 1, 8).AddDays(i * 340 / count);
            var local = receivedOn.ToDateTime(new TimeOnly(10, 0));
            var received = new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
            var deadline = RequestDeadlines.Calculate(receivedOn, calendar);
            var extended = i % 7 == 3;
            // Days to answer: from 6 upwards, more for later parties; every fifth of a later party's cases runs late.
            var days = 6 + ((i * 5 + index * 4) % 24) + (index >= 5 && i % 5 == 0 ? 20 : 0) + (extended ? 45 : 0);
            db.Requests.Add(new DataSubjectRequest
            {
                CaseNumber = $"{prefix} {year}/{9000 + i}",
                ReceivedAt = received,
                Channel = (RequestChannel)(i % 4),
                ControllerId = controller,
                Rights = DataSubjectRights.Access,
                RequesterName = $"Demoperson {i + 1}",
                Status = i % 9 == 8 ? RequestStatus.Refused : RequestStatus.Answered,
                ClockStartOn = deadline.ClockStart,
                DueOn = deadline.Due,
                ExtendedDueOn = deadline.ExtendedDue,
                EffectiveDueOn = extended ? deadline.ExtendedDue : deadline.Due,
                ExtensionReason = extended ? "Många system att söka i." : null,
                ExtensionNoticeSentOn = extended ? receivedOn.AddDays(20) : null,
                AnsweredOn = receivedOn.AddDays(days),
                RefusalGround = i % 9 == 8 ? "Uppenbart ogrundad (art. 12.5)." : null,
                Notes = Note,
            });
        }

        var breaches = 6 + (index % 4);
        for (var i = 0; i < breaches; i++)
        {
            var local = new DateOnly(year, 2, 3).AddDays(i * 300 / breaches).ToDateTime(new TimeOnly(8, 30));
            var aware = new DateTimeOffset(local, Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
            var reportable = i % 5 != 4;
            var hours = 8 + ((i * 17 + index * 11) % 60) + (index >= 6 && i % 3 == 0 ? 40 : 0);
            var high = i % 4 == 1;
            db.Breaches.Add(new Breach
            {
                CaseNumber = $"{prefix} {year}/{9500 + i}",
                ControllerIds = [controller],
                Title = "Fel mottagare av e-post (demo)",
                Description = "Ett e-brev med uppgifter gick till fel mottagare.",
                AwareAt = aware,
                ImyDeadlineAt = aware.AddHours(72),
                Types = BreachTypes.Confidentiality,
                Cause = BreachCause.MisdirectedMail,
                Risk = !reportable ? RiskLevel.NoRisk : high ? RiskLevel.HighRisk : RiskLevel.Risk,
                Reportable = reportable,
                NotReportableReason = reportable ? null : "Mottagaren raderade brevet direkt; ingen risk.",
                AssessedAt = aware.AddHours(4),
                ReportedAt = reportable ? aware.AddHours(hours) : null,
                LateReason = reportable && hours > 72 ? "Bedömningen drog ut över en helg." : null,
                SubjectNoticeRequired = high,
                SubjectNoticeSentAt = high && index % 3 != 2 ? aware.AddDays(3) : null,
                ClosedAt = aware.AddDays(40),
                Status = BreachStatus.Closed,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
