using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Tests.Parties;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Infrastructure;

/// <summary>
/// Bad input (issue 22): every form and every API body of the routing table, and every query of a list or an API read,
/// gets malformed values — missing, the wrong type, a 1 MB string, a NUL character, year 0001 and 9999, an unknown enum
/// value — one field at a time. Each answer is a 4xx with a Swedish message (the form again with its errors, the error
/// page or problem details), never a 5xx, and nothing is stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class BadInputCorpusTests(AppFactory app)
{
    /// <summary>A party no other test writes to: every record kind is made here, and its snapshot must not move.</summary>
    private const string Party = "region-jh";

    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Routes the corpus does not post to: the error page, health, the API description, sign-in and sign-out.</summary>
    private static readonly string[] Skipped = ["/fel/", "/health/", "/openapi/", "/logga-", "/demo/", "/hangfire"];

    /// <summary>Ids in forms and bodies, by name: the kind of record of the party that fills them.</summary>
    private static readonly Dictionary<string, RecordKind> Ids = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ControllerId"] = RecordKind.Controller,
        ["ControllerIds"] = RecordKind.Controller,
        ["ForwardTo"] = RecordKind.Controller,
        ["PersonId"] = RecordKind.DpoPerson,
        ["OfficerId"] = RecordKind.User,
        ["EmployingPartyId"] = RecordKind.Party,
        ["handlaggare"] = RecordKind.User,
        ["RoundId"] = RecordKind.MaturityRound,
        ["HoldId"] = RecordKind.RetentionHold,
        ["ActivityId"] = RecordKind.ProcessingActivity,
        ["SystemIds"] = RecordKind.System,
        ["SupplierIds"] = RecordKind.Supplier,
        ["id"] = RecordKind.System,
    };

    /// <summary>Route ids by route (as the isolation tests map them).</summary>
    private static RecordKind? RouteKind(string route) => route switch
    {
        _ when route.Contains("/personuppgiftsansvariga/{id", StringComparison.Ordinal) || route.Contains("/controllers/{id", StringComparison.Ordinal) => RecordKind.Controller,
        _ when route.Contains("/begaranden/{id", StringComparison.Ordinal) || route.Contains("/requests/{id", StringComparison.Ordinal) => RecordKind.Request,
        _ when route.Contains("/incidenter/{id", StringComparison.Ordinal) || route.Contains("/breaches/{id", StringComparison.Ordinal) => RecordKind.Breach,
        _ when route.Contains("/ovningar/{id", StringComparison.Ordinal) => RecordKind.Drill,
        _ when route.Contains("/registerforteckning/{id", StringComparison.Ordinal) => RecordKind.ProcessingActivity,
        _ when route.Contains("/konsekvensbedomningar/{id", StringComparison.Ordinal) => RecordKind.ImpactAssessment,
        _ when route.Contains("/avtal/{id", StringComparison.Ordinal) || route.Contains("/agreements/{id", StringComparison.Ordinal) => RecordKind.ProcessorAgreement,
        _ when route.Contains("/radgivningslogg/{id", StringComparison.Ordinal) => RecordKind.DpoConsultation,
        _ when route.Contains("/leverantorer/{id", StringComparison.Ordinal) => RecordKind.Supplier,
        _ when route.Contains("/leverantorsincidenter/{id", StringComparison.Ordinal) || route.Contains("/supplier-incidents/{id", StringComparison.Ordinal) => RecordKind.SupplierIncident,
        _ when route.Contains("/uppdrag/{id", StringComparison.Ordinal) || route.Contains("/allocations/{id", StringComparison.Ordinal) => RecordKind.DpoAllocation,
        _ when route.Contains("/personer/{id", StringComparison.Ordinal) || route.Contains("/persons/{id", StringComparison.Ordinal) => RecordKind.DpoPerson,
        _ when route.Contains("/omgangar/{id", StringComparison.Ordinal) => RecordKind.MaturityRound,
        _ when route.Contains("/parter/{id", StringComparison.Ordinal) => RecordKind.Party,
        _ when route.Contains("/anvandare/{id", StringComparison.Ordinal) => RecordKind.User,
        _ => null,
    };

    /// <summary>Plausible values by field name, so that one malformed field is what a refusal is about.</summary>
    private static readonly Dictionary<string, string> Plausible = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Kind"] = "Namnd",
        ["Delivery"] = "Letter",
        ["Risk"] = "Risk",
        ["Role"] = "Ordinarie",
        ["ReportingLevel"] = "HighestManagement",
        ["Rights"] = "Access",
        ["Channel"] = "Letter",
        ["To"] = "InProgress",
        ["Method"] = "BankID",
        ["WorkEmail"] = "korpus@example.org",
        ["Email"] = "korpus@example.org",
        ["SharePercent"] = "10",
        ["TargetPercent"] = "50",
        ["ReportedTime"] = "12:00",
        ["SupplementTime"] = "12:00",
        ["NoticeTime"] = "12:00",
        ["format"] = "csv",
    };

    /// <summary>Is a text field a date (ÅÅÅÅ-MM-DD) by its name?</summary>
    private static bool IsDateName(string name) =>
        name.EndsWith("On", StringComparison.Ordinal) || name.EndsWith("Date", StringComparison.OrdinalIgnoreCase)
        || name is "datum" or "date" or "fran" or "till" or "received" or "mottagen" or "ClosesOn" or "From" or "To";

    private sealed record Field(string Name, Type Type);

    /// <summary>One call that takes input: a page handler (form or query) or an API endpoint (JSON body or query).</summary>
    private sealed record Target(string Method, string Route, string? Handler, List<Field> Fields, bool IsPage, bool HasJsonBody)
    {
        public override string ToString() => $"{Method} {Route}{(Handler is { Length: > 0 } ? "?handler=" + Handler : string.Empty)}";
    }

    /// <summary>One malformed value for one field (or the whole input when <see cref="Field"/> is null).</summary>
    private sealed record Bad(string Why, string? Field, string? FormValue, JsonNode? JsonValue);

    [PostgresFact]
    public async Task EveryFormAndApiBody_WithMalformedValues_Is4xxInSwedish_No5xx_AndStoresNothing()
    {
        var records = await OtherPartyRecords.EnsureAsync(app, Party);
        using var client = await ClientAsync();
        var token = await AntiforgeryTokenAsync(client, $"/{Party}");
        var targets = await DiscoverAsync();
        Assert.True(targets.Count(t => t.IsPage && t.Method == "POST") > 20, $"only {targets.Count(t => t.IsPage && t.Method == "POST")} page handlers found");
        Assert.True(targets.Count(t => t.HasJsonBody) > 15, $"only {targets.Count(t => t.HasJsonBody)} API bodies found");

        var failures = new List<string>();
        var calls = 0;
        var before = await SnapshotAsync(records);
        foreach (var target in targets)
        {
            foreach (var bad in Variants(target))
            {
                using var response = await SendAsync(client, target, bad, records, token);
                var body = await response.Content.ReadAsStringAsync();
                calls++;
                var status = (int)response.StatusCode;
                var what = $"{target} {bad.Field ?? "(allt)"}={bad.Why}";
                if (status >= 500)
                {
                    failures.Add($"{what}: {status}");
                    continue;
                }

                // A date out of range may sit in a field the handler does not use (the case page binds every form's
                // fields): then the call may go through, but no new row, and the bad year nowhere. Every other bad value is
                // refused by the one guard whatever the handler uses.
                var isDate = bad.Why.StartsWith("år ", StringComparison.Ordinal);
                var mayPass = bad.Why == "saknas" || target.Method == "GET" || isDate;
                if (!mayPass && !Refused(target, response, body))
                {
                    failures.Add($"{what}: {status} {response.Headers.Location} (inte avvisad)");
                }

                var after = await SnapshotAsync(records);
                if (after is null)
                {
                    // A record of the party was removed: say so, and make it again for the next call.
                    failures.Add($"{what}: {status}, en post togs bort");
                    records = await OtherPartyRecords.EnsureAsync(app, Party);
                }
                // On a record's page (a route with its id) one form's handler binds every form's fields: a bad date in
                // another form's field may go with a valid change that adds a row (a supplement once the breach is
                // reported — after 12:00 Swedish time, the corpus's report time), so there only the bad year counts.
                else if (isDate && target.Method != "GET"
                    && ((!target.Route.Contains("{id", StringComparison.Ordinal) && Counts(before) != Counts(after)) || NewlyHolds(before, after, bad)))
                {
                    failures.Add($"{what}: {status}, något sparades");
                }
                else if (!mayPass && before != after)
                {
                    failures.Add($"{what}: {status}, något sparades");
                }

                before = after ?? await SnapshotAsync(records);
            }
        }

        Assert.True(calls > 300, $"only {calls} calls");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>What the party holds (<see cref="OtherPartyRecords.SnapshotAsync"/>), without the log of reads: showing a form again is a read.</summary>
    private async Task<string?> SnapshotAsync(OtherPartyRecords records)
    {
        try
        {
            var lines = (await records.SnapshotAsync(app, Party)).Split(Environment.NewLine);
            return string.Join(Environment.NewLine, lines.Where(l => !l.StartsWith("PersonalDataRead:", StringComparison.Ordinal)));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The row counts of a snapshot, but the timelines': a handler that ignores the bad field writes its event.</summary>
    private static string Counts(string? snapshot) =>
        string.Join(Environment.NewLine, (snapshot ?? string.Empty).Split(Environment.NewLine)
            .Where(l => CountLine().IsMatch(l) && !l.Contains("Event:", StringComparison.Ordinal)));

    /// <summary>Does the bad year appear in the records after the call and not before?</summary>
    private static bool NewlyHolds(string? before, string after, Bad bad)
    {
        var year = bad.Why == "år 0001" ? "\"0001-" : "\"9999-";
        return after.Contains(year, StringComparison.Ordinal) && before?.Contains(year, StringComparison.Ordinal) != true;
    }

    [GeneratedRegex(@"^\w+: \d+$")]
    private static partial Regex CountLine();

    /// <summary>A refusal: 4xx problem details (API), or a page that says what is wrong in Swedish (the form again, or the error page).</summary>
    private static bool Refused(Target target, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (!target.IsPage)
        {
            return status is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        }

        return status is >= 400 and < 500 || (status == 200 && (body.Contains("error-summary", StringComparison.Ordinal) || body.Contains("class=\"error", StringComparison.Ordinal)));
    }

    private static IEnumerable<Bad> Variants(Target target)
    {
        if (target.Method != "GET")
        {
            yield return new Bad("saknas", null, null, null);
        }

        foreach (var field in target.Fields)
        {
            var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
            var element = ElementType(type);
            var inQuery = target.Method == "GET";
            if (element == typeof(string))
            {
                yield return new Bad("NUL", field.Name, "a\0b", JsonValue.Create("a\0b"));
                if (!inQuery)
                {
                    yield return new Bad("1 MB", field.Name, new string('x', 1_000_000), JsonValue.Create(new string('x', 1_000_000)));
                }

                if (IsDateName(field.Name))
                {
                    yield return new Bad("år 0001", field.Name, "0001-01-01", JsonValue.Create("0001-01-01"));
                    yield return new Bad("år 9999", field.Name, "9999-12-31", JsonValue.Create("9999-12-31"));
                }
            }
            else if (element.IsEnum)
            {
                yield return new Bad("okänt värde", field.Name, "FinnsInte", JsonValue.Create("FinnsInte"));
                yield return new Bad("okänt tal", field.Name, "987654", JsonValue.Create(987654));
            }
            else if (element == typeof(Guid))
            {
                yield return new Bad("fel typ", field.Name, "inte-ett-id", JsonValue.Create("inte-ett-id"));
            }
            else if (element == typeof(int) || element == typeof(long) || element == typeof(decimal) || element == typeof(double))
            {
                yield return new Bad("fel typ", field.Name, "tio", JsonValue.Create("tio"));
                if (element == typeof(int) && (field.Name.Equals("ar", StringComparison.OrdinalIgnoreCase) || field.Name.EndsWith("Year", StringComparison.Ordinal)))
                {
                    yield return new Bad("år 0001", field.Name, "1", JsonValue.Create(1));
                    yield return new Bad("år 9999", field.Name, "9999", JsonValue.Create(9999));
                }
            }
            else if (element == typeof(bool))
            {
                yield return new Bad("fel typ", field.Name, "kanske", JsonValue.Create("kanske"));
            }
            else if (element == typeof(DateOnly))
            {
                yield return new Bad("fel typ", field.Name, "inte-ett-datum", JsonValue.Create(12));
                yield return new Bad("år 0001", field.Name, "0001-01-01", JsonValue.Create("0001-01-01"));
                yield return new Bad("år 9999", field.Name, "9999-12-31", JsonValue.Create("9999-12-31"));
            }
            else if (element == typeof(DateTimeOffset) || element == typeof(DateTime))
            {
                yield return new Bad("fel typ", field.Name, "inte-en-tid", JsonValue.Create(12));
                yield return new Bad("år 0001", field.Name, "0001-01-01T00:00:00Z", JsonValue.Create("0001-01-01T00:00:00+00:00"));
                yield return new Bad("år 9999", field.Name, "9999-12-31T00:00:00Z", JsonValue.Create("9999-12-31T00:00:00+00:00"));
            }
        }

        if (target.HasJsonBody)
        {
            yield return new Bad("trasig JSON", null, null, null);
        }
    }

    /// <summary>The element of a list, or the type itself.</summary>
    private static Type ElementType(Type type)
    {
        if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1)
        {
            var element = type.GetGenericArguments()[0];
            return Nullable.GetUnderlyingType(element) ?? element;
        }

        return type;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly)
               || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(TimeOnly);
    }

    private static bool IsBindable(Type type) => IsSimple(type) || (ElementType(type) != type && IsSimple(ElementType(type)));

    private async Task<List<Target>> DiscoverAsync()
    {
        var targets = new List<Target>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText is not null))
        {
            var route = "/" + e.RoutePattern.RawText!.TrimStart('/');
            if (Skipped.Any(s => route.StartsWith(s, StringComparison.Ordinal)))
            {
                continue;
            }

            var routeParameters = e.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, e.Metadata);
                var bound = page.BoundProperties.OfType<PageBoundPropertyDescriptor>().Where(p => p.BindingInfo?.BindingSource != BindingSource.Path && !routeParameters.Contains(p.Name)).ToList();
                foreach (var handler in page.HandlerMethods)
                {
                    var post = string.Equals(handler.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
                    var fields = handler.Parameters
                        .Where(p => p.BindingInfo?.BindingSource != BindingSource.Services && !routeParameters.Contains(p.Name) && p.ParameterType != typeof(CancellationToken))
                        .Select(p => new Field(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)).ToList();
                    var properties = bound.Where(p => post || SupportsGet(p))
                        .Select(p => new Field(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType));
                    fields.AddRange(properties.Where(f => !fields.Any(x => x.Name == f.Name)));
                    fields = Flatten(fields);
                    if (post || fields.Count > 0)
                    {
                        targets.Add(new Target(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, fields, IsPage: true, HasJsonBody: false));
                    }
                }
            }
            else if (route.StartsWith("/api/", StringComparison.Ordinal))
            {
                var bodyType = e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var query = e.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                    .Where(p => !routeParameters.Contains(p.Name) && IsSimple(p.ParameterInfo.ParameterType) && p.ParameterInfo.ParameterType != typeof(CancellationToken))
                    .Select(p => new Field(p.Name, p.ParameterInfo.ParameterType)).ToList();
                foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    if (bodyType is not null && method != "GET")
                    {
                        var fields = bodyType.GetProperties().Where(p => p.CanWrite || p.GetMethod is not null)
                            .Select(p => new Field(JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType)).ToList();
                        targets.Add(new Target(method, route, null, fields, IsPage: false, HasJsonBody: true));
                    }
                    else if (query.Count > 0)
                    {
                        targets.Add(new Target(method, route, null, query, IsPage: false, HasJsonBody: false));
                    }
                }
            }
        }

        return targets;
    }

    private static bool SupportsGet(PageBoundPropertyDescriptor p) =>
        p.Property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true)
            .OfType<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().Any(a => a.SupportsGet);

    /// <summary>A bound object becomes its properties ("Input.Name"); simple values and lists of them stay.</summary>
    private static List<Field> Flatten(IEnumerable<Field> fields)
    {
        var all = new List<Field>();
        foreach (var field in fields)
        {
            if (IsBindable(field.Type))
            {
                all.Add(field);
            }
            else if (field.Type.IsClass && !typeof(IEnumerable).IsAssignableFrom(field.Type))
            {
                all.AddRange(field.Type.GetProperties().Where(p => p.CanWrite && IsBindable(p.PropertyType)).Select(p => new Field($"{field.Name}.{p.Name}", p.PropertyType)));
            }
        }

        return all;
    }

    private static string Leaf(string name) => name.Contains('.', StringComparison.Ordinal) ? name[(name.LastIndexOf('.') + 1)..] : name;

    /// <summary>A plausible value for a field, as form text.</summary>
    private static string? PlausibleText(Field field, OtherPartyRecords records, Guid? version)
    {
        var name = Leaf(field.Name);
        var type = ElementType(Nullable.GetUnderlyingType(field.Type) ?? field.Type);
        if (name.Equals("Version", StringComparison.OrdinalIgnoreCase))
        {
            return (version ?? Guid.Empty).ToString();
        }

        if (Plausible.TryGetValue(name, out var known))
        {
            return known;
        }

        if (type == typeof(Guid))
        {
            return Ids.TryGetValue(name, out var kind) ? records[kind].ToString() : null;
        }

        if (type.IsEnum)
        {
            return Enum.GetNames(type).FirstOrDefault(n => n != "None");
        }

        if (type == typeof(bool))
        {
            return "true";
        }

        if (type == typeof(int) || type == typeof(decimal))
        {
            return "10";
        }

        if (type == typeof(DateOnly) || (type == typeof(string) && IsDateName(name)))
        {
            return Today;
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture);
        }

        return type == typeof(string) ? "Korpustest" : null;
    }

    private static JsonNode? PlausibleJson(Field field, OtherPartyRecords records, Guid? version)
    {
        var text = PlausibleText(field with { Name = char.ToUpperInvariant(field.Name[0]) + field.Name[1..] }, records, version);
        if (text is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        var element = ElementType(type);
        JsonNode? value = element == typeof(bool) ? JsonValue.Create(true)
            : element == typeof(int) || element == typeof(decimal) ? JsonValue.Create(10)
            : JsonValue.Create(text);
        return element != type ? new JsonArray(value) : value;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Target target, Bad bad, OtherPartyRecords records, string token)
    {
        var kind = RouteKind(target.Route);
        var version = kind is { } k ? await records.VersionAsync(app, Party, k) : null;
        var url = Fill(target.Route, records);
        if (target.IsPage && target.Handler is { Length: > 0 })
        {
            url += "?handler=" + target.Handler;
        }

        var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
        if (target.Method == "GET")
        {
            var query = target.Fields.Where(f => f.Name == bad.Field).Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(bad.FormValue ?? string.Empty)}");
            request.RequestUri = new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query), UriKind.Relative);
            return await client.SendAsync(request);
        }

        if (target.IsPage)
        {
            var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            if (bad.Why != "saknas")
            {
                foreach (var field in target.Fields)
                {
                    var value = field.Name == bad.Field ? bad.FormValue : PlausibleText(field, records, version);
                    if (value is not null)
                    {
                        form.Add(new(field.Name, value));
                    }
                }

                if (target.Route.Contains("/incidenter", StringComparison.Ordinal))
                {
                    form.Add(new("When[AwareAtDate]", Today));
                    form.Add(new("When[AwareAtTime]", "08:00"));
                }
            }

            request.Content = new FormUrlEncodedContent(form);
            return await client.SendAsync(request);
        }

        if (bad.Why == "trasig JSON")
        {
            request.Content = new StringContent("""{"version": """, Encoding.UTF8, "application/json");
            return await client.SendAsync(request);
        }

        var json = new JsonObject();
        if (bad.Why != "saknas")
        {
            foreach (var field in target.Fields)
            {
                json[field.Name] = field.Name == bad.Field ? bad.JsonValue?.DeepClone() : PlausibleJson(field, records, version);
            }
        }

        request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static string Fill(string route, OtherPartyRecords records) => RouteParameter().Replace(route, m =>
    {
        var name = m.Groups[1].Value;
        return name.Equals("party", StringComparison.OrdinalIgnoreCase) ? Party
            : RouteKind(route) is { } kind ? records[kind].ToString()
            : name switch { "code" => "404", "documentName" => "v1", "mall" => "mottagningsbekraftelse", _ => throw new InvalidOperationException($"{route}: {{{name}}}") };
    }).TrimEnd('/');

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>A user with every role in the party, global administrator and e-strateg: every form is open to it.</summary>
    private async Task<HttpClient> ClientAsync()
    {
        var tid = GemensamNamnd.Web.Data.Seed.DemoSeed.DemoTenantId(Party);
        var oid = Guid.Parse("5e1f2a3b-0000-4000-8000-0000000c0b05");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemensamNamnd.Web.Data.AppDbContext>();
            if (!db.Users.Any(u => u.EntraObjectId == oid))
            {
                var party = db.Parties.Single(p => p.Slug == Party);
                db.Users.Add(new AppUser
                {
                    EntraTenantId = tid,
                    EntraObjectId = oid,
                    DisplayName = "Korpus Allaroller",
                    IsGlobalAdministrator = true,
                    IsEStrategist = true,
                    Memberships = [.. Enum.GetValues<PartyRole>().Select(r => new Membership { PartyId = party.Id, Role = r })],
                });
                await db.SaveChangesAsync();
            }
        }

        return app.ClientWithToken(TestTokens.Issue(tid, oid));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var token = TokenField().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no antiforgery token on " + url);
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
