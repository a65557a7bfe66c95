namespace Chatobuy.Inbox.Features.Orders;

/// <summary>The link made for an order, the order as it is now and, when it was sent, the message's id (see <c>GET /api/v1/messages/{id}</c>).</summary>
public sealed record PaymentLinkDto(string Url, long? MessageId, OrderDto Order);
