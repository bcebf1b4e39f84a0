using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Parties;

/// <summary>
/// Every endpoint and page, taken from the routing table: each names a party or role rule, and a user of party A gets
/// nothing of party B — not through B's routes, not through B's record ids on A's routes (a real record of the right kind
/// in every route and form), not anonymously — and changes nothing of B.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class EndpointIsolationTests(AppFactory app)
{
    private const string PartyA = "ostersund";
    private const string PartyB = "berg";

    /// <summary>The only endpoints anyone may reach without signing in.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/", "/logga-in", "/logga-in/entra", "/logga-ut", "/demo/logga-in", "/fel/{code:int?}",
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/api/v1/deadlines/request", "/tidsfrister",
        "/kalender/{file}", // a calendar app sends no sign-in: the secret in the address is the key (Features/Todo/CalendarFeeds)
    ];

    /// <summary>Routes only the party's DPO and administrators reach (issue 9: retention and person search).</summary>
    private static readonly HashSet<string> OversightRoutes = ["/{party}/gallring", "/{party}/personsok", "/{party}/personsok/export"];

    /// <summary>
    /// The kind of record each route's id names. A route with an id parameter that is not here fails
    /// <see cref="EveryIdParameter_NamesAKindOfRecord"/>: add the route, and a record of its kind to <see cref="OtherPartyRecords"/>.
    /// </summary>
    private static readonly Dictionary<string, RecordKind> IdRoutes = new(StringComparer.Ordinal)
    {
        ["/{party}/personuppgiftsansvariga/{id:guid}"] = RecordKind.Controller,
        ["/{party}/begaranden/{id:guid}"] = RecordKind.Request,
        ["/{party}/begaranden/{id:guid}/andra"] = RecordKind.Request,
        ["/{party}/begaranden/{id:guid}/brev/{mall}"] = RecordKind.Request,
        ["/{party}/incidenter/{id:guid}/brev/art34"] = RecordKind.Breach,
        ["/{party}/begaranden/{id:guid}/inkomst"] = RecordKind.Request,
        ["/{party}/incidenter/{id:guid}"] = RecordKind.Breach,
        ["/{party}/incidenter/{id:guid}/imy"] = RecordKind.Breach,
        ["/{party}/incidenter/{id:guid}/cybersakerhet/{step}"] = RecordKind.Breach,
        ["/{party}/incidenter/{id:guid}/andra"] = RecordKind.Breach,
        ["/{party}/begaranden/{id:guid}/handlingar"] = RecordKind.Request,
        ["/{party}/incidenter/{id:guid}/handlingar"] = RecordKind.Breach,
        ["/{party}/handlingar/{id:guid}"] = RecordKind.Document,
        ["/{party}/ovningar/{id:guid}"] = RecordKind.Drill,
        ["/{party}/registerforteckning/{id:guid}"] = RecordKind.ProcessingActivity,
        ["/{party}/konsekvensbedomningar/{id:guid}"] = RecordKind.ImpactAssessment,
        ["/{party}/personuppgiftsbitraden/avtal/{id:guid}"] = RecordKind.ProcessorAgreement,
        ["/{party}/radgivningslogg/{id:guid}"] = RecordKind.DpoConsultation,
        ["/leverantorer/{id:guid}"] = RecordKind.Supplier,
        ["/api/v1/{party}/processors/agreements/{id:guid}"] = RecordKind.ProcessorAgreement,
        ["/{party}/dataskyddsombud/uppdrag/{id:guid}"] = RecordKind.DpoAllocation,
        ["/{party}/dataskyddsombud/personer/{id:guid}"] = RecordKind.DpoPerson,
        ["/{party}/dataskyddsombud/personer/{id:guid}/andra"] = RecordKind.DpoPerson,
        ["/dataskyddsombud/personer/{id:guid}"] = RecordKind.DpoPerson,
        ["/mognad/omgangar/{id:guid}"] = RecordKind.MaturityRound,
        ["/admin/parter/{id:guid}"] = RecordKind.Party,
        ["/admin/anvandare/{id:guid}"] = RecordKind.User,
        ["/api/v1/{party}/controllers/{id:guid}"] = RecordKind.Controller,
        ["/api/v1/{party}/requests/{id:guid}"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/status"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/identity"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/extension"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/answer"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/refusal"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/correction"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/void"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/reopen"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/recipients"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/recipients/{recipientId:guid}/notice"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/recipients/none"] = RecordKind.Request,
        ["/api/v1/{party}/requests/{id:guid}/recipients/subject"] = RecordKind.Request,
        ["/api/v1/{party}/breaches/{id:guid}"] = RecordKind.Breach,
        ["/api/v1/{party}/requests/{id:guid}/documents"] = RecordKind.Request,
        ["/api/v1/{party}/breaches/{id:guid}/documents"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/assessment"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/report"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/awareness-correction"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/supplements"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/notice"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/close"] = RecordKind.Breach,
        ["/api/v1/{party}/breaches/{id:guid}/cybersecurity/{step}"] = RecordKind.Breach,
        ["/leverantorsincidenter/{id:guid}"] = RecordKind.SupplierIncident,
        ["/api/v1/supplier-incidents/{id:guid}"] = RecordKind.SupplierIncident,
        ["/api/v1/supplier-incidents/{id:guid}/updates"] = RecordKind.SupplierIncident,
        ["/api/v1/{party}/dpo/allocations/{id:guid}"] = RecordKind.DpoAllocation,
        ["/api/v1/{party}/dpo/persons/{id:guid}"] = RecordKind.DpoPerson,
        ["/api/v1/dpo/persons/{id:guid}"] = RecordKind.DpoPerson,
    };

    /// <summary>Route parameters that name no record, with the value the tests put in ({party} is the party tried).</summary>
    private static readonly Dictionary<string, string> OtherRouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["party"] = string.Empty,
        ["code"] = "404",
        ["documentName"] = "v1",
        ["path"] = "jobs",
        ["file"] = "okand.ics",
        ["mall"] = "mottagningsbekraftelse",
        ["step"] = "early-warning",
    };

    /// <summary>How a handler uses an id from a form or a body: it looks the record up (must answer 404), or points at it from
    /// a record it writes (must refuse, storing nothing), or may name any party's record by design — a DPO person or an
    /// employer are shared across parties (ADR-005), a list filter only narrows the party's own rows — and is not tried alone.</summary>
    private enum Use
    {
        Lookup,
        Reference,
        Any,
    }

    /// <summary>
    /// Ids that party routes take in a form (page handler parameter or bound property) or a JSON body, by name, or by
    /// "route name" where the name alone says nothing. One not here fails <see cref="EveryIdParameter_NamesAKindOfRecord"/>.
    /// </summary>
    private static readonly Dictionary<string, (RecordKind Kind, Use Use)> IdFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ControllerId"] = (RecordKind.Controller, Use.Reference),
        ["ControllerIds"] = (RecordKind.Controller, Use.Reference),
        ["ForwardTo"] = (RecordKind.Controller, Use.Reference),
        ["PersonId"] = (RecordKind.DpoPerson, Use.Any),
        ["OfficerId"] = (RecordKind.User, Use.Reference),
        ["EmployingPartyId"] = (RecordKind.Party, Use.Any),
        ["SupplierId"] = (RecordKind.Supplier, Use.Any), // committee-wide master data (one Inera for all parties)
        ["handlaggare"] = (RecordKind.User, Use.Any),
        ["RoundId"] = (RecordKind.MaturityRound, Use.Reference),
        ["Marks"] = (RecordKind.System, Use.Reference),
        ["SystemNotes"] = (RecordKind.System, Use.Reference),
        ["SystemIds"] = (RecordKind.System, Use.Reference),
        ["SupplierIds"] = (RecordKind.Supplier, Use.Any),
        ["ActivityId"] = (RecordKind.ProcessingActivity, Use.Reference),
        ["personuppgiftsansvarig"] = (RecordKind.Controller, Use.Any),
        ["Disclosures"] = (RecordKind.System, Use.Reference),
        ["Provisions"] = (RecordKind.System, Use.Reference),
        ["SecrecyNotes"] = (RecordKind.System, Use.Reference),
        ["HoldId"] = (RecordKind.RetentionHold, Use.Lookup),
        ["UserId"] = (RecordKind.User, Use.Lookup),
        ["MembershipId"] = (RecordKind.Membership, Use.Lookup),
        ["Ids"] = (RecordKind.Request, Use.Lookup),
        ["HandlerId"] = (RecordKind.User, Use.Reference),
        ["FilterId"] = (RecordKind.SavedFilter, Use.Lookup),
        ["DocumentId"] = (RecordKind.Document, Use.Lookup),
        ["NoticeRecipientId"] = (RecordKind.Recipient, Use.Reference),
        ["ta-bort"] = (RecordKind.Document, Use.Lookup),
        ["/{party}/system id"] = (RecordKind.System, Use.Lookup),

        // Suppliers are committee-wide master data (Policies.SupplierEditor): any party's agreement or system names any of them.
        ["leverantor"] = (RecordKind.Supplier, Use.Any),

        // A list's or report's filter on the party's own controllers: it only narrows the party's rows.
        ["personuppgiftsansvarig"] = (RecordKind.Controller, Use.Any),

        // A sub-processor notice's id inside the agreement being saved, not a record of its own.
        ["NoticeIds"] = (RecordKind.ProcessorAgreement, Use.Any),
    };

    /// <summary>Guid fields that are not ids of records: the version a change carries (filled with the record's own).</summary>
    private static readonly HashSet<string> NotIds = new(StringComparer.OrdinalIgnoreCase) { "Version" };

    /// <summary>Handlers of a page with id fields that use none of them ("route handler"): they are not tried with B's ids.</summary>
    private static readonly HashSet<string> HandlersWithoutIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "/{party}/gallring Plan", "/{party}/gallring Hold", "/{party}/gallring Run", "/{party}/sparade-filter Save",
    };

    /// <summary>Plausible form values: with B's id and version, a handler without its party check would go through.</summary>
    private static readonly Dictionary<string, string> FormValues = new(StringComparer.Ordinal)
    {
        ["Name"] = "Isolationstest",
        ["PartyRole"] = "Handlaggare",
        ["InvitedRole"] = "Handlaggare",
        ["Kind"] = "Namnd",
        ["IsActive"] = "true",
        ["Description"] = "Isolationstest",
        ["Method"] = "BankID",
        ["Reason"] = "Isolationstest",
        ["NoticeSentOn"] = Today,
        ["AnsweredOn"] = Today,
        ["Delivery"] = "Letter",
        ["RefusedOn"] = Today,
        ["LegalGround"] = "Isolationstest",
        ["Risk"] = "Risk",
        ["RiskReasoning"] = "Isolationstest",
        ["Reportable"] = "true",
        ["SubjectNoticeRequired"] = "false",
        ["SubjectNoticeNotRequiredReason"] = "Isolationstest",
        ["ReportedDate"] = Today,
        ["ReportedTime"] = "12:00",
        ["ImyReference"] = "IMY-ISO",
        ["LateReason"] = "Isolationstest",
        ["SupplementDate"] = Today,
        ["SupplementTime"] = "12:00",
        ["SupplementText"] = "Isolationstest",
        ["NoticeDate"] = Today,
        ["NoticeTime"] = "12:00",
        ["NoticeMethod"] = "Brev",
        ["Title"] = "Isolationstest",
        ["Role"] = "Ordinarie",
        ["SharePercent"] = "10",
        ["StartsOn"] = Today,
        ["ReportsTo"] = "Isolationstest",
        ["ReportingLevel"] = "HighestManagement",
        ["WorkEmail"] = "iso@example.org",
        ["HeldOn"] = Today,
        ["Scenario"] = "Isolationstest",
        ["Participants"] = "Isolationstest",
        ["RequesterName"] = "Isolationstest",
        ["Rights"] = "Access",
        ["Channel"] = "Letter",
        ["ReceivedOn"] = Today,
        ["AwareDate"] = Today,
        ["AwareTime"] = "00:00",
        ["Summary"] = "Isolationstest",
    };

    /// <summary>The same for JSON bodies (unknown members are ignored by the binder, so one body serves every endpoint).</summary>
    private static readonly Dictionary<string, object?> JsonValues = new(StringComparer.Ordinal)
    {
        ["name"] = "Isolationstest",
        ["kind"] = "Namnd",
        ["isActive"] = true,
        ["to"] = "InProgress",
        ["method"] = "BankID",
        ["reason"] = "Isolationstest",
        ["noticeSentOn"] = Today,
        ["answeredOn"] = Today,
        ["delivery"] = "Letter",
        ["refusedOn"] = Today,
        ["legalGround"] = "Isolationstest",
        ["risk"] = "Risk",
        ["riskReasoning"] = "Isolationstest",
        ["reportable"] = true,
        ["subjectNoticeRequired"] = false,
        ["subjectNoticeNotRequiredReason"] = "Isolationstest",
        ["reportedAt"] = DateTimeOffset.UtcNow,
        ["imyReference"] = "IMY-ISO",
        ["lateReason"] = "Isolationstest",
        ["submittedAt"] = DateTimeOffset.UtcNow,
        ["text"] = "Isolationstest",
        ["sentAt"] = DateTimeOffset.UtcNow,
        ["role"] = "Ordinarie",
        ["sharePercent"] = 10,
        ["startsOn"] = Today,
        ["reportsTo"] = "Isolationstest",
        ["reportingLevel"] = "HighestManagement",
        ["workEmail"] = "iso@example.org",
        ["targetPercent"] = 50,
        ["title"] = "Isolationstest",
        ["receivedAt"] = DateTimeOffset.UtcNow,
        ["channel"] = "Letter",
        ["rights"] = new[] { "Access" },
        ["requesterName"] = "Isolationstest",
        ["awareAt"] = DateTimeOffset.UtcNow,
        ["description"] = "Isolationstest",
    };

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One call that carries B's ids: a page handler or an API endpoint of a party route.</summary>
    private sealed record Probe(string Method, string Route, string? Handler, RecordKind? RouteKind, List<IdField> Fields, bool IsPage)
    {
        public bool LooksUp => RouteKind is not null || Fields.Any(f => f.Use == Use.Lookup);

        public RecordKind? VersionKind => RouteKind ?? Fields.FirstOrDefault(f => f.Use == Use.Lookup)?.Kind;

        public override string ToString() => $"{Method} {Route}{(Handler is null ? string.Empty : "?handler=" + Handler)}";
    }

    private sealed record IdField(string Name, Type Type, RecordKind Kind, Use Use);

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null).ToList();

    private static string Route(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.TrimStart('/');

    private static IEnumerable<string> Methods(RouteEndpoint e) =>
        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];

    private static bool IsParty(string route) => route.Contains("{party}", StringComparison.Ordinal);

    [PostgresFact]
    public void EveryEndpoint_NamesAPartyOrRoleRule_OrIsExplicitlyPublic()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count > 15, $"Routing table looks empty ({endpoints.Count}).");
        var problems = new List<string>();
        foreach (var e in endpoints)
        {
            var route = Route(e);
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (PublicRoutes.Contains(route))
            {
                if (!anonymous)
                {
                    problems.Add($"{route}: listed as public but not [AllowAnonymous]");
                }

                continue;
            }

            if (anonymous || policies.Count == 0 || policies.Any(p => p is null))
            {
                problems.Add($"{route}: no named policy");
            }
            else if (IsParty(route) && !policies.Any(p => Policies.PartyPolicies.Contains(p!)))
            {
                problems.Add($"{route}: party route without a party policy ({string.Join(",", policies)})");
            }
        }

        Assert.Empty(problems);
    }

    [PostgresFact]
    public void OversightRoutes_AdmitOnlyThePartysDpoAndAdministrators()
    {
        var found = Endpoints().Where(e => OversightRoutes.Contains(Route(e))).ToList();
        Assert.Equal(OversightRoutes.Order(), found.Select(Route).Distinct().Order());
        Assert.All(found, e => Assert.Equal([Policies.PartyOversight], e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)));
    }

    /// <summary>
    /// The guard that keeps the isolation tests complete: every id a route takes — in the path of any route, and in the
    /// forms and JSON bodies of the party routes — names a kind of record the tests fill with a real record of party B.
    /// </summary>
    [PostgresFact]
    public async Task EveryIdParameter_NamesAKindOfRecord()
    {
        var (probes, uncovered) = await DiscoverAsync();
        Assert.True(uncovered.Count == 0, string.Join(Environment.NewLine, uncovered));
        Assert.Empty(IdRoutes.Keys.Except(Endpoints().Select(Route)));
        // Every kind of record is tried at least once on a party route — but a supplier incident, committee-level data
        // with no party route (its status-only cross-party view is tested in CybersecurityTests).
        var tried = probes.SelectMany(p => p.Fields.Select(f => f.Kind).Append(p.RouteKind ?? p.Fields[0].Kind)).ToHashSet();
        Assert.Empty(Enum.GetValues<RecordKind>().Except(tried).Except([RecordKind.SupplierIncident]));
    }

    [PostgresFact]
    public async Task PartyRoutes_OfAnotherParty_Are403_AndCarryNoData()
    {
        var (user, b) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        var token = await AntiforgeryTokenAsync(client, $"/{PartyA}");
        var before = await b.SnapshotAsync(app, PartyB);
        var checkedCount = 0;
        foreach (var e in Endpoints().Where(e => IsParty(Route(e))))
        {
            foreach (var method in Methods(e))
            {
                var response = await SendAsync(client, method, Route(e), Fill(Route(e), PartyB, b), token, b);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {Route(e)} as B → {(int)response.StatusCode}");
                AssertNoSecret(body, $"{method} {Route(e)} as B");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} calls");
        Assert.Equal(before, await b.SnapshotAsync(app, PartyB));
    }

    /// <summary>
    /// Every handler of A's routes that takes an id, given B's record of that kind (and its version, with a form or body that
    /// is otherwise valid and, for pages, a valid antiforgery token, so the handler runs): a lookup answers 404 (or 403), a
    /// reference is refused without storing anything in A; no answer carries B's data, and nothing of B changes.
    /// </summary>
    [PostgresFact]
    public async Task OwnPartyRoutes_WithAnotherPartysIds_Are404_AndCarryNoData()
    {
        var (user, b) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        var token = await AntiforgeryTokenAsync(client, $"/{PartyA}");
        var (probes, uncovered) = await DiscoverAsync();
        Assert.True(uncovered.Count == 0, string.Join(Environment.NewLine, uncovered));
        Assert.True(probes.Count >= 40, $"only {probes.Count} calls with B's ids");
        var before = await b.SnapshotAsync(app, PartyB);
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var ownBefore = probe.LooksUp ? null : await b.SnapshotAsync(app, PartyA, withRecords: false);
            var response = await SendProbeAsync(client, probe, b, token);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (probe.LooksUp)
            {
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                {
                    failures.Add($"{probe} with B's {probe.VersionKind} → {status}");
                }
            }
            else
            {
                // A refused form is the page again with its errors (200, or the command's 409/422), a refused body a 4xx. A
                // redirect or any other success means it was taken; 400 on a page is the antiforgery check, short of the handler.
                var refused = probe.IsPage ? status is 200 or 403 or 404 or 409 or 422 : status is >= 400 and < 500;
                if (!refused)
                {
                    failures.Add($"{probe} with B's {string.Join(", ", probe.Fields.Select(f => $"{f.Kind} in {f.Name}"))} → {status}");
                }
                else if (await b.SnapshotAsync(app, PartyA, withRecords: false) != ownBefore)
                {
                    failures.Add($"{probe} with B's {string.Join(", ", probe.Fields.Select(f => $"{f.Kind} in {f.Name}"))} stored something in A");
                }
            }

            foreach (var secret in OtherPartyRecords.Secrets.Where(s => body.Contains(s, StringComparison.Ordinal)))
            {
                failures.Add($"{probe} → {status} answers with B's \"{secret}\"");
            }
        }

        var after = await b.SnapshotAsync(app, PartyB);
        failures.AddRange(Changed(before, after).Select(line => $"B changed: {line}"));
        Assert.True(failures.Count == 0, $"{failures.Count} failures in {probes.Count} calls:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>The lines of a snapshot that differ afterwards.</summary>
    private static IEnumerable<string> Changed(string before, string after)
    {
        var was = before.Split(Environment.NewLine).ToHashSet(StringComparer.Ordinal);
        return after.Split(Environment.NewLine).Where(line => !was.Contains(line));
    }

    [PostgresFact]
    public async Task GlobalRoutes_WithoutTheGlobalRole_Are403()
    {
        var (user, b) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        foreach (var e in Endpoints().Where(e => Route(e).StartsWith("/admin", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(Fill(Route(e), PartyA, b));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    /// <summary>The committee's routes (e-strateg or global administrator): a user with every role in a party gets none.</summary>
    private static readonly string[] CommitteeRoutes = ["/mognad", "/dataskyddsombud"];

    [PostgresFact]
    public async Task CommitteeRoutes_WithoutTheEStrategRole_Are403()
    {
        var (user, b) = await ArrangeAsync();
        using var client = app.ClientWithToken(TestTokens.Issue(user.tid, user.oid));
        var token = await AntiforgeryTokenAsync(client, $"/{PartyA}");
        var routes = Endpoints().Where(e => CommitteeRoutes.Any(c => Route(e) == c || Route(e).StartsWith(c + "/", StringComparison.Ordinal))).ToList();
        Assert.Contains(routes, e => Route(e) == "/mognad");
        foreach (var e in routes.Where(e => Route(e).StartsWith("/mognad", StringComparison.Ordinal)))
        {
            foreach (var method in Methods(e))
            {
                var response = await SendAsync(client, method, Route(e), Fill(Route(e), PartyA, b), token, b);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {Route(e)} → {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>
    /// The e-strateg sees aggregates only (issue 6): every party route — case pages, registers, their APIs — is closed to
    /// the role, so no citizen's data can be reached; the committee pages are open to it.
    /// </summary>
    [PostgresFact]
    public async Task TheEStrateg_ReachesNoPartyRoute_ButTheCommitteePages()
    {
        var (_, b) = await ArrangeAsync();
        using var stina = app.ClientFor(AppFactory.Demo("stina"));
        var token = await AntiforgeryTokenAsync(stina, "/mognad");
        var checkedCount = 0;
        foreach (var e in Endpoints().Where(e => IsParty(Route(e))))
        {
            foreach (var method in Methods(e))
            {
                foreach (var party in new[] { PartyA, PartyB })
                {
                    var response = await SendAsync(stina, method, Route(e), Fill(Route(e), party, b), token, b);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"e-strateg {method} {Route(e)} → {(int)response.StatusCode}");
                    AssertNoSecret(body, $"e-strateg {method} {Route(e)}");
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} calls");
        Assert.Equal(HttpStatusCode.OK, (await stina.GetAsync("/mognad")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stina.GetAsync("/mognad/omgangar")).StatusCode);
    }

    [PostgresFact]
    public async Task EveryNonPublicEndpoint_Anonymously_IsChallenged()
    {
        var (_, b) = await ArrangeAsync();
        using var client = app.Anonymous();
        foreach (var e in Endpoints().Where(e => !PublicRoutes.Contains(Route(e))))
        {
            foreach (var method in Methods(e))
            {
                var url = Fill(Route(e), PartyA, b);
                var response = await SendAsync(client, method, Route(e), url, token: null, b);
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} → {(int)response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/logga-in", StringComparison.Ordinal),
                        $"{method} {url} → {(int)response.StatusCode}");
                }
            }
        }
    }

    [PostgresTheory]
    [InlineData("/finns-inte-part")]
    [InlineData("/api/v1/finns-inte-part/controllers")]
    [InlineData("/OSTERSUND'--/personuppgiftsansvariga")]
    public async Task UnknownParty_Is404_EvenForSignedInUsers(string url)
    {
        using var client = app.ClientFor(AppFactory.Demo("bo"));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Hittades inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task MalformedId_Is404()
    {
        using var client = app.ClientFor(AppFactory.Demo("cecilia"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/ostersund/controllers/inte-ett-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ostersund/personuppgiftsansvariga/123")).StatusCode);
    }

    /// <summary>
    /// Reads the routing table and the compiled pages: the calls that carry ids on party routes (page handlers with their
    /// id fields, API endpoints with their body's), and every id not covered by <see cref="IdRoutes"/> or <see cref="IdFields"/>.
    /// </summary>
    private async Task<(List<Probe> Probes, List<string> Uncovered)> DiscoverAsync()
    {
        var probes = new List<Probe>();
        var uncovered = new List<string>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        foreach (var e in Endpoints())
        {
            var route = Route(e);
            var routeParameters = e.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            RecordKind? routeKind = null;
            foreach (var name in routeParameters.Where(n => !OtherRouteValues.ContainsKey(n)))
            {
                if (IdRoutes.TryGetValue(route, out var kind))
                {
                    routeKind = kind;
                }
                else
                {
                    uncovered.Add($"{route}: route parameter {{{name}}} names no kind of record (IdRoutes)");
                }
            }

            if (!IsParty(route))
            {
                continue;
            }

            List<IdField> Resolve(IEnumerable<(string Name, Type Type)> fields, string where) =>
                [.. fields.Where(f => CarriesIds(f.Type) && !NotIds.Contains(f.Name) && !routeParameters.Contains(f.Name)).Select(f =>
                {
                    if (IdFields.TryGetValue($"{route} {f.Name}", out var k) || IdFields.TryGetValue(f.Name, out k))
                    {
                        return new IdField(f.Name, f.Type, k.Kind, k.Use);
                    }

                    uncovered.Add($"{route}: {where} {f.Name} names no kind of record (IdFields)");
                    return null;
                }).OfType<IdField>()];

            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, e.Metadata);
                var properties = Resolve(page.BoundProperties.Where(p => p.BindingInfo?.BindingSource != BindingSource.Path).Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)), "bound property");
                foreach (var handler in page.HandlerMethods)
                {
                    var post = string.Equals(handler.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
                    var fields = Resolve(handler.Parameters.Where(p => p.BindingInfo?.BindingSource != BindingSource.Services)
                        .Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)), $"handler On{handler.HttpMethod}{handler.Name} parameter");
                    if (post && !HandlersWithoutIds.Contains($"{route} {handler.Name}"))
                    {
                        fields.AddRange(properties);
                    }

                    if (routeKind is not null || fields.Any(f => f.Use != Use.Any))
                    {
                        probes.Add(new Probe(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, routeKind, fields, IsPage: true));
                    }
                }
            }
            else
            {
                var bodyType = e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var fields = bodyType is null ? [] : Resolve(bodyType.GetProperties().Select(p => (p.Name, p.PropertyType)), "body member");
                if (routeKind is not null || fields.Any(f => f.Use != Use.Any))
                {
                    probes.AddRange(Methods(e).Select(m => new Probe(m, route, null, routeKind, fields, IsPage: false)));
                }
            }
        }

        return (probes, uncovered);
    }

    private static bool CarriesIds(Type type) =>
        type == typeof(Guid) || Nullable.GetUnderlyingType(type) == typeof(Guid) || (type.IsGenericType && type.GetGenericArguments().Any(CarriesIds));

    private async Task<HttpResponseMessage> SendProbeAsync(HttpClient client, Probe probe, OtherPartyRecords b, string token)
    {
        var url = Fill(probe.Route, PartyA, b) + (probe.Handler is null ? string.Empty : $"?handler={probe.Handler}");
        var version = probe.VersionKind is { } kind ? await b.VersionAsync(app, PartyB, kind) : null;
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), url);
        if (probe.Method is "GET")
        {
            return await client.SendAsync(request);
        }

        if (probe.IsPage)
        {
            var form = FormValues.ToDictionary();
            form["Version"] = (version ?? Guid.Empty).ToString();
            foreach (var field in probe.Fields)
            {
                var id = b[field.Kind].ToString();
                if (field.Type.IsGenericType && field.Type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                {
                    form[$"{field.Name}[{id}]"] = "Searched";
                }
                else
                {
                    form[field.Name] = id;
                }
            }

            form["__RequestVerificationToken"] = token;
            request.Content = new FormUrlEncodedContent(form);
        }
        else
        {
            var json = JsonValues.ToDictionary();
            json["version"] = version ?? Guid.Empty;
            foreach (var field in probe.Fields)
            {
                json[field.Name] = field.Type.IsGenericType && field.Type.GetGenericTypeDefinition() == typeof(List<>) ? new[] { b[field.Kind] } : b[field.Kind];
            }

            request.Content = JsonContent.Create(json);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Any call: a page POST carries the antiforgery token (when there is one), an API call a plausible JSON body.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string route, string url, string? token, OtherPartyRecords b)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            if (route.StartsWith("/api/", StringComparison.Ordinal))
            {
                var json = JsonValues.ToDictionary();
                json["version"] = Guid.Empty;
                json["controllerIds"] = new[] { b[RecordKind.Controller] };
                request.Content = JsonContent.Create(json);
            }
            else
            {
                var form = FormValues.ToDictionary();
                if (token is not null)
                {
                    form["__RequestVerificationToken"] = token;
                }

                request.Content = new FormUrlEncodedContent(form);
            }
        }

        return client.SendAsync(request);
    }

    /// <summary>The signed-in user's antiforgery token from a page's form; the client keeps the cookie it pairs with.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var token = TokenField().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The route with the party and, for each id, B's record of the kind the route names.</summary>
    private static string Fill(string route, string party, OtherPartyRecords b)
    {
        var url = RouteParameter().Replace(route, m =>
        {
            var name = m.Groups[1].Value;
            if (name.Equals("party", StringComparison.OrdinalIgnoreCase))
            {
                return party;
            }

            return OtherRouteValues.TryGetValue(name, out var value) ? value
                : IdRoutes.TryGetValue(route, out var kind) ? b[kind].ToString()
                : throw new InvalidOperationException($"{route}: {{{name}}} names no kind of record (IdRoutes)");
        });
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private static void AssertNoSecret(string body, string call)
    {
        foreach (var secret in OtherPartyRecords.Secrets)
        {
            Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{call} answers with B's \"{secret}\"");
        }
    }

    /// <summary>A user with every role in party A (and none in B), and a record of every kind in B.</summary>
    private async Task<((Guid tid, Guid oid) user, OtherPartyRecords b)> ArrangeAsync()
    {
        var b = await OtherPartyRecords.EnsureAsync(app, PartyB);
        var tid = GemensamNamnd.Web.Data.Seed.DemoSeed.DemoTenantId(PartyA);
        var oid = Guid.Parse("5e1f2a3b-0000-4000-8000-00000000a11a");
        using var scope = app.Services.CreateScope();
        var appDb = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
        if (!appDb.Users.Any(u => u.EntraObjectId == oid))
        {
            var partyA = appDb.Parties.Single(p => p.Slug == PartyA);
            appDb.Users.Add(new AppUser
            {
                EntraTenantId = tid,
                EntraObjectId = oid,
                DisplayName = "Alla roller i A",
                Memberships = [.. Enum.GetValues<PartyRole>().Select(r => new Membership { PartyId = partyA.Id, Role = r })],
            });
            await appDb.SaveChangesAsync();
        }

        return ((tid, oid), b);
    }
}
