namespace Chatobuy.Inbox.Events;

/// <summary>A stored message changed: status, media ready, reaction, wamid assigned.</summary>
public sealed record MessageUpdated(string ChannelId, long ConversationId, long MessageId) : IInboxEvent, IConversationEvent;
