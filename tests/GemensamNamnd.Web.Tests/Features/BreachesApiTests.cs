using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Features;

/// <summary>The breach register through its API on PostgreSQL: the flow, the 72-hour clock, bad input, isolation.</summary>
[Collection(AppCollection.Name)]
public sealed class BreachesApiTests(AppFactory app)
{
    private const string Base = "/api/v1/ostersund/breaches";

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DateTimeOffset Local(string wall)
    {
        var local = DateTime.Parse(wall, CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    private Task<Guid> ControllerIdAsync(string slug) =>
        app.InParty(slug, db => db.DataControllers.Where(c => c.IsActive).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());

    private async Task<Dictionary<string, object?>> BodyAsync(DateTimeOffset awareAt, string slug = "ostersund") => new()
    {
        ["title"] = "Elevlista till fel mottagare " + Guid.NewGuid().ToString("N")[..6],
        ["controllerIds"] = new[] { await ControllerIdAsync(slug) },
        ["occurredFrom"] = awareAt.AddHours(-3),
        ["discoveredAt"] = awareAt.AddHours(-1),
        ["awareAt"] = awareAt,
        ["description"] = "En lista med elevers namn skickades till fel vårdnadshavare.",
        ["types"] = new[] { "Confidentiality" },
        ["cause"] = "MisdirectedMail",
        ["groups"] = new[] { new { group = "Pupils", approxCount = 28 } },
        ["dataKinds"] = new[] { "Identification", "PersonalIdentityNumber" },
        ["approxRecords"] = 28,
    };

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(Guid Id, Guid Version)> CreateAsync(HttpClient client, DateTimeOffset awareAt)
    {
        var created = await OkJsonAsync(await client.PostAsJsonAsync(Base, await BodyAsync(awareAt)), HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetGuid());
    }

    private static object Assessment(Guid version, string risk = "Risk", bool? reportable = true, string? notReportableReason = null, bool? notice = false, string? noticeReason = null) =>
        new { risk, riskReasoning = "Namn på barn har röjts.", reportable, notReportableReason, subjectNoticeRequired = notice, subjectNoticeNotRequiredReason = noticeReason, version };

    private static Guid VersionOf(JsonElement changed) => changed.GetProperty("version").GetGuid();

    private async Task<(string Status, int Events, int Supplements)> StoredAsync(Guid id) =>
        await app.InParty("ostersund", async db => (
            (await db.Breaches.SingleAsync(b => b.Id == id)).Status.ToString(),
            await db.BreachEvents.CountAsync(e => e.BreachId == id),
            await db.BreachSupplements.CountAsync(s => s.BreachId == id)));

    private static async Task AssertSwedish400Async(HttpResponseMessage response, string field, string because)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!, StringComparer.OrdinalIgnoreCase);
        Assert.True(errors.ContainsKey(field), $"{because}: {body}");
        Assert.Matches("[åäöÅÄÖ]|inte|Ange|Motivera", errors[field]);
    }

