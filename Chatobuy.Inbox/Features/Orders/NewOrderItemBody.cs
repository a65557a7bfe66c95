namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One product of <see cref="NewOrderBody"/>: retailer id, quantity, unit price in major units (7.99) and an optional name.</summary>
public sealed record NewOrderItemBody(string? RetailerId, string? Name, int? Quantity, decimal? UnitPrice);
