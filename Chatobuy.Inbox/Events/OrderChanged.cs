using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Events;

/// <summary>
/// An order was created or its status, items or payment link changed (published after the commit). Open Orders pages and
/// the chat's order panel refresh; <paramref name="ConversationId"/> is null for an order without a conversation.
/// </summary>
public sealed record OrderChanged(string ChannelId, long OrderId, long? ConversationId, OrderStatus Status) : IInboxEvent;
