using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using GemensamNamnd.Domain.Breaches;
using GemensamNamnd.Domain.Dpo;
using GemensamNamnd.Domain.Requests;
using GemensamNamnd.Domain.Retention;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Features.Breaches;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Features.Dpo;
using GemensamNamnd.Web.Features.Drills;
using GemensamNamnd.Web.Features.Maturity;
using GemensamNamnd.Web.Features.Retention;
using GemensamNamnd.Web.Features.Systems;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using GemensamNamnd.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GemensamNamnd.Web.Tests.Parties;

/// <summary>The kinds of record an id in a route, a form or a request body names.</summary>
public enum RecordKind
{
    Controller,
    Request,
    Breach,
    DpoAllocation,
    DpoPerson,
    Drill,
    System,
    RetentionHold,
    SavedFilter,
    Document,
    MaturityRound,
    Party,
    User,
    Membership,
    Supplier,
    SupplierIncident,
    ProcessingActivity,
    ImpactAssessment,
    ProcessorAgreement,
    DpoConsultation,
    Recipient,
}

/// <summary>
/// One record of every kind that belongs to another party (B), each with a distinctive text, so that an isolation test can
/// put a real id of the right kind into every route and form, and see whether anything of B comes back or changes.
/// Written through the DbContext under B's scope (global rows — DPO person, user, round — without one), once per database.
/// </summary>
public sealed class OtherPartyRecords
{
    /// <summary>
    /// Distinctive texts of B's records: none may appear in an answer to a user of another party (ASCII, so no HTML or JSON
    /// escaping hides them). Not the DPO person's name: every party administrator chooses among all active persons by
    /// name when adding an allocation (ADR-005); the person's contact details and allocations stay B's.
    /// </summary>
    public static readonly string[] Secrets =
    [
        ControllerName, RequesterName, RequesterEmail, RequestCaseNumber, BreachTitle, BreachCaseNumber, PersonEmail, AllocationReportsTo,
        DrillScenario, SystemName, HoldReason, UserName, UserEmail, SavedFilterName, DocumentFileName, ActivityName, AssessmentDescription,
        AgreementNote, ConsultationSubject, RecipientName,
    ];

    private const string ControllerName = "Hemliga namnden Berg 7Q";
    private const string RequesterName = "Hemlig Bergsbo 7Q";
    private const string RequesterEmail = "hemlig-bergsbo-7q@berg.example";
    private const string RequestCaseNumber = "HEMLIG-BERG 2026/7001";
    private const string BreachTitle = "Hemlig incident i Berg 7Q";
    private const string BreachCaseNumber = "HEMLIG-BERG 2026/7002";
    private const string PersonName = "Hemlig Ombudsdotter 7Q";
    private const string PersonEmail = "hemlig-ombud-7q@berg.example";
    private const string AllocationReportsTo = "Hemliga styrelsen Berg 7Q";
    private const string DrillScenario = "Hemlig ovning i Berg 7Q";
    private const string AgreementNote = "Hemligt avtal Berg 7Q";
    private const string ConsultationSubject = "Hemlig radfraga Berg 7Q";

    /// <summary>A committee-wide supplier (not a secret: every party sees the list), named by B's agreement.</summary>
    private const string SupplierName = "Leverantoren for isolationsprov 7Q";
    private const string SystemName = "Hemligt system Berg 7Q";
    private const string HoldReason = "Hemligt skal Berg 7Q";
    private const string SavedFilterName = "Hemligt filter Berg 7Q";
    private const string DocumentFileName = "Hemlig handling Berg 7Q.pdf";
    private const string ActivityName = "Hemlig behandling Berg 7Q";
    private const string AssessmentDescription = "Hemlig konsekvensbedomning Berg 7Q";
    private const string RecipientName = "Hemlig mottagare Berg 7Q";
    private const string UserName = "Hemlig Bergsanvandare 7Q";
    private const string UserEmail = "hemlig-anvandare-7q@berg.example";

