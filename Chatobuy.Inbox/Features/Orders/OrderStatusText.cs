namespace Chatobuy.Inbox.Features.Orders;

/// <summary>How an order status reads in the UI, and its API name (<c>pending_payment</c>, <c>paid</c>, …).</summary>
public static class OrderStatusText
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "Pending payment",
        OrderStatus.Paid => "Paid",
        OrderStatus.Failed => "Payment failed",
        OrderStatus.Expired => "Expired",
        OrderStatus.Cancelled => "Cancelled",
        OrderStatus.Fulfilled => "Fulfilled",
        _ => status.ToString(),
    };

    public static string ApiName(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "pending_payment",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The status an API name stands for; null when it names none.</summary>
    public static OrderStatus? FromApiName(string? name) =>
        Enum.GetValues<OrderStatus>().Where(s => ApiName(s) == name).Select(s => (OrderStatus?)s).FirstOrDefault();
}
