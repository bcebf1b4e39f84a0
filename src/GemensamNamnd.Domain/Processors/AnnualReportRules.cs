using GemensamNamnd.Domain.Requests;

namespace GemensamNamnd.Domain.Processors;

/// <summary>One request of the year as the annual report counts it.</summary>
public sealed record AnnualRequest(DataSubjectRights Rights, DateOnly? AnsweredOn, DateOnly EffectiveDueOn);

/// <summary>One breach of the year as the annual report counts it.</summary>
public sealed record AnnualBreach(DateTimeOffset AwareAt, DateTimeOffset? ReportedAt);

/// <summary>One consultation of the year as the annual report counts it.</summary>
public sealed record AnnualConsultation(DateOnly AskedOn, DateOnly? DecidedOn, AdviceFollowed Followed);

/// <summary>One DPO allocation as the annual report counts it: its share of a post and how many controllers it covers.</summary>
public sealed record AnnualAllocation(int SharePercent, int ControllerCount);

/// <summary>The figures the DPO presents to a nämnd for a year (Art. 38(3): the DPO reports to the highest management level).</summary>
public sealed record AnnualFigures(
    int Requests,
    IReadOnlyList<(DataSubjectRights Right, int Count)> ByRight,
    int Answered,
    int AnsweredInTime,
    int Breaches,
    int ReportedToImy,
    int ReportedWithin72Hours,
    int Consultations,
    int AdviceFollowed,
    int AskedInGoodTime,
    double AllocationPercent)
{
    /// <summary>The cases of the year (requests and breaches): the DPO's workload for the controller beside its allocation.</summary>
    public int Cases => Requests + Breaches;
}

/// <summary>
/// The DPO's annual report per controller (issue 21): requests by right and answered in time (Art. 12(3)), breaches and
/// reports to IMY within 72 hours (Art. 33(1)), consultations and advice followed (Art. 38(1)), and the DPO allocations'
/// share of a post for the controller. An allocation covering several controllers is split evenly between them.
/// </summary>
public static class AnnualReportRules
{
    public static AnnualFigures Compute(IReadOnlyCollection<AnnualRequest> requests, IReadOnlyCollection<AnnualBreach> breaches,
        IReadOnlyCollection<AnnualConsultation> consultations, IReadOnlyCollection<AnnualAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(breaches);
        ArgumentNullException.ThrowIfNull(consultations);
        ArgumentNullException.ThrowIfNull(allocations);
        var byRight = requests.SelectMany(r => r.Rights.Each()).GroupBy(r => r).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var answered = requests.Where(r => r.AnsweredOn is not null).ToList();
        var reported = breaches.Where(b => b.ReportedAt is not null).ToList();
        return new AnnualFigures(
            requests.Count,
            byRight,
            answered.Count,
            answered.Count(r => r.AnsweredOn <= r.EffectiveDueOn),
            breaches.Count,
            reported.Count,
            reported.Count(b => b.ReportedAt!.Value - b.AwareAt <= TimeSpan.FromHours(72)),
            consultations.Count,
            consultations.Count(c => c.Followed == AdviceFollowed.Yes),
            consultations.Count(c => ConsultationRules.InGoodTime(c.AskedOn, c.DecidedOn)),
            allocations.Sum(a => (double)a.SharePercent / Math.Max(1, a.ControllerCount)));
    }
}
