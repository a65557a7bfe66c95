namespace Chatobuy.Inbox.Features.Orders;

/// <summary><c>POST /api/v1/orders/{id}/status</c>: <c>fulfilled</c>, <c>cancelled</c>, or <c>paid</c> for an order paid outside a partner (custom link); an optional detail for the history.</summary>
public sealed record OrderStatusBody(string? Status, string? Detail);
