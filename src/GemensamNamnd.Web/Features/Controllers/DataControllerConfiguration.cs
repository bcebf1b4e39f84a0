using GemensamNamnd.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Controllers;

internal sealed class DataControllerConfiguration : IEntityTypeConfiguration<DataController>
{
    public void Configure(EntityTypeBuilder<DataController> b)
    {
        b.Property(c => c.Name).HasMaxLength(Limits.Name);
        b.Property(c => c.OrganisationNumber).HasMaxLength(11);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Version).IsConcurrencyToken();
        // PartyId leads every unique index: uniqueness is per party, and a distributed (Citus) database can shard on it.
        b.HasIndex(c => new { c.PartyId, c.Name }).IsUnique();
    }
}
