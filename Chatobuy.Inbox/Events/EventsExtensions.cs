namespace Chatobuy.Inbox.Events;

public static class EventsExtensions
{
    /// <summary>The in-process event bus, shared with the other instances through Redis when a connection string is set.</summary>
    public static IServiceCollection AddInboxEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InboxEvents>();
        services.AddSingleton(typeof(WakeSignal<>));
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            services.AddHostedService(provider => ActivatorUtilities.CreateInstance<RedisEventRelay>(provider, redis));
        }

        return services;
    }
}
