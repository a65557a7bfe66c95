namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One line of an order in the integration API: unit price and subtotal in major units.</summary>
public sealed record OrderItemDto(string RetailerId, string Name, int Quantity, decimal UnitPrice, string Currency, decimal Subtotal);