    /// <summary>A regional round (rounds belong to no party) that stays a draft: nobody may answer it.</summary>
    private const int RoundYear = 2093;

    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    private OtherPartyRecords(Guid partyId, Dictionary<RecordKind, Guid> ids)
    {
        PartyId = partyId;
        Ids = ids;
    }

    public Guid PartyId { get; }

    /// <summary>B's record of each kind.</summary>
    public IReadOnlyDictionary<RecordKind, Guid> Ids { get; }

    public Guid this[RecordKind kind] => Ids[kind];

    /// <summary>Finds B's records, or writes them the first time.</summary>
    public static async Task<OtherPartyRecords> EnsureAsync(AppFactory app, string slug)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var party = await db.Parties.AsNoTracking().SingleAsync(p => p.Slug == slug);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;

        // Global rows: a DPO person employed by B, a user with a role in B only, a draft round.
        var person = await db.DpoPersons.FirstOrDefaultAsync(p => p.Name == PersonName);
        if (person is null)
        {
            person = new DpoPerson { Name = PersonName, WorkEmail = PersonEmail, EmployingPartyId = party.Id };
            db.DpoPersons.Add(person);
        }

        // One such user per party the records are made for (the bad-input corpus uses another party than the isolation tests).
        var user = await db.Users.Include(u => u.Memberships).FirstOrDefaultAsync(u => u.DisplayName == UserName && u.Memberships.Any(m => m.PartyId == party.Id));
        if (user is null)
        {
            user = new AppUser
            {
                EntraTenantId = GemensamNamnd.Web.Data.Seed.DemoSeed.DemoTenantId(slug),
                EntraObjectId = Guid.Parse("5e1f2a3b-0000-4000-8000-0000000b3e79"),
                DisplayName = UserName,
                Email = UserEmail,
                Memberships = [new Membership { PartyId = party.Id, Role = PartyRole.Handlaggare }],
            };
            db.Users.Add(user);
        }

        var supplier = await db.Suppliers.FirstOrDefaultAsync(x => x.Name == SupplierName);
        if (supplier is null)
        {
            supplier = new GemensamNamnd.Web.Features.Suppliers.Supplier { Name = SupplierName, Country = "SE" };
            db.Suppliers.Add(supplier);
        }

        var round = await db.MaturityRounds.FirstOrDefaultAsync(r => r.Year == RoundYear);
        if (round is null)
        {
            round = MaturityRound.Draft(RoundYear, today.AddDays(60));
            db.MaturityRounds.Add(round);
        }

        // Committee-level rows: a supplier incident naming party B (no personal data, status-only reads).
        var supplierIncident = await db.Set<Web.Features.SupplierIncidents.SupplierIncident>().FirstOrDefaultAsync(x => x.Title == "Isoleringsincident hos leverantören");
        if (supplierIncident is null)
        {
            supplierIncident = new Web.Features.SupplierIncidents.SupplierIncident
            {
                SupplierId = supplier.Id,
                Title = "Isoleringsincident hos leverantören",
                Description = "Prov.",
                SupplierAwareAt = DateTimeOffset.UtcNow.AddDays(-1),
                RecordedAt = DateTimeOffset.UtcNow,
                RecordedBy = "Test",
                PartyIds = [party.Id],
            };
            db.Add(supplierIncident);
        }

        await db.SaveChangesAsync();

