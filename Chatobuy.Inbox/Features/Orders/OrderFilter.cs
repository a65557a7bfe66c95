namespace Chatobuy.Inbox.Features.Orders;

/// <summary>What the Orders page and the API list: a status, a channel, a range of creation days (inclusive, the server's time zone) and a search.</summary>
public sealed record OrderFilter(OrderStatus? Status = null, string? ChannelId = null, DateOnly? From = null, DateOnly? To = null, string? Search = null);
