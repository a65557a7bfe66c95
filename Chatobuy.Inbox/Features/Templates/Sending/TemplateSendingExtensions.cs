namespace Chatobuy.Inbox.Features.Templates.Sending;

public static class TemplateSendingExtensions
{
    public static IServiceCollection AddTemplateSending(this IServiceCollection services)
    {
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<TemplateSendValidator>();
        return services;
    }
}
