using GemensamNamnd.Web.Audit;
using GemensamNamnd.Web.Identity;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Data;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> b)
    {
        b.Property(p => p.Slug).HasMaxLength(Limits.Slug);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Name).HasMaxLength(Limits.Name);
        b.Property(p => p.OrganisationNumber).HasMaxLength(11);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.OwnsOne(p => p.Settings, s =>
        {
            s.ToJson();
            s.Property(x => x.CaseNumberPrefix).HasMaxLength(20);
            s.Property(x => x.RequestClockStart).HasConversion<string>();
            s.Property(x => x.RequestRetentionAction).HasConversion<string>();
            s.Property(x => x.BreachRetentionAction).HasConversion<string>();
        });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("Users");
        b.HasIndex(u => new { u.EntraTenantId, u.EntraObjectId }).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(Limits.Name);
        b.Property(u => u.Email).HasMaxLength(Limits.Email);
        b.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        b.HasOne(m => m.Party).WithMany().HasForeignKey(m => m.PartyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.PartyId, m.UserId, m.Role }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorId).HasMaxLength(100);
        b.Property(a => a.ActorName).HasMaxLength(Limits.Name);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.PartyId, a.EntityType, a.EntityId });
        b.HasIndex(a => new { a.PartyId, a.At });
    }
}

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> b)
    {
        b.Property(a => a.ActorId).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Purpose).HasMaxLength(Limits.Reason);
        b.HasIndex(a => new { a.PartyId, a.EntityType, a.EntityId });
    }
}

/// <summary>Lengths shared by the model and the forms' validation, so both refuse the same input.</summary>
public static class Limits
{
    public const int Slug = 40;
    public const int Name = 200;
    public const int Email = 254;
    public const int Reason = 1000;
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        // Global: a session is the user's, not a party's (no party filter, no row-level security).
        b.ToTable("UserSessions");
        b.Property(s => s.EndReason).HasMaxLength(30);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}