    [PostgresFact]
    public async Task Flow_Register_Assess_Report_Supplement_Notice_Close()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = DateTimeOffset.UtcNow.AddHours(-50);
        var created = await OkJsonAsync(await anna.PostAsJsonAsync(Base, await BodyAsync(aware)), HttpStatusCode.Created);
        Assert.Matches(@"^KS \d{4}/\d{4}$", created.GetProperty("caseNumber").GetString());
        Assert.Equal("Registered", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(aware.AddHours(72).ToUnixTimeSeconds(), created.GetProperty("imyDeadlineAt").GetDateTimeOffset().ToUnixTimeSeconds());

        var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("Running", one.GetProperty("clock").GetString());
        Assert.InRange(one.GetProperty("hoursLeft").GetInt32(), 21, 22);
        Assert.Equal(new[] { "Confidentiality" }, one.GetProperty("types").EnumerateArray().Select(t => t.GetString()));

        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(created.GetProperty("version").GetGuid(), "HighRisk", notice: true)));
        Assert.Equal("Assessed", assessed.GetProperty("status").GetString());

        var reportedAt = aware.AddHours(40);
        var reported = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt, imyReference = "IMY-2026-9999", version = VersionOf(assessed) }));
        Assert.Equal("ReportedToImy", reported.GetProperty("status").GetString());
        // Art. 33(4): four weeks from the report (Reg. 1182/71 for weeks: moved off a weekend or holiday).
        var dueOn = DateOnly.Parse(reported.GetProperty("supplementDueOn").GetString()!, CultureInfo.InvariantCulture);
        var reportDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(reportedAt, Stockholm).DateTime);
        Assert.InRange(dueOn.DayNumber - reportDay.DayNumber, 28, 32);

        // High risk: closing before the data subjects are told is refused (Art. 34).
        var early = await anna.PostAsJsonAsync($"{Base}/{id}/close", new { version = VersionOf(reported) });
        await AssertSwedish400Async(early, "Status", "close before Art. 34 notice");

        var supplemented = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/supplements", new { submittedAt = DateTimeOffset.UtcNow.AddMinutes(-5), text = "Alla mottagare har raderat listan.", version = VersionOf(reported) }));
        Assert.Equal("Supplemented", supplemented.GetProperty("status").GetString());
        var again = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/supplements", new { submittedAt = DateTimeOffset.UtcNow.AddMinutes(-1), text = "Utbildning genomförd.", version = VersionOf(supplemented) }));
        var noticed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/notice", new { sentAt = DateTimeOffset.UtcNow.AddMinutes(-1), method = "brev", version = VersionOf(again) }));
        var closed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/close", new { version = VersionOf(noticed) }));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var final = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("ReportedOnTime", final.GetProperty("clock").GetString());
        Assert.Equal(2, final.GetProperty("supplements").GetArrayLength());
        Assert.Equal("IMY-2026-9999", final.GetProperty("imyReference").GetString());
        Assert.Equal(7, final.GetProperty("events").GetArrayLength());
        Assert.Empty(final.GetProperty("nextStatuses").EnumerateArray());

        // Every change is audited.
        var audits = await app.InParty("ostersund", db => db.AuditEntries.CountAsync(a => a.EntityType == "Breach" && a.EntityId == id.ToString()));
        // Created and five status or fact changes; a second supplement leaves the breach itself unchanged (its own row is audited).
        Assert.True(audits >= 6, $"{audits} audit rows");
    }

    /// <summary>
    /// Art. 33(1): whether a report was within 72 hours is measured from the awareness the report was made against. Once
    /// reported, the awareness time is locked: moving it would turn a late report into an on-time one.
    /// </summary>
    [PostgresTheory]
    [InlineData(-10)] // 10 hours later awareness: the report after 80 h would be on time (70 h)
    [InlineData(1)] // earlier awareness: also refused, the report stands as made
    public async Task AwarenessTime_IsLockedOnceReported(int hoursMoved)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = SaveBreachInstant(DateTimeOffset.UtcNow.AddHours(-100));
        var (id, version) = await CreateAsync(anna, aware);
        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version)));
        var reportedAt = aware.AddHours(80);
        var reported = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt, lateReason = "Ansvarig nåddes först efter helgen.", version = VersionOf(assessed) }));

        using var scope = app.Services.CreateScope();
        var party = await scope.ServiceProvider.GetRequiredService<PartyDirectory>().FindBySlugAsync("ostersund", default);
        var result = await scope.ServiceProvider.GetRequiredService<PartyScope>().RunAsync(party!.Id, async sp =>
        {
            var b = await app.InParty("ostersund", db => db.Breaches.AsNoTracking().SingleAsync(x => x.Id == id));
            var input = new BreachInput(b.Title, b.ControllerIds, b.OccurredFrom, b.OccurredTo, b.DiscoveredAt, aware.AddHours(-hoursMoved),
                b.CeasedAt, b.ReportedInternallyBy, b.Description, b.Types, b.Cause, b.Systems, b.Groups, b.DataKinds, b.ApproxRecords, b.Consequences, b.MeasuresTaken,
                b.MeasuresProposed, b.ContactName, b.ContactDetails);
            return await sp.GetRequiredService<SaveBreach>().UpdateAsync(id, VersionOf(reported), input);
        });

        var error = Assert.Single(result.Errors, e => e.Field == nameof(BreachInput.AwareAt));
        Assert.Contains("anmäld till IMY", error.Message, StringComparison.Ordinal);
        var stored = await app.InParty("ostersund", db => db.Breaches.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(aware, stored.AwareAt);
        Assert.Equal(aware.AddHours(72), stored.ImyDeadlineAt);
        var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("ReportedLate", one.GetProperty("clock").GetString());
    }

    [PostgresFact]
    public async Task AwarenessCorrection_AfterTheReport_IsAReasonedEvent_ThatKeepsTheOriginalVisible()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = SaveBreachInstant(DateTimeOffset.UtcNow.AddHours(-100));
        var (id, version) = await CreateAsync(anna, aware);
        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version)));
        var reportedAt = aware.AddMinutes((71 * 60) + 30);
        var reported = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt, version = VersionOf(assessed) }));
        var url = $"{Base}/{id}/awareness-correction";

        // Aware at discovery, an hour earlier, makes the report late (72.5 h): a reason for the correction and for the delay
        // are both needed. Earlier than the discovery is refused.
        var corrected = aware.AddHours(-1);
        await AssertSwedish400Async(await anna.PostAsJsonAsync(url, new { awareAt = aware.AddHours(-2), reason = "Fel.", lateReason = "Helg.", version = VersionOf(reported) }), "AwareAt", "before the discovery");
        await AssertSwedish400Async(await anna.PostAsJsonAsync(url, new { awareAt = corrected, lateReason = "Helg.", version = VersionOf(reported) }), "Reason", "no reason");
        await AssertSwedish400Async(await anna.PostAsJsonAsync(url, new { awareAt = corrected, reason = "Loggen visar tidigare kännedom.", version = VersionOf(reported) }), "LateReason", "late without reasons");
        await AssertSwedish400Async(await anna.PostAsJsonAsync(url, new { awareAt = reportedAt.AddHours(1), reason = "Fel.", version = VersionOf(reported) }), "AwareAt", "after the report");
        Assert.Equal(aware, (await app.InParty("ostersund", db => db.Breaches.AsNoTracking().SingleAsync(x => x.Id == id))).AwareAt);

        var done = await OkJsonAsync(await anna.PostAsJsonAsync(url, new { awareAt = corrected, reason = "Loggen visar tidigare kännedom.", lateReason = "Ansvarig nåddes först efter helgen.", version = VersionOf(reported) }));
        var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal(corrected, one.GetProperty("awareAt").GetDateTimeOffset());
        Assert.Equal(aware, one.GetProperty("awareAtAsReported").GetDateTimeOffset());
        Assert.Equal("ReportedLate", one.GetProperty("clock").GetString());
        Assert.Equal(corrected.AddHours(72), done.GetProperty("imyDeadlineAt").GetDateTimeOffset());
        var text = one.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).Single(t => t.StartsWith("Tidpunkten för kännedom rättad", StringComparison.Ordinal));
        Assert.Contains(Swedish.DateTime(aware), text, StringComparison.Ordinal);
        Assert.Contains(Swedish.DateTime(corrected), text, StringComparison.Ordinal);
        Assert.Contains("Loggen visar tidigare kännedom.", text, StringComparison.Ordinal);

        // Not reported: the ordinary edit applies, not a correction.
        var (fresh, freshVersion) = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-5));
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{fresh}/awareness-correction", new { awareAt = DateTimeOffset.UtcNow.AddHours(-6), reason = "x", version = freshVersion }), "Status", "not reported");
    }

    private static DateTimeOffset SaveBreachInstant(DateTimeOffset at) => SaveBreach.Instant(at)!.Value;

    [PostgresTheory]
    // Art. 33(1): 72 elapsed hours; exactly 72 h is on time, one second more is late and needs reasons.
    [InlineData(72 * 3600, false)]
    [InlineData(72 * 3600 + 1, true)]
    [InlineData(71 * 3600, false)]
    public async Task Report_AtTheBoundary_LateNeedsReasons(int secondsAfterAwareness, bool late)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = DateTimeOffset.UtcNow.AddHours(-100);
        var (id, version) = await CreateAsync(anna, aware);
        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version)));
        var reportedAt = aware.AddSeconds(secondsAfterAwareness);

        var before = await StoredAsync(id);
        var withoutReason = await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt, version = VersionOf(assessed) });
        if (!late)
        {
            await OkJsonAsync(withoutReason);
            var one = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
            Assert.Equal("ReportedOnTime", one.GetProperty("clock").GetString());
            return;
        }

        await AssertSwedish400Async(withoutReason, "LateReason", "late without reasons");
        Assert.Equal(before, await StoredAsync(id));
        await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt, lateReason = "Helg; ansvarig nåddes först på måndagen.", version = VersionOf(assessed) }));
        var reported = await anna.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        Assert.Equal("ReportedLate", reported.GetProperty("clock").GetString());
        Assert.Equal("Helg; ansvarig nåddes först på måndagen.", reported.GetProperty("lateReason").GetString());
    }

    [PostgresTheory]
    // The clock across daylight saving changes in Swedish time: 72 elapsed hours, so the wall-clock deadline moves an hour.
    // October 2025: clocks back on Sunday 26 October. Aware Friday 12:00 CEST → Monday 11:00 CET.
    [InlineData("2025-10-24 12:00", "2025-10-27 11:00", "2025-10-27 11:00", false)]
    [InlineData("2025-10-24 12:00", "2025-10-27 11:00", "2025-10-27 11:30", true)] // 12:00 on the wall clock would be 73 h: late
    // March 2026: clocks forward on Sunday 29 March. Aware Friday 09:00 CET → Monday 10:00 CEST.
    [InlineData("2026-03-27 09:00", "2026-03-30 10:00", "2026-03-30 09:30", false)] // the naive 09:00 + 3 days is not the deadline
    [InlineData("2026-03-27 09:00", "2026-03-30 10:00", "2026-03-30 10:00", false)]
    [InlineData("2026-03-27 09:00", "2026-03-30 10:00", "2026-03-30 10:01", true)]
    public async Task Clock_AcrossDaylightSavingChange_IsCountedInElapsedHours(string aware, string deadline, string reported, bool late)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var awareAt = Local(aware);
        var created = await OkJsonAsync(await anna.PostAsJsonAsync(Base, await BodyAsync(awareAt)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(Local(deadline), created.GetProperty("imyDeadlineAt").GetDateTimeOffset());
        Assert.Equal(Local(deadline), await app.InParty("ostersund", db => db.Breaches.Where(b => b.Id == id).Select(b => b.ImyDeadlineAt).SingleAsync()));

        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(created.GetProperty("version").GetGuid())));
        var response = await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = Local(reported), version = VersionOf(assessed) });
        if (late)
        {
            await AssertSwedish400Async(response, "LateReason", $"{reported} is after {deadline}");
        }
        else
        {
            await OkJsonAsync(response);
        }

        // The case page shows the deadline in Swedish time.
        var html = await anna.GetStringAsync($"/ostersund/incidenter/{id}");
        var expected = TimeZoneInfo.ConvertTime(Local(deadline), Stockholm).ToString("d MMMM yyyy 'kl.' HH:mm", CultureInfo.GetCultureInfo("sv-SE"));
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadRegistrations() => new()
    {
        { "aware before it happened", "AwareAt" },
        { "no controller", "ControllerIds" },
        { "unknown type", "Types" },
        { "personnummer in the description", "Description" },
        { "aware in the future", "AwareAt" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Post_BadInput_Is400InSwedish_AndStoresNothing(string why, string field)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var body = await BodyAsync(DateTimeOffset.UtcNow.AddHours(-2));
        switch (why)
        {
            case "aware before it happened": body["occurredFrom"] = DateTimeOffset.UtcNow.AddHours(-1); break;
            case "no controller": body["controllerIds"] = Array.Empty<Guid>(); break;
            case "unknown type": body["types"] = new[] { "Sekretess" }; break;
            case "personnummer in the description": body["description"] = "Brev om 19811218-9876 gick fel."; break;
            default: body["awareAt"] = DateTimeOffset.UtcNow.AddHours(3); body["occurredFrom"] = null; body["discoveredAt"] = null; break;
        }

        var before = await app.InParty("ostersund", db => db.Breaches.CountAsync());
        await AssertSwedish400Async(await anna.PostAsJsonAsync(Base, body), field, why);
        Assert.Equal(before, await app.InParty("ostersund", db => db.Breaches.CountAsync()));
    }

    [PostgresTheory]
    [InlineData("contactName", "ContactName", "Kontaktperson", "Sven Svensson 20151101-1234")]
    [InlineData("contactDetails", "ContactDetails", "Kontaktuppgifter", "sven@example.org, 151101 1234")]
    [InlineData("description", "Description", "Beskrivning", "Brev om 20151101-1234 gick fel.")]
    [InlineData("title", "Title", "Rubrik", "Brev om 201511011234")]
    [InlineData("systems", "Systems", "Berörda system", "Procapita 1511011234")]
    public async Task Register_TextShapedLikeAPersonnummer_AnyCheckDigit_IsRefusedNamingTheField(string property, string field, string label, string text)
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var body = await BodyAsync(DateTimeOffset.UtcNow.AddHours(-2));
        body[property] = text;
        var before = await app.InParty("ostersund", db => db.Breaches.CountAsync());
        var response = await anna.PostAsJsonAsync(Base, body);
        var problem = await response.Content.ReadAsStringAsync();
        await AssertSwedish400Async(response, field, property);
        Assert.Contains($"{label}: texten ser ut att innehålla ett personnummer", JsonDocument.Parse(problem).RootElement.GetProperty("errors").ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.InParty("ostersund", db => db.Breaches.CountAsync()));
    }

    [PostgresFact]
    public async Task ReportAndNotice_ImyReferenceAndNoticeMethodShapedLikeAPersonnummer_AreRefused()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var (id, version) = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-10));
        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version, notice: true)));
        var before = await StoredAsync(id);
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = DateTimeOffset.UtcNow, imyReference = "151101-1234", version = VersionOf(assessed) }), "ImyReference", "IMY reference");
        Assert.Equal(before, await StoredAsync(id));
        var reported = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = DateTimeOffset.UtcNow, imyReference = "IMY-2026-0042", version = VersionOf(assessed) }));
        var afterReport = await StoredAsync(id);
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/notice", new { sentAt = DateTimeOffset.UtcNow.AddMinutes(-1), method = "brev till 20151101-1234", version = VersionOf(reported) }), "NoticeMethod", "notice method");
        Assert.Equal(afterReport, await StoredAsync(id));
    }

    [PostgresFact]
    public async Task EveryReadOfABreach_ListExportApiAndImyReport_IsLoggedAsAPersonalDataRead()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var (id, _) = await CreateAsync(anna, DateTimeOffset.UtcNow.AddMinutes(-30));
        var key = id.ToString();
        async Task<List<string>> Reads() => await app.InParty("ostersund", db => db.PersonalDataReads.AsNoTracking()
            .Where(r => r.EntityType == "Breach" && r.EntityId == key).OrderBy(r => r.At).Select(r => r.Purpose).ToListAsync());

        var reads = new[]
        {
            "/ostersund/incidenter",
            "/ostersund/incidenter/export?format=csv",
            "/ostersund/incidenter/export?format=xlsx",
            Base,
            $"{Base}/{id}",
            $"/ostersund/incidenter/{id}/imy",
            $"/ostersund/incidenter/{id}/imy?handler=Text",
        };
        foreach (var (url, i) in reads.Select((u, i) => (u, i)))
        {
            var response = await anna.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await Reads()).Count == i + 1, $"{url}: {string.Join(" | ", await Reads())}");
        }
    }

    [PostgresFact]
    public async Task Changes_BadInput_Is400InSwedish_AndStoresNothing()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var aware = DateTimeOffset.UtcNow.AddHours(-10);
        var (id, version) = await CreateAsync(anna, aware);
        var start = await StoredAsync(id);

        // "Not reportable" without reasoning (Art. 33(5)); a risk declared not reportable (Art. 33(1)); high risk without an Art. 34 decision.
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version, "NoRisk", reportable: false)), "NotReportableReason", "no reasoning");
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version, "Risk", reportable: false, notReportableReason: "Vill inte")), "Reportable", "risk not reported");
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version, "HighRisk", notice: null)), "SubjectNoticeRequired", "high risk, no Art. 34");
        // Reporting or closing before the assessment.
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = DateTimeOffset.UtcNow, version }), "Status", "report before assessment");
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/close", new { version }), "Status", "close before assessment");
        Assert.Equal(start, await StoredAsync(id));

        var assessed = await OkJsonAsync(await anna.PostAsJsonAsync($"{Base}/{id}/assessment", Assessment(version)));
        var afterAssessment = await StoredAsync(id);
        // Reported before aware; reportable but closed unreported; a stale version is 409.
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = aware.AddMinutes(-1), version = VersionOf(assessed) }), "ReportedAt", "reported before aware");
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/close", new { version = VersionOf(assessed) }), "Status", "closed unreported");
        var stale = await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = DateTimeOffset.UtcNow, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(GemensamNamnd.Web.Infrastructure.CommandMessages.Conflict, await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSwedish400Async(await anna.PostAsJsonAsync($"{Base}/{id}/report", new { reportedAt = DateTimeOffset.UtcNow }), "Version", "no version");
        Assert.Equal(afterAssessment, await StoredAsync(id));
    }

    [PostgresFact]
    public async Task Isolation_AnotherPartysBreach_IsInvisible_AndItsRoutesAre403()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        using var david = app.ClientFor(AppFactory.Demo("david"));
        using var cecilia = app.ClientFor(AppFactory.Demo("cecilia"));
        var (id, version) = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-1));

        // David (Berg) through Berg's routes with Östersund's id: as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await david.GetAsync($"/api/v1/berg/breaches/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await david.PostAsJsonAsync($"/api/v1/berg/breaches/{id}/assessment", Assessment(version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await david.GetAsync($"/berg/incidenter/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await david.GetAsync($"/berg/incidenter/{id}/imy")).StatusCode);
        var bergList = await david.GetStringAsync("/api/v1/berg/breaches");
        Assert.DoesNotContain(id.ToString(), bergList, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await david.GetStringAsync("/berg/incidenter/export?format=csv"), StringComparison.Ordinal);

        // Östersund's routes: 403 for David.
        Assert.Equal(HttpStatusCode.Forbidden, (await david.GetAsync(Base)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await david.GetAsync($"{Base}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await david.PostAsJsonAsync(Base, await BodyAsync(DateTimeOffset.UtcNow.AddHours(-1), "berg"))).StatusCode);

        // An administrator reads but does not register.
        Assert.Equal(HttpStatusCode.OK, (await cecilia.GetAsync($"{Base}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cecilia.PostAsJsonAsync(Base, await BodyAsync(DateTimeOffset.UtcNow.AddHours(-1)))).StatusCode);

        // Still untouched.
        Assert.Equal("Registered", (await StoredAsync(id)).Status);
    }

    [PostgresFact]
    public async Task List_FiltersOnTheClock_AndStatisticsAddUp()
    {
        using var anna = app.ClientFor(AppFactory.Demo("anna"));
        var (running, _) = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-2));
        var (overdue, _) = await CreateAsync(anna, DateTimeOffset.UtcNow.AddHours(-80));

        async Task<List<Guid>> Ids(string query)
        {
            var ids = new List<Guid>();
            for (var page = 1; page <= 20; page++)
            {
                var rows = await anna.GetFromJsonAsync<List<JsonElement>>($"{Base}?{query}&page={page}");
                if (rows is null || rows.Count == 0)
                {
                    break;
                }

                ids.AddRange(rows.Select(r => r.GetProperty("id").GetGuid()));
            }

            return ids;
        }

        var runningIds = await Ids("clockFilter=running");
        var lateIds = await Ids("clockFilter=late");
        Assert.Contains(running, runningIds);
        Assert.DoesNotContain(overdue, runningIds);
        Assert.Contains(overdue, lateIds);
        Assert.DoesNotContain(running, lateIds);
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.GetAsync($"{Base}?clockFilter=snart")).StatusCode);

        var stats = await anna.GetFromJsonAsync<JsonElement>($"{Base}/statistics");
        var count = await app.InParty("ostersund", db => db.Breaches.CountAsync());
        Assert.Equal(count, stats.GetProperty("count").GetInt32());
        Assert.True(stats.GetProperty("byCause").GetProperty("MisdirectedMail").GetInt32() >= 2);
        // The demo data hold one breach reported on time and one late, so the share is defined and below 1.
        Assert.InRange(stats.GetProperty("shareWithin72Hours").GetDouble(), 0.0, 0.99);
        Assert.True(stats.GetProperty("medianHoursToReport").GetDouble() > 0);
    }
}
