using System.Linq.Expressions;
using System.Text.Json;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Audit;

/// <summary>What happened in a line of the log: a record made, changed, removed, or personal data read.</summary>
public enum AuditKind
{
    Created,
    Modified,
    Deleted,
    Read,
}

/// <summary>One line of the log as a Swedish sentence: "Anna Andersson ändrade mottagningsdatum i KS 2026/0042".</summary>
public sealed record AuditLine(DateTimeOffset At, string Actor, AuditKind Kind, string Sentence, string? CaseNumber, string? CasePath, string? Details);

/// <summary>The log's filters; null = any. <see cref="CaseNumber"/> matches a request's or a breach's number exactly.</summary>
public sealed record AuditFilter(string? CaseNumber = null, string? ActorId = null, DateOnly? From = null, DateOnly? To = null, AuditKind? Kind = null);

/// <summary>
/// The party's audit trail (changes, <see cref="AuditEntry"/>) and its reads of personal data (<see cref="PersonalDataRead"/>)
/// merged in time order, each as one sentence in Swedish with the case it concerns. Changed fields are named, never their
/// text values (<see cref="AuditChanges"/> keeps that rule for the details).
/// </summary>
public sealed class AuditTimeline(AppDbContext db, CurrentParty currentParty)
{
    private const string RequestType = "DataSubjectRequest";
    private const string BreachType = "Breach";

