using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Dpo;

internal sealed class DpoPersonConfiguration : IEntityTypeConfiguration<DpoPerson>
{
    public void Configure(EntityTypeBuilder<DpoPerson> b)
    {
        b.ToTable("DpoPersons");
        b.Property(p => p.Name).HasMaxLength(Limits.Name);
        b.Property(p => p.WorkPhone).HasMaxLength(DpoLimits.Phone);
        b.Property(p => p.WorkEmail).HasMaxLength(Limits.Email);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Name);
        b.HasOne<Identity.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DpoAllocationConfiguration : IEntityTypeConfiguration<DpoAllocation>
{
    public void Configure(EntityTypeBuilder<DpoAllocation> b)
    {
        b.ToTable("DpoAllocations");
        b.Ignore(a => a.Span);
        b.Ignore(a => a.Facts);
        b.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ReportingLevel).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.ReportsTo).HasMaxLength(Limits.Name);
        b.Property(a => a.PublicWebPage).HasMaxLength(DpoLimits.Url);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<DpoPerson>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        // PartyId leads: the party's list, and the person's allocations within a party (overlap check).
        b.HasIndex(a => new { a.PartyId, a.PersonId, a.StartsOn });
        b.HasIndex(a => new { a.PartyId, a.EndsOn });
        // The cross-party total of one person (owner connection, CrossParty only).
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class DpoRulesConfiguration : IEntityTypeConfiguration<DpoRules>
{
    public void Configure(EntityTypeBuilder<DpoRules> b)
    {
        b.ToTable("DpoRules");
        b.Ignore(r => r.Policy);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

public static class DpoLimits
{
    public const int Phone = 40;
    public const int Url = 500;
    public const int Role = 100;
    public const int Roles = 20;
    public const int BudgetNote = 2000;
}
