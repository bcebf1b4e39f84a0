namespace GemensamNamnd.Web.Features.Todo;

public static class TodoExtensions
{
    /// <summary>The to-do list. A register adds its part with ONE line here: its <see cref="ITodoSource"/>.</summary>
    public static IServiceCollection AddTodo(this IServiceCollection services)
    {
        services.AddScoped<ITodoSource, Requests.RequestTodoSource>();
        services.AddScoped<ITodoSource, Breaches.BreachTodoSource>();
        services.AddScoped<ITodoSource, Dpo.DpoTodoSource>();
        services.AddScoped<ITodoSource, Drills.DrillTodoSource>();
        services.AddScoped<ITodoSource, Maturity.MaturityTodoSource>();
        services.AddScoped<ITodoSource, Processing.ProcessingTodoSource>();
        services.AddScoped<ITodoSource, Processors.ProcessorTodoSource>();
        services.AddScoped<TodoList>();
        services.AddScoped<CalendarFeeds>();
        return services;
    }
}
