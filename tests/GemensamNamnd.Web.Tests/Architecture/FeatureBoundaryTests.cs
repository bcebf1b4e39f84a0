using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GemensamNamnd.Web.Features.Requests;
using NetArchTest.Rules;

namespace GemensamNamnd.Web.Tests.Architecture;

/// <summary>
/// Which feature may use which. A type in <c>Features.X</c> (and X's Razor views) may depend on another feature Y only
/// through Y's public surface: its <c>*Queries</c> classes (named queries, so Y keeps its entities to itself), its
/// records and enums (the DTOs those queries return), its <c>*Extensions</c> (wiring), and the short allow-list below.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string FeaturesNamespace = "GemensamNamnd.Web.Features";

    /// <summary>
    /// Deliberate crossings beyond the public surface: (from, to type) → why. Keep it short; a new line needs a reason.
    /// "*" as from: every feature.
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> AllowList = new()
    {
        // Reminders collect a source from every register by design; a register implements the contract.
        [("*", "Reminders.IReminderSource")] = "each register offers its reminders through the contract",
        [("*", "Reminders.ReminderContext")] = "part of the IReminderSource contract",
        [("*", "Reminders.DueReminder")] = "part of the IReminderSource contract",
        [("Reminders", "Requests.RequestReminderSource")] = "ReminderExtensions registers every register's source",
        [("Reminders", "Breaches.BreachReminderSource")] = "ReminderExtensions registers every register's source",
        [("Reminders", "Dpo.DpoReminderSource")] = "ReminderExtensions registers every register's source",
        [("Reminders", "Drills.DrillReminderSource")] = "ReminderExtensions registers every register's source",
        [("Reminders", "Maturity.MaturityReminderSource")] = "ReminderExtensions registers every register's source",
        [("Reminders", "Processing.AssessmentReminderSource")] = "ReminderExtensions registers every register's source",
        // The to-do list likewise collects a source from every register.
        [("*", "Todo.ITodoSource")] = "each register offers its part of the to-do list through the contract",
        [("Todo", "Requests.RequestTodoSource")] = "TodoExtensions registers every register's source",
        [("Todo", "Breaches.BreachTodoSource")] = "TodoExtensions registers every register's source",
        [("Todo", "Dpo.DpoTodoSource")] = "TodoExtensions registers every register's source",
        [("Todo", "Drills.DrillTodoSource")] = "TodoExtensions registers every register's source",
        [("Todo", "Maturity.MaturityTodoSource")] = "TodoExtensions registers every register's source",
        [("Todo", "Processing.ProcessingTodoSource")] = "TodoExtensions registers every register's source",
        [("Todo", "Processors.ProcessorTodoSource")] = "TodoExtensions registers every register's source",
        [("Start", "Todo.TodoList")] = "a party's start page shows its part of the user's to-do list",
        [("Start", "Requests.RequestViewers")] = "the start page's request figures count the cases the user may open",
        [("Reminders", "Outbox.OutboxMessage")] = "reminders are written to the outbox in the ledger's transaction",
        [("Reminders", "Outbox.MailOptions")] = "the sender and link base of reminder mails",
        [("Requests", "Outbox.OutboxMessage")] = "the mail to an officer assigned a case is written in the assignment's save",
        [("Requests", "Outbox.MailOptions")] = "the sender and link base of the assignment mail",
        [("Administration", "Outbox.OutboxMessage")] = "the invitation mail is written in the invitation's save",
        [("Administration", "Outbox.MailOptions")] = "the sender and link base of the invitation mail",
        [("Reminders", "Dpo.DpoPerson")] = "the party's serving DPOs are recipients",
        [("Reminders", "Dpo.DpoAllocation")] = "the party's serving DPOs are recipients",
        [("Breaches", "Dpo.DpoPerson")] = "the report to IMY names the serving DPO",
        [("Breaches", "Dpo.DpoAllocation")] = "the report to IMY names the serving DPO",
        // The party's controllers and systems, and case numbers, are shared registers every case refers to.
        [("*", "Controllers.DataController")] = "a case belongs to one of the party's controllers",
        [("*", "CaseNumbers.CaseNumberAllocator")] = "one case-number series per party for every register",
        [("Requests", "Systems.PartySystem")] = "the systems searched for a request are the party's systems",
        [("Start", "Drills.LastDrill")] = "the start page warns when no drill was held",
        [("Record", "Retention.RetentionPlan")] = "the record of processing states the retention rules in force",
        [("Maturity", "Dpo.DpoMatrix")] = "the comparison's DPO indicators are the DPO matrix's",
        [("Maturity", "Dpo.DpoWords")] = "the committee pages name DPO roles in Swedish",
        [("Administration", "Retention.RetentionOptions")] = "the party form shows the shortest retention period allowed",
        // The one access rule for skyddad identitet (README: one way to do each thing) is the request register's.
        [("PersonSearch", "Requests.RequestViewers")] = "person search shows a protected case only to whom the rule lets open it",
        [("PersonSearch", "Requests.RequestViewer")] = "person search shows a protected case only to whom the rule lets open it",
        // The log names the case each row concerns (its number and link), and shows a case's own history only to whom may open it.
        [("Audit", "Requests.DataSubjectRequest")] = "the log names the request a row concerns by its case number",
        [("Audit", "Breaches.Breach")] = "the log names the breach a row concerns by its case number",
        [("Audit", "Requests.RequestViewers")] = "a case's history is shown only to whom the rule lets open the case",
        [("Audit", "Requests.RequestViewer")] = "a case's history is shown only to whom the rule lets open the case",
        // Retention's job is to thin and delete the registers' cases: the fields are RetentionRun.ThinnedFields,
        // held equal to [PersonalData] by RetentionFieldsTests. Reads go through RequestQueries/BreachQueries.
        [("Retention", "Requests.DataSubjectRequest")] = "RetentionRun thins and deletes requests",
        [("Retention", "Requests.RequestEvent")] = "RetentionRun thins the timeline's texts",
        [("Retention", "Requests.SystemSearch")] = "RetentionRun thins the notes of the searched systems",
        [("Retention", "Requests.RequestRecipient")] = "RetentionRun thins the notes on the recipients told (Art. 19)",
        [("Retention", "Breaches.Breach")] = "RetentionRun thins and deletes breaches",
        [("Retention", "Breaches.BreachSupplement")] = "RetentionRun thins the supplements' texts",
        [("Retention", "Breaches.BreachEvent")] = "RetentionRun thins the timeline's texts",
        // Letters (issue 18) are written from the case itself and recorded on its timeline.
        [("Letters", "Requests.DataSubjectRequest")] = "a letter is filled from the request, and the extension notice records its date on it",
        [("Letters", "Requests.RequestEvent")] = "producing a letter is recorded on the request's timeline",
        [("Letters", "Requests.RequestViewers")] = "a letter is produced only from a case the user may open (skyddad identitet)",
        [("Letters", "Requests.RequestViewer")] = "a letter is produced only from a case the user may open (skyddad identitet)",
        [("Letters", "Breaches.Breach")] = "the Art. 34 notice is filled from the breach",
        [("Letters", "Breaches.BreachEvent")] = "producing the Art. 34 notice is recorded on the breach's timeline",
        [("Letters", "Dpo.DpoPerson")] = "the Art. 34 notice names the serving DPO",
        [("Letters", "Dpo.DpoAllocation")] = "the Art. 34 notice names the serving DPO",
        [("Letters", "Requests.SystemSearch")] = "the answer's enclosures are the systems searched with a hit",
        [("Letters", "Systems.PartySystem")] = "the answer's enclosures are named by the party's systems",
        // The record of processing (issue 21) names the systems that carry an activity and the suppliers that process in it,
        // and hands IMY its PDF through the letters' one PDF writer.
        [("Processing", "Systems.PartySystem")] = "an activity is carried by the party's systems (and their suppliers)",
        [("Systems", "Suppliers.Supplier")] = "a system names the supplier that runs it (PartySystem.SupplierId, a foreign key)",
        [("Processing", "Suppliers.Supplier")] = "the processors of an activity are the committee's suppliers",
        // The annual report counts the controller's impact assessments; a supplier incident suggests the parties that
        // have an agreement with the supplier or name it as processor of an activity (issues 20 and 21).
        [("Processors", "Processing.ImpactAssessment")] = "the annual report counts the impact assessments decided in the year",
        [("Processors", "Processing.ProcessingActivity")] = "the annual report counts the assessments of the controller's activities",
        [("SupplierIncidents", "Processors.ProcessorAgreement")] = "the affected parties are suggested from the processors register",
        [("SupplierIncidents", "Processing.ProcessingActivity")] = "the affected parties are suggested from the record of processing",
        // A supplier incident (issue 20) fans out into a draft breach in each affected party's register and pushes the
        // supplier's updates onto them: it is the breach register's committee-level front, through its one save.
        [("SupplierIncidents", "Suppliers.Supplier")] = "a supplier incident names the committee's supplier",
        [("SupplierIncidents", "Breaches.Breach")] = "each affected party gets a draft breach; progress is read as status only",
        [("SupplierIncidents", "Breaches.AffectedGroup")] = "the draft breach starts with an unknown group of data subjects",
        [("SupplierIncidents", "Breaches.SaveBreach")] = "the drafts and the supplier's updates go through the breach register's one save",
        [("SupplierIncidents", "Breaches.BreachWords")] = "each party's progress is shown in the breach register's words",
        [("Processors", "Systems.PartySystem")] = "the processors in use are the suppliers of the party's active systems",
        [("Reminders", "Processors.ProcessorReminderSource")] = "ReminderExtensions registers every register's source",
        [("Breaches", "Suppliers.Supplier")] = "a breach names the processor involved (issue 20)",
        [("Processors", "Suppliers.Supplier")] = "an agreement is with one of the committee's suppliers",
        [("Processors", "Breaches.Breach")] = "the annual report counts the controller's breaches",
        [("Processors", "Dpo.DpoAllocation")] = "the annual report sets the allocation share against the workload",
        [("Processors", "Requests.DataSubjectRequest")] = "the annual report counts the controller's requests",
        [("Processors", "Letters.PdfLetterWriter")] = "the annual report's PDF is written by the one PDF writer (PDF/A)",
        [("Processors", "Letters.DocxLetterWriter")] = "the annual report's Word file is written by the one DOCX writer",
        [("Processors", "Letters.LetterKinds")] = "the annual report is a document of the letters' model",
        [("Processing", "Letters.PdfLetterWriter")] = "the record's PDF for IMY is written by the one PDF writer (PDF/A)",
        // Documents hang on a request or a breach: the case must be the party's and open to the user (skyddad identitet).
        [("Documents", "Requests.DataSubjectRequest")] = "a request's documents are shown only to whom the rule lets open the case",
        [("Documents", "Requests.RequestViewers")] = "a request's documents are shown only to whom the rule lets open the case",
        [("Documents", "Breaches.Breach")] = "a breach's documents belong to a breach of the party",
        // The one command that adds a document to a case (letters store theirs through it) and removes them with the case.
        [("*", "Documents.CaseDocuments")] = "a file is stored on a case through the one document command, with its checks",
        [("Retention", "Documents.CaseDocument")] = "RetentionRun names the documents' personal fields (removed with the case)",
    };

    [Fact]
    public void Features_UseOtherFeaturesOnlyThroughTheirPublicSurface()
    {
        var violations = Violations(typeof(DataSubjectRequest).Assembly, FeaturesNamespace, includeViews: true);

        Assert.True(violations.Count == 0,
            "Features reach into other features past their public surface (*Queries, records, enums, *Extensions, the allow-list):\n"
            + string.Join('\n', violations));
    }

    [Fact]
    public void TheRule_FailsOnAPlantedViolation()
    {
        // A fixture "Maturity" type in this test assembly reads the Requests entity directly; the rule must name it.
        var violations = Violations(typeof(FeatureBoundaryTests).Assembly, PlantedFeatures.Namespace, includeViews: false);

        Assert.Contains(violations, v => v.Contains(typeof(Planted.Features.Maturity.ReadsRequestsDirectly).FullName!, StringComparison.Ordinal)
            && v.Contains("Requests.DataSubjectRequest", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(nameof(Planted.Features.Maturity.UsesRequestQueries), StringComparison.Ordinal));
    }

    /// <summary>Every dependency from a type of one feature on a non-surface type of another, as "from → to".</summary>
    private static List<string> Violations(Assembly fromAssembly, string fromRoot, bool includeViews)
    {
        var web = typeof(DataSubjectRequest).Assembly;
        var features = FeatureTypes(web);
        var types = Types.InAssembly(fromAssembly);
        var violations = new List<string>();
        foreach (var from in features.Keys)
        {
            foreach (var (to, members) in features)
            {
                if (to == from)
                {
                    continue;
                }

                var forbidden = members.Where(t => !IsSurface(t) && !Allowed(from, to, t)).Select(CecilName).ToArray();
                if (forbidden.Length == 0)
                {
                    continue;
                }

                var failing = new List<string>();
                failing.AddRange(types.That().ResideInNamespaceMatching($"^{Regex.Escape(fromRoot + "." + from)}$")
                    .And().HaveDependencyOnAny(forbidden).GetTypes().Select(t => t.FullName!));
                if (includeViews)
                {
                    // Razor views compile to AspNetCoreGeneratedDocument.Features_X_Page.
                    failing.AddRange(types.That().ResideInNamespace("AspNetCoreGeneratedDocument")
                        .And().HaveNameStartingWith($"Features_{from}_").And().HaveDependencyOnAny(forbidden)
                        .GetTypes().Select(t => t.FullName!));
                }

                foreach (var type in failing.Distinct())
                {
                    var named = forbidden.Where(f => Mentions(types, type, f)).DefaultIfEmpty(FeaturesNamespace + "." + to + ".*");
                    violations.Add($"{type} → {string.Join(", ", named.Select(n => n[(FeaturesNamespace.Length + 1)..]))}");
                }
            }
        }

        return violations;
    }

    private static Dictionary<string, List<Type>> FeatureTypes(Assembly web) =>
        web.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal))
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(t => t.Namespace![(FeaturesNamespace.Length + 1)..].Split('.')[0])
            .ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>A feature's public surface: named queries, wiring, and the plain data they hand out.</summary>
    private static bool IsSurface(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }

        return outer.Name.EndsWith("Queries", StringComparison.Ordinal)
            || outer.Name.EndsWith("Extensions", StringComparison.Ordinal)
            || type.IsEnum
            || IsRecord(type);
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static bool Allowed(string from, string to, Type type)
    {
        var name = $"{to}.{type.Name}";
        return AllowList.ContainsKey((from, name)) || AllowList.ContainsKey(("*", name));
    }

    private static string CecilName(Type type) => type.FullName!.Replace('+', '/');

    /// <summary>Whether one type (by its full name) depends on another (for the message only).</summary>
    private static bool Mentions(Types types, string typeFullName, string cecilName)
    {
        var cut = typeFullName.LastIndexOfAny(['.', '/']);
        var slash = typeFullName.IndexOf('/', StringComparison.Ordinal);
        var ns = typeFullName[..(slash >= 0 ? typeFullName.LastIndexOf('.', slash) : cut)];
        var name = typeFullName[(cut + 1)..];
        return types.That().ResideInNamespaceMatching($"^{Regex.Escape(ns)}$").And().HaveNameMatching($"^{Regex.Escape(name)}$")
            .And().HaveDependencyOnAny(cecilName).GetTypes().Any();
    }
}

/// <summary>Fixture types for <see cref="FeatureBoundaryTests.TheRule_FailsOnAPlantedViolation"/>.</summary>
internal static class PlantedFeatures
{
    public const string Namespace = "GemensamNamnd.Web.Tests.Architecture.Planted.Features";
}
