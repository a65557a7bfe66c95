namespace Chatobuy.Inbox.Features.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The notification centre: each agent's notifications, written from inbox events.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationCenter>();
        services.AddHostedService<NotificationWriter>();
        return services;
    }
}
