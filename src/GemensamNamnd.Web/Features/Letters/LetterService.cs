using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Deadlines;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Requests;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Infrastructure;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Features.Letters;

/// <summary>
/// Produces a letter from a case (issue 18): the merge fields from the stored case (never a deadline counted here: the
/// stored <c>DueOn</c>/<c>ExtendedDueOn</c> and the Domain explanation), the party's template or the product's default,
/// one document model, one writer per format. Producing is logged as a read of personal data and recorded on the case's
/// timeline (which letter, who, when); the extension notice also records its date on the case
/// (<see cref="DataSubjectRequest.ExtensionNoticeSentOn"/>, when not yet recorded). The file is returned as a
/// <see cref="LetterFile"/>: the seam where the documents feature stores a letter on the case.
/// </summary>
public sealed class LetterService(
    AppDbContext db,
    CurrentParty currentParty,
    RequestViewers viewers,
    CurrentActor actor,
    PersonalDataReadLog reads,
    Processing.ProcessingQueries processing,
    TimeProvider clock)
{
    public const string ReadPurpose = "Brev togs fram";

    public async Task<CommandResult<LetterFile>> ProduceRequestLetterAsync(Guid id, LetterKind kind, LetterFormat format, CancellationToken ct = default)
    {
        var info = LetterKinds.Of(kind);
        if (info.ForBreach)
        {
            return CommandResult<LetterFile>.NotFound();
        }

        var viewer = await viewers.CurrentAsync(ct);
        var r = await db.Requests.OpenTo(viewer).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return CommandResult<LetterFile>.NotFound();
        }

        var extended = r.EffectiveDueOn == r.ExtendedDueOn && r.ExtendedDueOn != r.DueOn;
        if (kind == LetterKind.Forlangning && !extended)
        {
            return CommandResult<LetterFile>.Conflict("Mall", "Ärendet är inte förlängt: förläng det först (art. 12.3), sedan kan beskedet tas fram.");
        }

        if (kind == LetterKind.Avslag && r.Status != RequestStatus.Refused)
        {
            // A partial refusal is written on an answered case too; the letter then needs a ground.
            if (string.IsNullOrWhiteSpace(r.RefusalGround))
            {
                return CommandResult<LetterFile>.Conflict("Mall", "Ärendet har ingen grund för avslag: ange grunden (art. 12.4) när begäran avslås, helt eller delvis.");
            }
        }

        var fields = await RequestFieldsAsync(r, ct);
        var document = await RenderAsync(kind, fields, RequestFrame(r, fields), ct);
        var file = Write(document, info, format, r.CaseNumber);

        await reads.RecordAsync("DataSubjectRequest", r.Id, ReadPurpose, ct);
        var today = Today;
        var text = $"Brev togs fram: {info.Title} ({format.Extension().ToUpperInvariant()}).";
        if (kind == LetterKind.Forlangning)
        {
            if (r.ExtensionNoticeSentOn is null)
            {
                r.ExtensionNoticeSentOn = today;
            }

            text = $"Brev togs fram: {info.Title} ({format.Extension().ToUpperInvariant()}), daterat {SwedishDates.Long(today)}. " +
                $"Den registrerade underrättades om förlängningen {SwedishDates.Long(r.ExtensionNoticeSentOn.Value)}; ny sista dag {SwedishDates.Long(r.ExtendedDueOn)}.";
        }

        db.RequestEvents.Add(new RequestEvent { RequestId = r.Id, At = clock.GetUtcNow(), ActorName = ActorName, Text = text });
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(file);
    }

    public async Task<CommandResult<LetterFile>> ProduceBreachLetterAsync(Guid id, LetterKind kind, LetterFormat format, CancellationToken ct = default)
    {
        var info = LetterKinds.Of(kind);
        if (!info.ForBreach)
        {
            return CommandResult<LetterFile>.NotFound();
        }

        var b = await db.Breaches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return CommandResult<LetterFile>.NotFound();
        }

        var fields = await BreachFieldsAsync(b, ct);
        var frame = new LetterFrame(
            (string)fields["parten"]!, (string)fields["personuppgiftsansvarig"]!, (string)fields["datum"]!, b.CaseNumber,
            ["Till dig som berörs av incidenten"], Signature(fields));
        var document = await RenderAsync(kind, fields, frame, ct);
        var file = Write(document, info, format, b.CaseNumber);

        await reads.RecordAsync("Breach", b.Id, ReadPurpose, ct);
        db.BreachEvents.Add(new BreachEvent
        {
            BreachId = b.Id,
            At = clock.GetUtcNow(),
            ActorName = ActorName,
            Text = $"Brev togs fram: {info.Title} ({format.Extension().ToUpperInvariant()}, art. 34).",
        });
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(file);
    }

    /// <summary>The template in force for the party: its own, else the product's default.</summary>
    public async Task<(string Source, bool IsPartys)> TemplateSourceAsync(LetterKind kind, CancellationToken ct = default)
    {
        var own = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind).Select(t => t.Source).FirstOrDefaultAsync(ct);
        return own is null ? (LetterTemplates.Default(kind), false) : (own, true);
    }

    /// <summary>A preview of <paramref name="source"/> with a real case of the party, as PDF; null when the party has no such case.</summary>
    public async Task<LetterFile?> PreviewAsync(LetterKind kind, string source, CancellationToken ct = default)
    {
        if (!LetterTemplates.TryParse(source, out var template, out _))
        {
            return null;
        }

        var info = LetterKinds.Of(kind);
        if (info.ForBreach)
        {
            var b = await db.Breaches.AsNoTracking().OrderByDescending(x => x.AwareAt).FirstOrDefaultAsync(ct);
            if (b is null)
            {
                return null;
            }

            var bf = await BreachFieldsAsync(b, ct);
            var frame = new LetterFrame((string)bf["parten"]!, (string)bf["personuppgiftsansvarig"]!, (string)bf["datum"]!, b.CaseNumber, ["Till dig som berörs av incidenten"], Signature(bf));
            return Write(new LetterDocument(frame, LetterDocument.Parse(LetterTemplates.Render(template!, bf))), info, LetterFormat.Pdf, b.CaseNumber);
        }

        var viewer = await viewers.CurrentAsync(ct);
        var r = await db.Requests.AsNoTracking().OpenTo(viewer).OrderByDescending(x => x.ReceivedAt).FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return null;
        }

        await reads.RecordAsync("DataSubjectRequest", r.Id, "Förhandsgranskning av brevmall", ct);
        var rf = await RequestFieldsAsync(r, ct);
        return Write(new LetterDocument(RequestFrame(r, rf), LetterDocument.Parse(LetterTemplates.Render(template!, rf))), info, LetterFormat.Pdf, r.CaseNumber);
    }

    private async Task<LetterDocument> RenderAsync(LetterKind kind, Dictionary<string, object?> fields, LetterFrame frame, CancellationToken ct)
    {
        var (source, _) = await TemplateSourceAsync(kind, ct);
        if (!LetterTemplates.TryParse(source, out var template, out _))
        {
            // A stored template always parsed when saved; should a later Fluid read it otherwise, the default serves.
            LetterTemplates.TryParse(LetterTemplates.Default(kind), out template, out _);
        }

        return new LetterDocument(frame, LetterDocument.Parse(LetterTemplates.Render(template!, fields)));
    }

    private static LetterFile Write(LetterDocument document, LetterKindInfo info, LetterFormat format, string caseNumber)
    {
        var bytes = format == LetterFormat.Pdf ? PdfLetterWriter.Write(document, info.Title) : DocxLetterWriter.Write(document, info.Title);
        var safeCase = string.Concat(caseNumber.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        return new LetterFile($"{safeCase}-{info.Slug}.{format.Extension()}", format.ContentType(), bytes);
    }

    private DateOnly Today => Swedish.Today(clock);

    private string ActorName => actor.DisplayName.Length <= Limits.Name ? actor.DisplayName : actor.DisplayName[..Limits.Name];

    private static LetterFrame RequestFrame(DataSubjectRequest r, Dictionary<string, object?> fields)
    {
        // Skyddad identitet: the name only, never an address (none is kept).
        var addressee = new List<string> { r.RequesterName };
        if (!r.ProtectedIdentity && !string.IsNullOrWhiteSpace(r.PostalAddress))
        {
            addressee.AddRange(r.PostalAddress.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return new LetterFrame((string)fields["parten"]!, (string)fields["personuppgiftsansvarig"]!, (string)fields["datum"]!, r.CaseNumber, addressee, Signature(fields));
    }

    private static List<string> Signature(Dictionary<string, object?> fields) =>
        [(string)fields["handlaggare"]!, (string)fields["handlaggare_roll"]!, (string)fields["personuppgiftsansvarig"]!];

    /// <summary>The merge fields of a request letter; <see cref="LetterFields.Request"/> lists them for the editor.</summary>
    internal async Task<Dictionary<string, object?>> RequestFieldsAsync(DataSubjectRequest r, CancellationToken ct)
    {
        var party = currentParty.Required;
        var controller = await db.DataControllers.AsNoTracking().Where(c => c.Id == r.ControllerId)
            .Select(c => new { c.Name, c.Kind }).FirstOrDefaultAsync(ct);
        var officer = r.AssignedOfficerId is { } officerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == officerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var found = await db.SystemSearches.AsNoTracking().Where(s => s.RequestId == r.Id && s.Result == SystemSearchResult.DataFound)
            .Join(db.PartySystems.AsNoTracking(), s => s.SystemId, p => p.Id, (s, p) => new { p.Id, p.Name }).ToListAsync(ct);
        var hits = found.Select(h => h.Name).ToList();
        hits.Sort(StringComparer.Create(Swedish.Culture, false));

        // Art. 15(1)(a), (c), (d): from the record of processing, the activities of the systems where data was found.
        var activities = (await processing.BySystemAsync([.. found.Select(h => h.Id)], ct)).Values.SelectMany(a => a)
            .DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Create(Swedish.Culture, false)).ToList();

        var today = Today;
        var waitsForIdentity = r.ClockRule == DeadlineClockStart.IdentityConfirmed && r.IdentityConfirmedAt is null;
        var startsAt = r.ClockRule == DeadlineClockStart.IdentityConfirmed && r.IdentityConfirmedAt is not null
            ? DeadlineClockStart.IdentityConfirmed
            : DeadlineClockStart.Receipt;
        var explained = RequestDeadlines.Calculate(r.ClockStartOn, r.Calendar, startsAt);
        var decided = r.AnsweredOn ?? today;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parten"] = party.Name,
            ["personuppgiftsansvarig"] = controller?.Name ?? party.Name,
            ["myndighet"] = controller?.Kind != DataControllerKind.Bolag,
            ["diarienummer"] = r.CaseNumber,
            ["datum"] = SwedishDates.Long(today),
            ["handlaggare"] = officer ?? actor.DisplayName,
            ["handlaggare_roll"] = "Handläggare",
            ["namn"] = r.RequesterName,
            ["rattigheter"] = string.Join(", ", r.Rights.Each().Select(x => x.Swedish())),
            ["registerutdrag"] = r.Rights.HasFlag(DataSubjectRights.Access),
            ["mottagen_den"] = SwedishDates.Long(Swedish.Date(r.ReceivedAt)),
            ["sista_dag"] = SwedishDates.Long(r.DueOn),
            ["sista_dag_forlangd"] = SwedishDates.Long(r.ExtendedDueOn),
            ["sista_dag_i_kraft"] = SwedishDates.Long(r.EffectiveDueOn),
            ["fristregel"] = $"Så räknas sista dagen: {explained.Explanation}.",
            ["klockregel"] = ClockRuleWords(r.ClockRule),
            ["klockan_vantar_pa_identitet"] = waitsForIdentity,
            ["forlangning_skal"] = r.ExtensionReason ?? string.Empty,
            ["forlangning_meddelad_den"] = r.ExtensionNoticeSentOn is { } n ? SwedishDates.Long(n) : SwedishDates.Long(today),
            ["avslag_grund"] = r.RefusalGround ?? string.Empty,
            ["beslutsdatum"] = SwedishDates.Long(decided),
            ["overklagande_sista_dag"] = SwedishDates.Long(AppealPeriod.LastDay(today)),
            ["bilagor"] = hits.Select(h => $"Utdrag ur {h}").ToList(),
            ["system_med_uppgifter"] = hits,
            ["andamal"] = activities.Where(a => a.Purposes is not null).Select(a => $"{a.Name}: {a.Purposes!.ReplaceLineEndings(" ")}").ToList(),
            ["mottagare"] = activities.Where(a => a.Recipients is not null).Select(a => $"{a.Name}: {a.Recipients!.ReplaceLineEndings(" ")}").ToList(),
            ["lagringstid"] = activities.Select(a => $"{a.Name}: {a.Retention}").ToList(),
        };
    }

    /// <summary>The clock rule the case was registered with, in the letter's words (EDPB Guidelines 01/2022 §57).</summary>
    private static string ClockRuleWords(DeadlineClockStart rule) => rule == DeadlineClockStart.IdentityConfirmed
        ? "Om vi behöver be dig om uppgifter för att bekräfta din identitet räknas tiden från den dag din identitet är bekräftad (artikel 12.6 och EDPB:s riktlinjer 01/2022 om rätten till tillgång, punkt 57)."
        : "Tiden räknas från den dag vi tog emot din begäran, även om vi behöver be dig om uppgifter för att bekräfta din identitet (artikel 12.3; jämför EDPB:s riktlinjer 01/2022 om rätten till tillgång, punkt 57).";

    /// <summary>The merge fields of the Art. 34 notice; <see cref="LetterFields.Breach"/> lists them.</summary>
    internal async Task<Dictionary<string, object?>> BreachFieldsAsync(Breach b, CancellationToken ct)
    {
        var party = currentParty.Required;
        var controllers = await db.DataControllers.AsNoTracking().Where(c => b.ControllerIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(ct);
        var handler = b.HandlerId is { } handlerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == handlerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var today = Today;
        var serving = await db.DpoAllocations.AsNoTracking().ServingOn(today)
            .Join(db.DpoPersons.AsNoTracking(), a => a.PersonId, p => p.Id, (a, p) => new { a.Role, a.ControllerIds, p.Name, p.WorkEmail, p.WorkPhone })
            .ToListAsync(ct);
        var forBreach = serving.Where(a => a.Role == DpoRole.Ordinarie && a.ControllerIds.Intersect(b.ControllerIds).Any()).ToList();
        var dpos = (forBreach.Count > 0 ? forBreach : serving)
            .Select(a => string.Join(", ", new[] { a.Name, a.WorkEmail, a.WorkPhone }.Where(x => !string.IsNullOrWhiteSpace(x))))
            .Distinct().Order(StringComparer.Create(Swedish.Culture, false)).ToList();
        if (dpos.Count == 0)
        {
            dpos.Add($"Dataskyddsombudet, {party.Name} (kontaktuppgifter finns på vår webbplats)");
        }

        var kinds = Enum.GetValues<DataKinds>().Where(k => k != DataKinds.None && b.DataKinds.HasFlag(k)).Select(k => k.Swedish()).ToList();
        var measures = string.Join(" ", new[] { b.MeasuresTaken, b.MeasuresProposed }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["parten"] = party.Name,
            ["personuppgiftsansvarig"] = controllers.Count > 0 ? string.Join(", ", controllers) : party.Name,
            ["myndighet"] = true,
            ["diarienummer"] = b.CaseNumber,
            ["datum"] = SwedishDates.Long(today),
            ["handlaggare"] = handler ?? actor.DisplayName,
            ["handlaggare_roll"] = "Handläggare",
            ["incident"] = b.Title,
            ["incidentens_art"] = $"{b.Description} Typ av incident: {b.Types.SwedishList()}.",
            ["kannedom_den"] = Swedish.DateTime(b.AwareAt),
            ["uppgifter"] = kinds.Count > 0 ? string.Join(", ", kinds) + "." : "[Fyll i: vilka slags personuppgifter som berörs.]",
            ["konsekvenser"] = string.IsNullOrWhiteSpace(b.Consequences) ? "[Fyll i: de sannolika konsekvenserna för dig, med enkla ord.]" : b.Consequences,
            ["atgarder"] = measures.Length > 0 ? measures : "[Fyll i: de åtgärder vi har vidtagit och föreslår, också för att mildra följderna.]",
            ["dataskyddsombud"] = dpos,
        };
    }
}
