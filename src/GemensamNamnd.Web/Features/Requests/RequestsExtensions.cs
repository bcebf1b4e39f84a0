using GemensamNamnd.Web.Features.Requests.Commands;
using Microsoft.AspNetCore.Authorization;

namespace GemensamNamnd.Web.Features.Requests;

/// <summary>The request register's services: one command per use case, its queries and the skyddad identitet rule.</summary>
public static class RequestsExtensions
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestViewers>();
        services.AddScoped<IAuthorizationHandler, OpenRequestHandler>();
        services.AddScoped<RequestOfficers>();
        services.AddScoped<RequestChanges>();
        services.AddScoped<RegisterRequest>();
        services.AddScoped<MoveRequest>();
        services.AddScoped<AskIdentity>();
        services.AddScoped<ConfirmIdentity>();
        services.AddScoped<ForwardRequest>();
        services.AddScoped<RecordHandOver>();
        services.AddScoped<ExtendRequest>();
        services.AddScoped<AnswerRequest>();
        services.AddScoped<ReviewSecrecy>();
        services.AddScoped<NotifyRecipients>();
        services.AddScoped<RefuseRequest>();
        services.AddScoped<AssignRequest>();
        services.AddScoped<AssignRequests>();
        services.AddScoped<EditRequestDetails>();
        services.AddScoped<SaveSystemSearches>();
        services.AddScoped<AnswerGuard>();
        services.AddScoped<VoidRequest>();
        services.AddScoped<ReopenRequest>();
        services.AddScoped<CorrectRequest>();
        return services;
    }
}
