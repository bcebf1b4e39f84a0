using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Requests.Commands;

/// <summary>
/// Records the checklist of systems searched (Art. 15(1): every processing of the person's data). A null mark clears
/// a system's line; a system must be one of the party's, in use or already on the case. The case's version moves, so
/// two officers marking at once do not overwrite each other unseen. Each marked system may carry a note (where it was
/// searched, what was found; at most 1,000 characters); a system not searched has none.
/// </summary>
public sealed class SaveSystemSearches(RequestChanges changes, AppDbContext db, TimeProvider clock)
{
    private const string Field = "Systems";

    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, IReadOnlyDictionary<Guid, SystemSearchResult?> marks, CancellationToken cancellationToken = default) =>
        RunAsync(id, version, marks, new Dictionary<Guid, string?>(), cancellationToken);

    /// <summary>The checklist with a note per system (a system absent from <paramref name="notes"/> keeps its note).</summary>
    public Task<CommandResult<DataSubjectRequest>> RunAsync(
        Guid id, Guid version, IReadOnlyDictionary<Guid, SystemSearchResult?> marks, IReadOnlyDictionary<Guid, string?> notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(notes);
        return changes.ChangeAsync(id, version, r => DecideAsync(r, marks, notes, cancellationToken), cancellationToken);
    }

    private async Task<CommandResult<string>> DecideAsync(
        DataSubjectRequest r, IReadOnlyDictionary<Guid, SystemSearchResult?> marks, IReadOnlyDictionary<Guid, string?> notes, CancellationToken cancellationToken)
    {
        if (RequestStatusRules.IsClosed(r.Status))
        {
            return RequestChanges.Refuse(Field, "Ett avslutat ärende kan inte ändras.");
        }

        var existing = await db.SystemSearches.Where(s => s.RequestId == r.Id).ToDictionaryAsync(s => s.SystemId, cancellationToken);
        var systems = await db.PartySystems.AsNoTracking()
            .Where(s => s.IsActive || existing.Keys.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        if (marks.Keys.Concat(notes.Keys).Any(k => !systems.ContainsKey(k)))
        {
            return RequestChanges.Refuse(Field, "Ett av systemen finns inte i partens lista. Ladda om sidan.");
        }

        if (marks.Values.Any(m => m is { } v && !Enum.IsDefined(v)))
        {
            return RequestChanges.Refuse(Field, "Okänt resultat av sökningen.");
        }

        if (notes.FirstOrDefault(n => n.Value?.Trim().Length > Limits.Reason) is { Value: not null } tooLong && systems.TryGetValue(tooLong.Key, out var longName))
        {
            return RequestChanges.Refuse(Field, $"Anteckningen om {longName} får vara högst 1 000 tecken.");
        }

        if (notes.Where(n => !string.IsNullOrWhiteSpace(n.Value)).FirstOrDefault(n => !marks.TryGetValue(n.Key, out var m) || m is null) is { Value: not null } unsearched
            && systems.TryGetValue(unsearched.Key, out var unsearchedName))
        {
            return RequestChanges.Refuse(Field, $"Välj vad sökningen i {unsearchedName} gav innan du skriver en anteckning om den.");
        }

        var now = clock.GetUtcNow();
        var changed = new List<string>();
        foreach (var (systemId, mark) in marks.OrderBy(m => systems[m.Key], StringComparer.Create(Swedish.Culture, false)))
        {
            existing.TryGetValue(systemId, out var line);
            var note = notes.TryGetValue(systemId, out var posted) ? (string.IsNullOrWhiteSpace(posted) ? null : posted.Trim()) : line?.Note;
            if (line?.Result == mark && (line is null || line.Note == note))
            {
                continue;
            }

            if (mark is not { } result)
            {
                if (line is not null)
                {
                    db.SystemSearches.Remove(line);
                    changed.Add($"{systems[systemId]} (ej sökt)");
                }

                continue;
            }

            if (line is null)
            {
                db.SystemSearches.Add(new SystemSearch { RequestId = r.Id, SystemId = systemId, Result = result, MarkedAt = now, MarkedBy = changes.ActorName, Note = note });
            }
            else
            {
                line.Result = result;
                line.MarkedAt = now;
                line.MarkedBy = changes.ActorName;
                line.Note = note;
            }

            // The timeline names the system and the result; the note itself may hold personal data and stays on its line.
            changed.Add($"{systems[systemId]} ({result.Swedish()}{(note is null ? "" : ", med anteckning")})");
        }

        if (changed.Count == 0)
        {
            return CommandResult.Done(RequestChanges.Unchanged);
        }

        // The case row itself is unchanged: mark its version so the save checks and moves it.
        db.Entry(r).Property(x => x.Version).IsModified = true;
        return CommandResult.Done("Sökta system: " + string.Join(", ", changed) + ".");
    }
}
