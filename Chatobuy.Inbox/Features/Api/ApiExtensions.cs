namespace Chatobuy.Inbox.Features.Api;

public static class ApiExtensions
{
    public static IServiceCollection AddIntegrationApi(this IServiceCollection services) => services;

    public static WebApplication MapIntegrationApi(this WebApplication app) => app;
}
