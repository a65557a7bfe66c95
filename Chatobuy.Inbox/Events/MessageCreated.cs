namespace Chatobuy.Inbox.Events;

/// <summary>A message was stored (inbound or outbound).</summary>
public sealed record MessageCreated(string ChannelId, long ConversationId, long MessageId) : IInboxEvent, IConversationEvent;
