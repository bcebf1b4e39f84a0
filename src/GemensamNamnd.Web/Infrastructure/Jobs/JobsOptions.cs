using System.ComponentModel.DataAnnotations;

namespace GemensamNamnd.Web.Infrastructure.Jobs;

/// <summary>Section <c>Hangfire</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>
    /// Runs the Hangfire server and the outbox dispatcher on this instance. Several instances may run them against one
    /// PostgreSQL; infra turns it off on the staging slot (Hangfire__ServerEnabled=false).
    /// </summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>Cron of the reminder sweep, in Swedish time (Europe/Stockholm).</summary>
    [Required]
    public string ReminderSweepCron { get; set; } = "*/15 * * * *";

    /// <summary>Cron of the retention sweep (gallring), in Swedish time: nightly at 02:30 by default, outside office hours.</summary>
    [Required]
    public string RetentionSweepCron { get; set; } = "30 2 * * *";

    /// <summary>PostgreSQL schema of Hangfire's tables: outside the party tables and their row-level security.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Hangfire:Schema måste vara ett enkelt namn (a–z, 0–9, _).")]
    public string Schema { get; set; } = "hangfire";

    [Range(1, 100)]
    public int WorkerCount { get; set; } = 4;
}