        var ids = await app.InParty(slug, async pdb =>
        {
            var controller = await pdb.DataControllers.FirstOrDefaultAsync(c => c.Name == ControllerName);
            if (controller is null)
            {
                controller = new DataController { Name = ControllerName, Kind = DataControllerKind.Namnd };
                pdb.DataControllers.Add(controller);
            }

            var request = await pdb.Requests.FirstOrDefaultAsync(r => r.CaseNumber == RequestCaseNumber);
            if (request is null)
            {
                request = new()
                {
                    CaseNumber = RequestCaseNumber,
                    RequesterName = RequesterName,
                    ControllerId = controller.Id,
                    ReceivedAt = now.AddDays(-3),
                    Channel = RequestChannel.Letter,
                    Rights = DataSubjectRights.Access,
                    Email = RequesterEmail,
                    AssignedOfficerId = user.Id,
                    ClockStartOn = today.AddDays(-3),
                    DueOn = today.AddDays(27),
                    ExtendedDueOn = today.AddDays(88),
                    EffectiveDueOn = today.AddDays(27),
                };
                pdb.Requests.Add(request);
            }

            var breach = await pdb.Breaches.FirstOrDefaultAsync(b => b.CaseNumber == BreachCaseNumber);
            if (breach is null)
            {
                breach = new Breach
                {
                    CaseNumber = BreachCaseNumber,
                    Title = BreachTitle,
                    Description = "Ett brev med hemliga uppgifter i Berg.",
                    ControllerIds = [controller.Id],
                    AwareAt = now.AddHours(-2),
                    DiscoveredAt = now.AddHours(-3),
                    ImyDeadlineAt = now.AddHours(70),
                    Types = BreachTypes.Confidentiality,
                    Cause = BreachCause.MisdirectedMail,
                    DataKinds = DataKinds.Identification,
                    Groups = [new AffectedGroup { Group = SubjectGroup.Residents, ApproxCount = 3 }],
                };
                pdb.Breaches.Add(breach);
            }

            var allocation = await pdb.DpoAllocations.FirstOrDefaultAsync(a => a.ReportsTo == AllocationReportsTo);
            if (allocation is null)
            {
                allocation = new DpoAllocation
                {
                    PersonId = person.Id,
                    Role = DpoRole.Ordinarie,
                    ControllerIds = [controller.Id],
                    SharePercent = 10,
                    StartsOn = today.AddDays(-30),
                    ReportsTo = AllocationReportsTo,
                };
                pdb.DpoAllocations.Add(allocation);
            }

            var drill = await pdb.Drills.FirstOrDefaultAsync(d => d.Scenario == DrillScenario);
            if (drill is null)
            {
                drill = new Drill { HeldOn = today.AddDays(-40), Scenario = DrillScenario, Participants = "Kansliet i Berg" };
                pdb.Drills.Add(drill);
            }

            var system = await pdb.PartySystems.FirstOrDefaultAsync(s => s.Name == SystemName);
            if (system is null)
            {
                system = new PartySystem { Name = SystemName, Description = "Hemligt register" };
                pdb.PartySystems.Add(system);
            }

            var hold = await pdb.RetentionHolds.FirstOrDefaultAsync(h => h.Reason == HoldReason);
            if (hold is null)
            {
                hold = new RetentionHold
                {
                    Register = RetentionRegister.Requests,
                    CaseId = request.Id,
                    CaseNumber = RequestCaseNumber,
                    Reason = HoldReason,
                    PlacedBy = UserName,
                    PlacedAt = now,
                };
                pdb.RetentionHolds.Add(hold);
            }

            var filter = await pdb.SavedFilters.FirstOrDefaultAsync(f => f.Name == SavedFilterName);
            if (filter is null)
            {
                filter = new GemensamNamnd.Web.Features.SavedFilters.SavedFilter
                {
                    UserId = user.Id,
                    List = GemensamNamnd.Web.Features.SavedFilters.SavedFilterQueries.Requests,
                    Name = SavedFilterName,
                    Query = "status=alla",
                    CreatedAt = now,
                };
                pdb.SavedFilters.Add(filter);
            }

            var document = await pdb.CaseDocuments.FirstOrDefaultAsync(d => d.CaseId == request.Id);
            if (document is null)
            {
                document = new GemensamNamnd.Web.Features.Documents.CaseDocument
                {
                    CaseKind = GemensamNamnd.Web.Features.Documents.CaseKind.Request,
                    CaseId = request.Id,
                    FileName = DocumentFileName,
                    ContentType = "application/pdf",
                    Size = 9,
                    Sha256 = new string('0', 64),
                    UploadedBy = UserName,
                    UploadedAt = now,
                    StorageKey = $"{party.Id:D}/{Guid.NewGuid():D}",
                };
                pdb.CaseDocuments.Add(document);
            }

            var activity = await pdb.ProcessingActivities.FirstOrDefaultAsync(a => a.Name == ActivityName);
            if (activity is null)
            {
                activity = new GemensamNamnd.Web.Features.Processing.ProcessingActivity
                {
                    ControllerId = controller.Id,
                    Name = ActivityName,
                    Purposes = ActivityName,
                    LegalBasis = GemensamNamnd.Domain.Processing.LegalBasis.PublicTask,
                    RetentionRule = "Bevaras",
                    SystemIds = [system.Id],
                };
                pdb.ProcessingActivities.Add(activity);
            }

            var assessment = await pdb.ImpactAssessments.FirstOrDefaultAsync(a => a.Description == AssessmentDescription);
            if (assessment is null)
            {
                assessment = new GemensamNamnd.Web.Features.Processing.ImpactAssessment { ActivityId = activity.Id, Description = AssessmentDescription };
                pdb.ImpactAssessments.Add(assessment);
            }

            var agreement = await pdb.ProcessorAgreements.FirstOrDefaultAsync(a => a.StandardNote == AgreementNote);
            if (agreement is null)
            {
                agreement = new GemensamNamnd.Web.Features.Processors.ProcessorAgreement
                {
                    SupplierId = supplier.Id,
                    ControllerIds = [controller.Id],
                    ValidFrom = today.AddYears(-1),
                    Standard = GemensamNamnd.Web.Features.Processors.AgreementStandard.Other,
                    StandardNote = AgreementNote,
                };
                pdb.ProcessorAgreements.Add(agreement);
            }

            var consultation = await pdb.DpoConsultations.FirstOrDefaultAsync(c => c.Subject == ConsultationSubject);
            if (consultation is null)
            {
                consultation = new GemensamNamnd.Web.Features.Processors.DpoConsultation { ControllerId = controller.Id, AskedOn = today.AddDays(-3), Subject = ConsultationSubject };
                pdb.DpoConsultations.Add(consultation);
            }

            var recipient = await pdb.RequestRecipients.FirstOrDefaultAsync(x => x.Name == RecipientName);
            if (recipient is null)
            {
                recipient = new GemensamNamnd.Web.Features.Requests.RequestRecipient
                {
                    RequestId = request.Id,
                    Name = RecipientName,
                    RecordedAt = now,
                    RecordedBy = UserName,
                };
                pdb.RequestRecipients.Add(recipient);
            }

            await pdb.SaveChangesAsync();
            return new Dictionary<RecordKind, Guid>
            {
                [RecordKind.ProcessingActivity] = activity.Id,
                [RecordKind.ImpactAssessment] = assessment.Id,
                [RecordKind.ProcessorAgreement] = agreement.Id,
                [RecordKind.DpoConsultation] = consultation.Id,
                [RecordKind.Recipient] = recipient.Id,
                [RecordKind.Document] = document.Id,
                [RecordKind.SavedFilter] = filter.Id,
                [RecordKind.Controller] = controller.Id,
                [RecordKind.Request] = request.Id,
                [RecordKind.Breach] = breach.Id,
                [RecordKind.DpoAllocation] = allocation.Id,
                [RecordKind.Drill] = drill.Id,
                [RecordKind.System] = system.Id,
                [RecordKind.RetentionHold] = hold.Id,
            };
        });
        ids[RecordKind.DpoPerson] = person.Id;
        ids[RecordKind.User] = user.Id;
        ids[RecordKind.Membership] = user.Memberships.First(m => m.PartyId == party.Id).Id;
        ids[RecordKind.MaturityRound] = round.Id;
        ids[RecordKind.Supplier] = supplier.Id;
        ids[RecordKind.Party] = party.Id;
        ids[RecordKind.SupplierIncident] = supplierIncident.Id;
        return new OtherPartyRecords(party.Id, ids);
    }

    /// <summary>The version a change of the record would carry (so a missing party check would let the change through).</summary>
    public async Task<Guid?> VersionAsync(AppFactory app, string slug, RecordKind kind)
    {
        var id = Ids[kind];
        return await app.InParty<Guid?>(slug, async db => kind switch
        {
            RecordKind.Controller => await db.DataControllers.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.Request => await db.Requests.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.Breach => await db.Breaches.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.DpoAllocation => await db.DpoAllocations.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.Drill => await db.Drills.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.ProcessorAgreement => await db.ProcessorAgreements.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.DpoConsultation => await db.DpoConsultations.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.DpoPerson => await db.DpoPersons.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.MaturityRound => await db.MaturityRounds.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.ProcessingActivity => await db.ProcessingActivities.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            RecordKind.ImpactAssessment => await db.ImpactAssessments.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(),
            _ => null,
        });
    }

    /// <summary>
    /// What a party holds: the row count of every party-owned table as the party sees it (row-level security and the query
    /// filters in force), and for B also its seeded records and its global rows in full. Equal before and after = nothing stored.
    /// </summary>
    public async Task<string> SnapshotAsync(AppFactory app, string slug, bool withRecords = true)
    {
        var parts = new List<string>();
        parts.AddRange(await app.InParty(slug, async db =>
        {
            var counts = new List<string>();
            foreach (var type in db.Model.GetEntityTypes()
                         .Where(t => !t.IsOwned() && !t.HasSharedClrType && t.FindPrimaryKey() is not null && typeof(IPartyOwned).IsAssignableFrom(t.ClrType))
                         .Select(t => t.ClrType).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var count = await (Task<int>)CountMethod.MakeGenericMethod(type).Invoke(null, [db])!;
                counts.Add($"{type.Name}: {count}");
            }

            if (withRecords)
            {
                counts.Add(Serialize(await db.DataControllers.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.Controller])));
                counts.Add(Serialize(await db.Requests.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.Request])));
                counts.Add(Serialize(await db.Breaches.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.Breach])));
                counts.Add(Serialize(await db.DpoAllocations.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.DpoAllocation])));
                counts.Add(Serialize(await db.Drills.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.Drill])));
                counts.Add(Serialize(await db.ProcessorAgreements.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.ProcessorAgreement])));
                counts.Add(Serialize(await db.DpoConsultations.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.DpoConsultation])));
                counts.Add(Serialize(await db.PartySystems.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.System])));
                counts.Add(Serialize(await db.RetentionHolds.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.RetentionHold])));
                counts.Add(Serialize(await db.SavedFilters.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.SavedFilter])));
                counts.Add(Serialize(await db.CaseDocuments.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.Document])));
                counts.Add(Serialize(await db.ProcessingActivities.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.ProcessingActivity])));
                counts.Add(Serialize(await db.ImpactAssessments.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.ImpactAssessment])));
            }

            return counts;
        }));
        if (withRecords)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            parts.Add(Serialize(await db.Parties.AsNoTracking().SingleAsync(x => x.Id == PartyId)));
            parts.Add(Serialize(await db.DpoPersons.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.DpoPerson])));
            parts.Add(Serialize(await db.Users.AsNoTracking().Include(u => u.Memberships).SingleAsync(x => x.Id == Ids[RecordKind.User])));
            parts.Add(Serialize(await db.MaturityRounds.AsNoTracking().SingleAsync(x => x.Id == Ids[RecordKind.MaturityRound])));
        }

        return string.Join(Environment.NewLine, parts);
    }

    private static readonly MethodInfo CountMethod = typeof(OtherPartyRecords).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<int> CountAsync<T>(AppDbContext db)
        where T : class => db.Set<T>().CountAsync();

    private static string Serialize(object value) => value.GetType().Name + " " + JsonSerializer.Serialize(value, value.GetType(), Json);
}
