using System.ComponentModel.DataAnnotations;

namespace GemensamNamnd.Web.Features.Retention;

/// <summary>Section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>No party may plan to thin a closed case earlier than this many months after closure.</summary>
    [Range(0, GemensamNamnd.Domain.Retention.RetentionRules.MaximumMonths)]
    public int MinimumMonths { get; set; } = 12;

    /// <summary>How far ahead the retention page previews what will be thinned or deleted.</summary>
    [Range(1, 366)]
    public int PreviewDays { get; set; } = 30;
}
