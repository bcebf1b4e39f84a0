using GemensamNamnd.Web.Infrastructure.Jobs;

namespace GemensamNamnd.Web.Features.Reminders;

public static class ReminderExtensions
{
    /// <summary>Reminders (mails go through the outbox, <c>AddOutbox</c>). A register adds its reminders with ONE line here: its IReminderSource.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<IReminderSource, Requests.RequestReminderSource>();
        services.AddScoped<IReminderSource, Breaches.BreachReminderSource>();
        services.AddScoped<IReminderSource, Dpo.DpoReminderSource>();
        services.AddScoped<IReminderSource, Drills.DrillReminderSource>();
        services.AddScoped<IReminderSource, Maturity.MaturityReminderSource>();
        services.AddScoped<IReminderSource, Processing.AssessmentReminderSource>();
        services.AddScoped<IReminderSource, Processors.ProcessorReminderSource>();

        services.AddScoped<PartyReminders>();
        services.AddScoped<PartyReminderJob>();
        services.AddScoped<ReminderSweepJob>();
        services.AddRecurringJob<ReminderSweepJob>(ReminderSweepJob.RecurringId, o => o.ReminderSweepCron, j => j.RunAsync(CancellationToken.None));
        services.AddScoped<SaveReminderPreference>();
        services.AddScoped<SavePartyReminderSettings>();
        return services;
    }
}
