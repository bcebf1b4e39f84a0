namespace GemensamNamnd.Web.Features.Maturity;

public static class MaturityExtensions
{
    public static IServiceCollection AddMaturity(this IServiceCollection services)
    {
        services.AddScoped<MaturityCrossParty>();
        services.AddScoped<MaturityComparison>();
        services.AddScoped<MaturityRounds>();
        return services;
    }
}
