using GemensamNamnd.Domain.Processors;
using GemensamNamnd.Web.Infrastructure;

namespace GemensamNamnd.Web.Features.Processors;

/// <summary>The Swedish words and urgencies of the processor register.</summary>
public static class ProcessorWords
{
    public static Urgency Urgency(AgreementStatus status) => status switch
    {
        AgreementStatus.InForce => Infrastructure.Urgency.Closed,
        AgreementStatus.EndingSoon => Infrastructure.Urgency.DueSoon,
        _ => Infrastructure.Urgency.Overdue,
    };

    public static string Swedish(this AgreementStandard standard) => standard switch
    {
        AgreementStandard.SkrTemplate => "SKR:s mall",
        AgreementStandard.SupplierOwn => "Leverantörens eget avtal",
        _ => "Annan mall",
    };
}
