namespace GemensamNamnd.Web.Features.Letters;

/// <summary>Letters from a case (issue 18): the producing service; the pages are Razor pages in this folder.</summary>
public static class LettersExtensions
{
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.AddScoped<LetterService>();
        services.AddScoped<SaveLetterTemplate>();
        return services;
    }
}
