using System.Linq.Expressions;
using System.Reflection;
using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Features.Controllers;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GemensamNamnd.Web.Data;

/// <summary>
/// The one DbContext. Party-owned entities are scoped by the named query filter <see cref="PartyFilter"/>,
/// which reads <see cref="CurrentPartyId"/> from this instance at query time (not a value captured when the
/// model was built), so a pooled instance serves whichever party its current lease belongs to.
/// Provider-specific subclasses exist only to keep one migration set per provider.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string PartyFilter = "Party";

    private CurrentParty? _party;
    private CurrentActor? _actor;

    /// <summary>The party this instance is leased to; null means no party rows are visible.</summary>
    public Guid? CurrentPartyId => _party?.PartyId;

    internal CurrentActor? Actor => _actor;

    /// <summary>True only for the explicit cross-party path (<see cref="CrossParty"/>): read-only, no party filter.</summary>
    internal bool IsCrossParty { get; private set; }

    /// <summary>A save of this lease changed a party, user or membership (<see cref="DirectoryChangeInterceptor"/>).</summary>
    internal DirectoryChange DirectoryChange { get; set; }

    public DbSet<Party> Parties => Set<Party>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DataController> DataControllers => Set<DataController>();
    public DbSet<Features.Requests.DataSubjectRequest> Requests => Set<Features.Requests.DataSubjectRequest>();
    public DbSet<Features.Requests.RequestEvent> RequestEvents => Set<Features.Requests.RequestEvent>();
    public DbSet<Features.Requests.SystemSearch> SystemSearches => Set<Features.Requests.SystemSearch>();
    public DbSet<Features.Requests.RequestRecipient> RequestRecipients => Set<Features.Requests.RequestRecipient>();
    public DbSet<Features.Systems.PartySystem> PartySystems => Set<Features.Systems.PartySystem>();
    public DbSet<Features.Suppliers.Supplier> Suppliers => Set<Features.Suppliers.Supplier>();
    public DbSet<Features.Dpo.DpoPerson> DpoPersons => Set<Features.Dpo.DpoPerson>();
    public DbSet<Features.Dpo.DpoAllocation> DpoAllocations => Set<Features.Dpo.DpoAllocation>();
    public DbSet<Features.Dpo.DpoRules> DpoRules => Set<Features.Dpo.DpoRules>();
    public DbSet<Features.Breaches.Breach> Breaches => Set<Features.Breaches.Breach>();
    public DbSet<Features.Breaches.BreachEvent> BreachEvents => Set<Features.Breaches.BreachEvent>();
    public DbSet<Features.Breaches.BreachSupplement> BreachSupplements => Set<Features.Breaches.BreachSupplement>();
    public DbSet<Features.Drills.Drill> Drills => Set<Features.Drills.Drill>();
    public DbSet<Features.Processors.ProcessorAgreement> ProcessorAgreements => Set<Features.Processors.ProcessorAgreement>();
    public DbSet<Features.Processors.DpoConsultation> DpoConsultations => Set<Features.Processors.DpoConsultation>();
    public DbSet<Features.Maturity.MaturityRound> MaturityRounds => Set<Features.Maturity.MaturityRound>();
    public DbSet<Features.Maturity.MaturityAnswer> MaturityAnswers => Set<Features.Maturity.MaturityAnswer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();
    public DbSet<Infrastructure.FormSubmission> FormSubmissions => Set<Infrastructure.FormSubmission>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Outbox.OutboxMessage> OutboxMessages => Set<Features.Outbox.OutboxMessage>();
    public DbSet<Features.Reminders.SentReminder> SentReminders => Set<Features.Reminders.SentReminder>();
    public DbSet<Features.Retention.RetentionHold> RetentionHolds => Set<Features.Retention.RetentionHold>();
    public DbSet<Features.Retention.RetentionLogEntry> RetentionLog => Set<Features.Retention.RetentionLogEntry>();
    public DbSet<Features.SavedFilters.SavedFilter> SavedFilters => Set<Features.SavedFilters.SavedFilter>();
    public DbSet<Features.Letters.LetterTemplate> LetterTemplates => Set<Features.Letters.LetterTemplate>();
    public DbSet<Features.Documents.CaseDocument> CaseDocuments => Set<Features.Documents.CaseDocument>();
    public DbSet<Features.Processing.ProcessingActivity> ProcessingActivities => Set<Features.Processing.ProcessingActivity>();
    public DbSet<Features.Processing.ImpactAssessment> ImpactAssessments => Set<Features.Processing.ImpactAssessment>();

    /// <summary>Binds a (possibly pooled) instance to the scope's party and actor. Called on every lease.</summary>
    internal void Lease(CurrentParty currentParty, CurrentActor actor)
    {
        _party = currentParty;
        _actor = actor;
        IsCrossParty = false;
        DirectoryChange = DirectoryChange.None;
    }

    internal void LeaseCrossParty(CurrentActor actor)
    {
        _party = null;
        _actor = actor;
        IsCrossParty = true;
        DirectoryChange = DirectoryChange.None;
        ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace?.StartsWith("GemensamNamnd.Web", StringComparison.Ordinal) == true && !t.IsAbstract);

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IPartyOwned).IsAssignableFrom(e.ClrType)))
        {
            ApplyPartyFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [modelBuilder]);
        }

        modelBuilder.Entity<AuditEntry>().HasQueryFilter(PartyFilter, a => a.PartyId == CurrentPartyId);

        SnakeCaseNames.Apply(modelBuilder);
    }

    private static readonly MethodInfo ApplyPartyFilterMethod =
        typeof(AppDbContext).GetMethod(nameof(ApplyPartyFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyPartyFilter<T>(ModelBuilder modelBuilder)
        where T : class, IPartyOwned
    {
        // `this` in the lambda makes EF read CurrentPartyId from the executing instance at query time.
        Expression<Func<T, bool>> filter = e => e.PartyId == CurrentPartyId;
        modelBuilder.Entity<T>().HasQueryFilter(PartyFilter, filter);
    }
}
