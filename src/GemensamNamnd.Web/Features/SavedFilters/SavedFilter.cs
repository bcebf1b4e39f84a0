using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.SavedFilters;

/// <summary>
/// A list filter a user named and saved: the list's query string (filters, search, sort), kept per user and party and
/// never shown to anyone else. Applying it is following the list's address with the query.
/// </summary>
public sealed class SavedFilter : IPartyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartyId { get; set; }

    public Guid UserId { get; init; }

    /// <summary>The list it belongs to: <see cref="SavedFilterQueries.Requests"/> or <see cref="SavedFilterQueries.Breaches"/>.</summary>
    public required string List { get; init; }

    public required string Name { get; init; }

    /// <summary>The list's query string without <c>?</c> and without a page number, e.g. <c>status=Registered&amp;sok=KS</c>.</summary>
    public required string Query { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.ToTable("saved_filters");
        b.Property(x => x.List).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(SavedFilterQueries.NameLimit);
        b.Property(x => x.Query).HasMaxLength(SavedFilterQueries.QueryLimit);
        // PartyId leads: a user's filters of one list in one party, and one name once.
        b.HasIndex(x => new { x.PartyId, x.UserId, x.List, x.Name }).IsUnique();
    }
}
