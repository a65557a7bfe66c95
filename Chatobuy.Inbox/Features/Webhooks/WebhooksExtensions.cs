namespace Chatobuy.Inbox.Features.Webhooks;

public static class WebhooksExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AppWebhookSettings>();
        services.AddSingleton<WebhookSigners>();
        services.AddSingleton<SignatureRefusals>();
        services.AddSingleton<SignatureRefusalWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SignatureRefusalWriter>());
        services.AddSingleton<RawDeliveryPruner>();
        services.AddHostedService(provider => provider.GetRequiredService<RawDeliveryPruner>());
        services.AddSingleton<WebhookIngestion>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookIngestion>());
        return services;
    }

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapWhatsAppWebhooks();
        app.MapControllers();
        return app;
    }
}
