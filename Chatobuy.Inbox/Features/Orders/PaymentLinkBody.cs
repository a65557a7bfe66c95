namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// <c>POST /api/v1/orders/{id}/payment-link</c>: <see cref="Send"/> also sends it to the customer, with
/// <see cref="Message"/> (placeholders <c>{order_number}</c>, <c>{total}</c>, <c>{payment_link}</c>; the channel's
/// "Payment link" message when left out).
/// </summary>
public sealed record PaymentLinkBody(bool? Send, string? Message);
