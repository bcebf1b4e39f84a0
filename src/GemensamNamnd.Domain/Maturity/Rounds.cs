namespace GemensamNamnd.Domain.Maturity;

/// <summary>Where a self-assessment round stands.</summary>
public enum RoundStatus
{
    /// <summary>Utkast: questions and level descriptions may still change; nobody answers yet.</summary>
    Draft,

    /// <summary>Öppen: the parties answer until the closing date; the questions are fixed.</summary>
    Open,

    /// <summary>Stängd: frozen, for comparison.</summary>
    Closed,
}

/// <summary>One dimension of the questionnaire: a key, a title, the question, and what each level 1–5 means.</summary>
public sealed record DimensionText(string Key, string Title, string Question, IReadOnlyList<string> Levels);

/// <summary>A party's answer on one dimension: a level 1–5 and a short justification.</summary>
public sealed record DimensionAnswer(string Key, int Level, string Justification);

/// <summary>One refusal: the input it concerns and why, in Swedish.</summary>
public sealed record RoundError(string Field, string Message);

/// <summary>
/// The rules of a self-assessment round (issue 6): levels 1–5; questions editable only before the round opens; answers
/// only while it is open and not after its closing date (the closing day itself still counts, Swedish calendar); a
/// closed round is frozen.
/// </summary>
public static class RoundRules
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;
    public const int JustificationLimit = 1000;
    public const int TitleLimit = 120;
    public const int TextLimit = 600;
    public const int MaxDimensions = 20;

    public static string Swedish(this RoundStatus status) => status switch
    {
        RoundStatus.Draft => "Utkast",
        RoundStatus.Open => "Öppen",
        RoundStatus.Closed => "Stängd",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined round status."),
    };

    /// <summary>Null when the questions may change; otherwise why not.</summary>
    public static string? WhyNotEditQuestions(RoundStatus status) => status switch
    {
        RoundStatus.Draft => null,
        RoundStatus.Open => "Omgången är öppnad: frågorna kan inte längre ändras.",
        _ => "Omgången är stängd och kan inte ändras.",
    };

    /// <summary>Null when the round may open on <paramref name="today"/>; otherwise why not.</summary>
    public static string? WhyNotOpen(RoundStatus status, DateOnly closesOn, int dimensionCount, DateOnly today) =>
        status != RoundStatus.Draft ? (status == RoundStatus.Open ? "Omgången är redan öppen." : "Omgången är stängd och kan inte öppnas igen.")
        : closesOn < today ? "Sista svarsdagen har redan passerat: välj ett senare datum innan omgången öppnas."
        : dimensionCount == 0 ? "Omgången har inga frågor."
        : null;

    /// <summary>Null when the round may be closed; otherwise why not.</summary>
    public static string? WhyNotClose(RoundStatus status) => status switch
    {
        RoundStatus.Open => null,
        RoundStatus.Draft => "Omgången är inte öppnad.",
        _ => "Omgången är redan stängd.",
    };

    /// <summary>Null when a party may answer on <paramref name="today"/> (Swedish day); otherwise why not.</summary>
    public static string? WhyNotAnswer(RoundStatus status, DateOnly closesOn, DateOnly today) =>
        status == RoundStatus.Draft ? "Omgången är inte öppnad ännu."
        : status == RoundStatus.Closed ? "Omgången är stängd: svaren kan inte längre ändras."
        : today > closesOn ? $"Sista svarsdagen var {Deadlines.SwedishDates.Long(closesOn)}: svar tas inte längre emot."
        : null;

    /// <summary>Checks the round's year, closing date and questions; empty when valid.</summary>
    public static List<RoundError> CheckRound(int year, DateOnly? closesOn, IReadOnlyList<DimensionText> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var errors = new List<RoundError>();
        if (year is < 2000 or > 2100)
        {
            errors.Add(new("Year", "Ange ett år mellan 2000 och 2100."));
        }

        if (closesOn is null)
        {
            errors.Add(new("ClosesOn", "Ange sista svarsdag (ÅÅÅÅ-MM-DD)."));
        }

        if (dimensions.Count == 0)
        {
            errors.Add(new("Dimensions", "Omgången behöver minst en fråga."));
        }
        else if (dimensions.Count > MaxDimensions)
        {
            errors.Add(new("Dimensions", $"Högst {MaxDimensions} frågor."));
        }

        for (var i = 0; i < dimensions.Count; i++)
        {
            var d = dimensions[i];
            if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Length > TitleLimit)
            {
                errors.Add(new($"Dimensions[{i}].Title", $"Fråga {i + 1}: ange en rubrik (högst {TitleLimit} tecken)."));
            }

            if (string.IsNullOrWhiteSpace(d.Question) || d.Question.Length > TextLimit)
            {
                errors.Add(new($"Dimensions[{i}].Question", $"Fråga {i + 1}: skriv frågan (högst {TextLimit} tecken)."));
            }

            if (d.Levels.Count != MaxLevel || d.Levels.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > TextLimit))
            {
                errors.Add(new($"Dimensions[{i}].Levels", $"Fråga {i + 1}: beskriv var och en av nivåerna 1–5 (högst {TextLimit} tecken var)."));
            }
        }

        if (dimensions.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count() != dimensions.Count)
        {
            errors.Add(new("Dimensions", "Två frågor har samma nyckel."));
        }

        return errors;
    }

    /// <summary>Checks a party's answers against the round's dimensions: every dimension once, level 1–5 (0: none chosen), a justification.</summary>
    public static List<RoundError> CheckAnswers(IReadOnlyList<DimensionText> dimensions, IReadOnlyList<DimensionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<RoundError>();
        foreach (var d in dimensions)
        {
            var given = answers.Where(a => a.Key == d.Key).ToList();
            if (given.Count != 1)
            {
                errors.Add(new($"Level_{d.Key}", $"{d.Title}: välj en nivå 1–5."));
                continue;
            }

            var a = given[0];
            if (a.Level == 0)
            {
                errors.Add(new($"Level_{d.Key}", $"{d.Title}: välj en nivå 1–5."));
            }
            else if (a.Level is < MinLevel or > MaxLevel)
            {
                errors.Add(new($"Level_{d.Key}", $"{d.Title}: nivån måste vara 1–5."));
            }

            if (string.IsNullOrWhiteSpace(a.Justification))
            {
                errors.Add(new($"Justification_{d.Key}", $"{d.Title}: motivera nivån kort."));
            }
            else if (a.Justification.Length > JustificationLimit)
            {
                errors.Add(new($"Justification_{d.Key}", $"{d.Title}: motiveringen får vara högst {JustificationLimit} tecken."));
            }
        }

        var unknown = answers.Select(a => a.Key).Except(dimensions.Select(d => d.Key), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(string.Empty, "Svaret gäller en fråga som inte finns i omgången."));
        }

        return errors;
    }

    /// <summary>The mean level of a party's answers, one decimal's worth; null for none.</summary>
    public static double? MeanLevel(IEnumerable<int> levels)
    {
        var list = levels.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2);
    }
}
