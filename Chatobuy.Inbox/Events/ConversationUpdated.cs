namespace Chatobuy.Inbox.Events;

/// <summary>A conversation changed: unread count, assignee, status, window.</summary>
public sealed record ConversationUpdated(string ChannelId, long ConversationId) : IInboxEvent, IConversationEvent;
