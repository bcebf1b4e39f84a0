using GemensamNamnd.Web.Features.Outbox;

namespace GemensamNamnd.Web.Features.Reminders;

public static class ReminderExtensions
{
    /// <summary>Reminders and the mail outbox. A register adds its reminders with ONE line here: its IReminderSource.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<IReminderSource, Requests.RequestReminderSource>();
        services.AddScoped<IReminderSource, Breaches.BreachReminderSource>();
        services.AddScoped<IReminderSource, Dpo.DpoReminderSource>();
        services.AddScoped<IReminderSource, Drills.DrillReminderSource>();
        services.AddScoped<IReminderSource, Maturity.MaturityReminderSource>();

        services.AddScoped<PartyReminders>();
        services.AddScoped<PartyReminderJob>();
        services.AddScoped<ReminderSweepJob>();
        services.AddScoped<SaveReminderPreference>();
        services.AddOutbox();
        return services;
    }
}
