namespace Chatobuy.Inbox.Features.Orders;

/// <summary>A channel as the Orders page's filter names it.</summary>
public sealed record OrderChannel(string Id, string Title);
