using System.Security.Cryptography;
using System.Text;
using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Features.Todo;

/// <summary>
/// A user's calendar subscription (global table <c>calendar_feeds</c>, one per user): the secret in its address is kept
/// only as a SHA-256 hash, so the table cannot give the address away; a new address or turning it off revokes the old one.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    /// <summary>Hex SHA-256 of the address's secret (256 random bits, so no salt or slow hash is needed).</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("calendar_feeds");
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.UserId).IsUnique();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Creates, finds and revokes calendar feeds; the secret is shown once, when it is made.</summary>
public sealed class CalendarFeeds(AppDbContext db, TimeProvider clock)
{
    /// <summary>The address path of a feed: <c>/kalender/{secret}.ics</c>.</summary>
    public static string PathOf(string secret) => $"/kalender/{secret}.ics";

    public Task<bool> ExistsAsync(Guid userId, CancellationToken ct) => db.Set<CalendarFeed>().AnyAsync(f => f.UserId == userId, ct);

    /// <summary>A new secret for the user, replacing any earlier one (which stops working at once).</summary>
    public async Task<string> RenewAsync(Guid userId, CancellationToken ct)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            db.Set<CalendarFeed>().Add(new CalendarFeed { UserId = userId, TokenHash = Hash(secret), CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            feed.TokenHash = Hash(secret);
            feed.CreatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(Guid userId, CancellationToken ct)
    {
        await db.Set<CalendarFeed>().Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The enabled user behind a secret, with their memberships; null for an unknown or revoked secret.</summary>
    public async Task<AppUser?> FindUserAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is < 40 or > 60)
        {
            return null;
        }

        var hash = Hash(secret);
        var userId = await db.Set<CalendarFeed>().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId).FirstOrDefaultAsync(ct);
        return userId is null ? null : await db.Users.AsNoTracking()
            .Include(u => u.Memberships).ThenInclude(m => m.Party)
            .AsSplitQuery()
            .FirstOrDefaultAsync(u => u.Id == userId && !u.IsDisabled, ct);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
