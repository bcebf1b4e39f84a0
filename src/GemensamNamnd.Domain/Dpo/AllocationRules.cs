namespace GemensamNamnd.Domain.Dpo;

/// <summary>What an allocation says, as far as the rules are concerned.</summary>
/// <param name="Id">The allocation's id (so that an edit does not overlap itself).</param>
/// <param name="PersonId">The DPO person.</param>
/// <param name="Role">Ordinarie or ersättare.</param>
/// <param name="ControllerIds">The party's controllers (nämnder, bolag) the allocation covers.</param>
/// <param name="Span">The first and last day.</param>
/// <param name="SharePercent">Share of a full-time post, in whole percent.</param>
public sealed record AllocationFacts(Guid Id, Guid PersonId, DpoRole Role, IReadOnlyCollection<Guid> ControllerIds, DateSpan Span, int SharePercent);

/// <summary>The rules an allocation must keep before it is stored.</summary>
public static class AllocationRules
{
    public const int MinShare = 1;
    public const int MaxShare = 100;

    /// <summary>A share of a full-time post is 1–100 %: more than a whole post cannot be one allocation.</summary>
    public static bool IsValidShare(int share) => share is >= MinShare and <= MaxShare;

    /// <summary>
    /// The existing allocations (of the same party) that <paramref name="candidate"/> overlaps: the same person, the same
    /// role, a shared controller and at least one shared day. Such a pair would count the same person twice for one
    /// controller. Another role (ordinarie beside ersättare) or another person is not an overlap.
    /// </summary>
    public static IReadOnlyList<AllocationFacts> Overlapping(AllocationFacts candidate, IEnumerable<AllocationFacts> existing)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        return existing.Where(e => e.Id != candidate.Id
                && e.PersonId == candidate.PersonId
                && e.Role == candidate.Role
                && e.ControllerIds.Any(candidate.ControllerIds.Contains)
                && e.Span.Overlaps(candidate.Span))
            .ToList();
    }
}
