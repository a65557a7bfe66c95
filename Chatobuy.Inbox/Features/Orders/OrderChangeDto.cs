namespace Chatobuy.Inbox.Features.Orders;

/// <summary>One step of an order's history in the integration API: when, who, from which status (null at creation) to which.</summary>
public sealed record OrderChangeDto(DateTimeOffset At, string Actor, string? From, string To, string? Detail);
