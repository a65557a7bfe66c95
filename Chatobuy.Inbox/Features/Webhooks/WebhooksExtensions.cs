namespace Chatobuy.Inbox.Features.Webhooks;

public static class WebhooksExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services) => services;

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapControllers();
        return app;
    }
}
