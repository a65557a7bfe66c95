namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// A catalog product an agent can put in an order: the shop's retailer id, its name, Meta's display price ("$12.50") and,
/// when that price reads as an amount, the unit price it stands for (the agent can change it before sending).
/// </summary>
public sealed record OrderProduct(string RetailerId, string Name, string? DisplayPrice, decimal? UnitPrice, string? Currency);
