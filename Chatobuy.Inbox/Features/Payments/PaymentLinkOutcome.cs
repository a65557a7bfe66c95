using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>The order with its new link and the channel's payment settings (for the message to send); or why there is no link.</summary>
public sealed record PaymentLinkOutcome(Order? Order, PaymentSettings? Settings, string? Error)
{
    public bool Succeeded => Error is null;

    public static PaymentLinkOutcome Made(Order order, PaymentSettings settings) => new(order, settings, null);

    public static PaymentLinkOutcome Refused(string error) => new(null, null, error);
}