    /// <summary>Swedish names of the fields most often changed; others are spelled out from their names.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["ReceivedAt"] = "mottagningsdatum",
        ["Channel"] = "kanal",
        ["Status"] = "status",
        ["AssignedOfficerId"] = "handläggare",
        ["HandlerId"] = "handläggare",
        ["DueOn"] = "tidsfrist",
        ["EffectiveDueOn"] = "gällande tidsfrist",
        ["ExtendedDueOn"] = "förlängd tidsfrist",
        ["ControllerId"] = "personuppgiftsansvarig",
        ["ControllerIds"] = "personuppgiftsansvariga",
        ["Rights"] = "rättigheter",
        ["RequesterName"] = "namn",
        ["PersonalNumberCiphertext"] = "personnummer",
        ["PersonalNumberHash"] = "personnummer",
        ["Email"] = "e-post",
        ["PostalAddress"] = "postadress",
        ["ProtectedIdentity"] = "skyddad identitet",
        ["Notes"] = "anteckningar",
        ["IdentityCheckAskedAt"] = "begäran om identitetskontroll",
        ["IdentityConfirmedAt"] = "bekräftad identitet",
        ["AnsweredAt"] = "svarsdatum",
        ["Outcome"] = "utfall",
        ["Title"] = "rubrik",
        ["Description"] = "beskrivning",
        ["AwareAt"] = "tidpunkt för kännedom",
        ["ImyDeadlineAt"] = "IMY-frist",
        ["Risk"] = "riskbedömning",
        ["Reportable"] = "beslut om anmälan",
        ["ReportedAt"] = "anmälan till IMY",
        ["SupplementDueOn"] = "kompletteringsfrist",
        ["SubjectNoticeSentAt"] = "underrättelse till de registrerade",
        ["LateReason"] = "skäl till sen anmälan",
        ["Types"] = "typ av incident",
        ["Cause"] = "orsak",
        ["Consequences"] = "konsekvenser",
        ["ClosedAt"] = "avslutsdatum",
        ["Name"] = "namn",
        ["Settings"] = "inställningar",
        ["SharePercent"] = "andel",
        ["StartsOn"] = "startdatum",
        ["EndsOn"] = "slutdatum",
        ["Role"] = "roll",
    };

    /// <summary>What a record is, in Swedish ("begäran", "incidenten" …); others by their type name.</summary>
    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        [RequestType] = "begäran",
        [BreachType] = "incidenten",
        ["SystemSearch"] = "sökning i system",
        ["RequestEvent"] = "händelse",
        ["BreachEvent"] = "händelse",
        ["BreachSupplement"] = "komplettering",
        ["DpoAllocation"] = "dataskyddsombudets uppdrag",
        ["DataController"] = "personuppgiftsansvarig",
        ["Drill"] = "övning",
        ["Party"] = "partens inställningar",
        ["RetentionHold"] = "spärr mot gallring",
    };

    /// <summary>One page of the party's log, newest first, and whether there is a next page.</summary>
    public async Task<(IReadOnlyList<AuditLine> Lines, bool HasMore)> PageAsync(AuditFilter filter, int page, int size, CancellationToken ct)
    {
        var take = (page * size) + 1;
        var caseIds = filter.CaseNumber is { Length: > 0 } number ? await CaseIdsAsync(number.Trim(), ct) : null;
        var changes = filter.Kind is null or AuditKind.Created or AuditKind.Modified or AuditKind.Deleted
            ? await Changes(filter, caseIds).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToListAsync(ct)
            : [];
        var reads = filter.Kind is null or AuditKind.Read
            ? await Reads(filter, caseIds).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct)
            : [];
        var lines = await DescribeAsync(changes, reads, ct);
        var skipped = lines.Skip((page - 1) * size).ToList();
        return (skipped.Take(size).ToList(), skipped.Count > size);
    }

    /// <summary>Who read and changed one case (a request or a breach) and its parts, newest first.</summary>
    public async Task<IReadOnlyList<AuditLine>> ForCaseAsync(Guid caseId, int max, CancellationToken ct)
    {
        List<string> ids = [caseId.ToString()];
        var changes = await Changes(new AuditFilter(), ids).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(max).ToListAsync(ct);
        var reads = await Reads(new AuditFilter(), ids).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(max).ToListAsync(ct);
        return [.. (await DescribeAsync(changes, reads, ct)).Take(max)];
    }

    /// <summary>The people who appear in the party's log, for the filter: (actor id, name).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> ActorsAsync(CancellationToken ct)
    {
        var partyId = currentParty.Required.Id;
        var members = await db.Users.AsNoTracking().Where(u => u.Memberships.Any(m => m.PartyId == partyId))
            .Select(u => new { u.EntraTenantId, u.EntraObjectId, u.DisplayName }).ToListAsync(ct);
        return [.. members.Select(m => ($"{m.EntraTenantId}/{m.EntraObjectId}", m.DisplayName)).OrderBy(m => m.DisplayName, StringComparer.Create(Infrastructure.Swedish.Culture, false))];
    }

    private IQueryable<AuditEntry> Changes(AuditFilter filter, List<string>? caseIds)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (caseIds is not null)
        {
            query = query.Where(AnyOf<AuditEntry>(caseIds, id => a => a.EntityId == id || a.Changes.Contains(id)));
        }

        if (filter.ActorId is { Length: > 0 } actor)
        {
            query = query.Where(a => a.ActorId == actor);
        }

        if (filter.From is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        return filter.Kind switch
        {
            AuditKind.Created => query.Where(a => a.Action == AuditAction.Created),
            AuditKind.Modified => query.Where(a => a.Action == AuditAction.Modified),
            AuditKind.Deleted => query.Where(a => a.Action == AuditAction.Deleted),
            _ => query,
        };
    }

    private IQueryable<PersonalDataRead> Reads(AuditFilter filter, List<string>? caseIds)
    {
        var query = db.PersonalDataReads.AsNoTracking();
        if (caseIds is not null)
        {
            query = query.Where(r => caseIds.Contains(r.EntityId));
        }

        if (filter.ActorId is { Length: > 0 } actor)
        {
            query = query.Where(r => r.ActorId == actor);
        }

        if (filter.From is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(r => r.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(r => r.At < end);
        }

        return query;
    }

    /// <summary>The ids of the party's request and breach with this case number (each register has its own series).</summary>
    private async Task<List<string>> CaseIdsAsync(string caseNumber, CancellationToken ct)
    {
        var requests = await db.Requests.AsNoTracking().Where(r => r.CaseNumber == caseNumber).Select(r => r.Id).ToListAsync(ct);
        var breaches = await db.Breaches.AsNoTracking().Where(b => b.CaseNumber == caseNumber).Select(b => b.Id).ToListAsync(ct);
        return [.. requests.Concat(breaches).Select(id => id.ToString())];
    }

    private async Task<List<AuditLine>> DescribeAsync(List<AuditEntry> changes, List<PersonalDataRead> reads, CancellationToken ct)
    {
        // The case each row concerns: the record itself, or the case id a part of it names (RequestId, BreachId).
        var caseOf = changes.ToDictionary(a => a.Id, a => CaseIdOf(a));
        var candidates = caseOf.Values.Concat(reads.Select(r => Guid.TryParse(r.EntityId, out var id) ? id : (Guid?)null))
            .Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
        var slug = currentParty.Required.Slug;
        var cases = new Dictionary<Guid, (string Number, string Path)>();
        foreach (var chunk in candidates.Chunk(500))
        {
            foreach (var r in await db.Requests.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.CaseNumber }).ToListAsync(ct))
            {
                cases[r.Id] = (r.CaseNumber, $"/{slug}/begaranden/{r.Id}");
            }

            foreach (var b in await db.Breaches.AsNoTracking().Where(b => chunk.Contains(b.Id)).Select(b => new { b.Id, b.CaseNumber }).ToListAsync(ct))
            {
                cases[b.Id] = (b.CaseNumber, $"/{slug}/incidenter/{b.Id}");
            }
        }

        // Names as the user registry has them now (the same person under one name), else as recorded.
        var names = await ActorNamesAsync(reads.Select(r => r.ActorId).Concat(changes.Select(a => a.ActorId)).Distinct().ToList(), ct);
        var lines = new List<AuditLine>(changes.Count + reads.Count);
        foreach (var a in changes)
        {
            var found = caseOf[a.Id] is { } id && cases.TryGetValue(id, out var c) ? c : ((string Number, string Path)?)null;
            var actor = names.GetValueOrDefault(a.ActorId, a.ActorName);
            lines.Add(new AuditLine(a.At, actor, Kind(a.Action), ChangeSentence(a, actor, found?.Number), found?.Number, found?.Path, AuditChanges.Describe(db.Model, a.EntityType, a.Changes)));
        }

        foreach (var r in reads)
        {
            var found = Guid.TryParse(r.EntityId, out var id) && cases.TryGetValue(id, out var c) ? c : ((string Number, string Path)?)null;
            var actor = names.GetValueOrDefault(r.ActorId, r.ActorId);
            var what = found is { } f ? $"{EntityName(r.EntityType)} {f.Number}" : EntityName(r.EntityType);
            lines.Add(new AuditLine(r.At, actor, AuditKind.Read, $"{actor} läste personuppgifterna i {what}", found?.Number, found?.Path, $"Syfte: {r.Purpose}"));
        }

        return [.. lines.OrderByDescending(l => l.At)];
    }

    private static string ChangeSentence(AuditEntry a, string actor, string? caseNumber)
    {
        var entity = EntityName(a.EntityType);
        var isCase = a.EntityType is RequestType or BreachType;
        var where = caseNumber is null ? "" : $" i {caseNumber}";
        return a.Action switch
        {
            AuditAction.Created when isCase => $"{actor} registrerade {entity}{(caseNumber is null ? "" : " " + caseNumber)}",
            AuditAction.Created => $"{actor} lade till {entity}{where}",
            AuditAction.Deleted => $"{actor} tog bort {entity}{where}",
            _ => $"{actor} ändrade {Fields(a.Changes)}{(isCase ? where : $" för {entity}{where}")}",
        };
    }

    /// <summary>The changed fields in Swedish, "mottagningsdatum och status"; the names only, never the values.</summary>
    private static string Fields(string changes)
    {
        List<string> fields;
        try
        {
            using var json = JsonDocument.Parse(changes);
            fields = json.RootElement.ValueKind == JsonValueKind.Object
                ? [.. json.RootElement.EnumerateObject().Select(p => FieldName(p.Name)).Distinct()]
                : [];
        }
        catch (JsonException)
        {
            fields = [];
        }

        return fields.Count switch
        {
            0 => "uppgifter",
            1 => fields[0],
            _ => string.Join(", ", fields[..^1]) + " och " + fields[^1],
        };
    }

    private static string FieldName(string name)
    {
        if (FieldNames.TryGetValue(name, out var swedish))
        {
            return swedish;
        }

        // PascalCase spelled out: "ImyReportedOn" → "imy reported on" is still better than nothing; most fields are named above.
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ");
        return words.ToLowerInvariant();
    }

    private static string EntityName(string type) => EntityNames.GetValueOrDefault(type, type);

    private static AuditKind Kind(AuditAction action) => action switch
    {
        AuditAction.Created => AuditKind.Created,
        AuditAction.Deleted => AuditKind.Deleted,
        _ => AuditKind.Modified,
    };

    /// <summary>The case an audit row concerns: a request or breach itself, or the RequestId/BreachId its changes name.</summary>
    private static Guid? CaseIdOf(AuditEntry a)
    {
        if (a.EntityType is RequestType or BreachType)
        {
            return Guid.TryParse(a.EntityId, out var id) ? id : null;
        }

        try
        {
            using var json = JsonDocument.Parse(a.Changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in new[] { "RequestId", "BreachId" })
            {
                if (json.RootElement.TryGetProperty(name, out var value))
                {
                    var text = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("to", out var to) ? to.ToString() : value.ToString();
                    if (Guid.TryParse(text, out var id))
                    {
                        return id;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return Guid.TryParse(a.EntityId, out var own) ? own : null;
    }

    /// <summary>Display names of the readers ("tid/oid" keys); a key no user has stays as it is (a system).</summary>
    private async Task<Dictionary<string, string>> ActorNamesAsync(List<string> actorIds, CancellationToken ct)
    {
        var oids = actorIds.Select(a => a.Split('/')).Where(p => p.Length == 2 && Guid.TryParse(p[1], out _)).Select(p => Guid.Parse(p[1])).Distinct().ToList();
        var users = oids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => oids.Contains(u.EntraObjectId))
            .Select(u => new { u.EntraTenantId, u.EntraObjectId, u.DisplayName }).ToListAsync(ct);
        return users.ToDictionary(u => $"{u.EntraTenantId}/{u.EntraObjectId}", u => u.DisplayName);
    }

    /// <summary>Midnight in Sweden at the start of <paramref name="day"/>, as an instant.</summary>
    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Infrastructure.Swedish.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Expression<Func<T, bool>> AnyOf<T>(IEnumerable<string> values, Func<string, Expression<Func<T, bool>>> one)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression body = Expression.Constant(false);
        foreach (var value in values)
        {
            var predicate = one(value);
            body = Expression.OrElse(body, Expression.Invoke(predicate, parameter));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }
}
