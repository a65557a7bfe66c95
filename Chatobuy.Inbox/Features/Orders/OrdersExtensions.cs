namespace Chatobuy.Inbox.Features.Orders;

public static class OrdersExtensions
{
    /// <summary>Orders: carts made into orders (off the webhook's path), the order services and Generate Payment Link.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddSingleton<OrderCatalog>();
        services.AddSingleton<OrderIntake>();
        services.AddHostedService<OrderIntakeWorker>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<PaymentLinkSender>();
        return services;
    }
}
