using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>Fills the payment messages' placeholders: <c>{order_number}</c>, <c>{total}</c> and <c>{payment_link}</c>.</summary>
public static class PaymentText
{
    public const string OrderNumber = "{order_number}";
    public const string Total = "{total}";
    public const string PaymentLink = "{payment_link}";

    public static readonly IReadOnlyList<string> Placeholders = [OrderNumber, Total, PaymentLink];

    /// <summary>The message with the order's number, its total ("HKD 123.50") and its current link filled in.</summary>
    public static string Fill(string template, Order order) =>
        template
            .Replace(OrderNumber, order.Number, StringComparison.Ordinal)
            .Replace(Total, order.TotalText, StringComparison.Ordinal)
            .Replace(PaymentLink, order.PaymentLinkUrl ?? "", StringComparison.Ordinal);
}
